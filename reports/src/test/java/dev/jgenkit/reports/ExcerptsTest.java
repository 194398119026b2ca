package dev.jgenkit.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ExcerptsTest {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final String SECRET = "sk-planted-4f9a2c";

  @AfterEach
  void forgetSecrets() {
    Redaction.maskSecretsFrom(Map.of());
  }

  @Test
  void masksSecretsInEveryStringAndAuthorizationMembers() {
    // given
    Redaction.maskSecretsFrom(Map.of("MY_API_KEY", SECRET));
    ObjectNode response = JSON.objectNode();
    response.putObject("message").putArray("content").addObject()
        .put("text", "your key is " + SECRET + ", right?");
    response.putObject("headers").put("Authorization", "Bearer abc.def");
    response.putArray("echo").add(SECRET);

    // when
    JsonNode kept = Excerpts.forResults(response).orElseThrow();
    String shown = Excerpts.text(response);

    // then
    assertThat(kept.toString()).doesNotContain(SECRET).doesNotContain("abc.def");
    assertThat(kept.at("/message/content/0/text").asText()).isEqualTo("your key is ***, right?");
    assertThat(kept.at("/headers/Authorization").asText()).isEqualTo("***");
    assertThat(kept.at("/echo/0").asText()).isEqualTo("***");
    assertThat(shown).doesNotContain(SECRET).doesNotContain("abc.def").contains("\"***\"");
    assertThat(response.at("/echo/0").asText()).as("the input is not changed").isEqualTo(SECRET);
  }

  @Test
  void shortensLongDataUrls() {
    // given
    ObjectNode media = JSON.objectNode().put("url", "data:audio/wav;base64," + "UklG".repeat(100));

    // when
    JsonNode kept = Excerpts.forResults(media).orElseThrow();

    // then
    assertThat(kept.get("url").asText()).isEqualTo("data:audio/wav;base64,UklGUklGUklGUklG…(300 bytes)");
  }

  @Test
  void keepsLargeJsonAsATextExcerptAndShowsItAsText() {
    // given
    ObjectNode big = JSON.objectNode().put("text", "y".repeat(Excerpts.MAX_JSON_CHARS));

    // when
    JsonNode kept = Excerpts.forResults(big).orElseThrow();
    String shown = Excerpts.text(kept);

    // then
    assertThat(kept.isTextual()).isTrue();
    assertThat(kept.asText()).startsWith("{\n  \"text\" : \"yyy").endsWith(" more characters)");
    assertThat(shown).isEqualTo(kept.asText());
  }

  @Test
  void cutsLongExcerptsAndKeepsShortOnesWhole() {
    // given
    ObjectNode longInput = JSON.objectNode().put("text", "y".repeat(10_000));
    ObjectNode shortInput = JSON.objectNode().put("text", "hi");

    // when
    String cut = Excerpts.text(longInput);
    String whole = Excerpts.text(shortInput);

    // then
    String full = "{\n  \"text\" : \"" + "y".repeat(10_000) + "\"\n}";
    String kept = cut.substring(0, cut.indexOf("\n… ("));
    assertThat(cut.length()).isLessThanOrEqualTo(Excerpts.MAX_TEXT_CHARS);
    assertThat(full).startsWith(kept);
    assertThat(cut).endsWith("\n… (" + (full.length() - kept.length()) + " more characters)");
    assertThat(Excerpts.text(JSON.textNode(cut))).as("cutting an excerpt again keeps it").isEqualTo(cut);
    assertThat(whole).isEqualTo("{\n  \"text\" : \"hi\"\n}");
  }

  @Test
  void nothingToKeepForMissingOrNull() {
    assertThat(Excerpts.forResults(null)).isEmpty();
    assertThat(Excerpts.forResults(JSON.nullNode())).isEmpty();
    assertThat(Excerpts.forResults(JSON.missingNode())).isEmpty();
  }
}
