package dev.jgenkit.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.jgenkit.runners.results.RunResult;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ResultsJsonTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static JsonSchema schema;

  @BeforeAll
  static void loadSchema() throws Exception {
    try (InputStream in = ResultsJson.class.getResourceAsStream(ResultsJson.SCHEMA_RESOURCE)) {
      assertThat(in).as("schema resource").isNotNull();
      schema =
          JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
              .getSchema(MAPPER.readTree(in));
    }
  }

  @Test
  void matchesTheGoldenFile() throws Exception {
    // given
    RunResult run = SampleRuns.full();

    // when
    String json = ResultsJson.writeString(run);

    // then
    Golden.assertMatches("results.json", json);
  }

  @Test
  void generatedDocumentsValidateAgainstTheSchema() throws Exception {
    for (RunResult run : List.of(SampleRuns.full(), SampleRuns.emptyAttached())) {
      // given
      JsonNode doc = MAPPER.readTree(ResultsJson.write(run));

      // when
      Set<ValidationMessage> errors = schema.validate(doc);

      // then
      assertThat(errors).isEmpty();
    }
  }

  @Test
  void schemaRejectsUnknownFieldsAndWrongShapes() throws Exception {
    // given: the validator can fail (a negative control for the test above)
    ObjectNode extraTop = (ObjectNode) MAPPER.readTree(ResultsJson.write(SampleRuns.full()));
    extraTop.put("surprise", true);
    ObjectNode badTest = (ObjectNode) MAPPER.readTree(ResultsJson.write(SampleRuns.full()));
    ((ObjectNode) badTest.get("tests").get(0)).put("verdict", "MAYBE");
    ObjectNode customWithCapability =
        (ObjectNode) MAPPER.readTree(ResultsJson.write(SampleRuns.full()));
    ((ObjectNode) customWithCapability.get("tests").get(4)).put("capability", "tool-request");

    // when / then
    assertThat(schema.validate(extraTop)).isNotEmpty();
    assertThat(schema.validate(badTest)).isNotEmpty();
    assertThat(schema.validate(customWithCapability)).isNotEmpty();
  }

  @Test
  void topLevelFieldsComeInAStableOrder() throws Exception {
    // given
    JsonNode doc = MAPPER.readTree(ResultsJson.write(SampleRuns.full()));

    // when
    List<String> top = fieldNames(doc);
    List<String> test = fieldNames(doc.get("tests").get(0));

    // then
    assertThat(top)
        .containsExactly(
            "schemaVersion",
            "tool",
            "toolVersion",
            "startedAt",
            "finishedAt",
            "durationMillis",
            "interrupted",
            "specFiles",
            "runtime",
            "summary",
            "tests");
    assertThat(test)
        .containsExactly(
            "index",
            "suiteIndex",
            "model",
            "modelKey",
            "name",
            "capability",
            "kind",
            "stream",
            "validators",
            "verdict",
            "reason",
            "attempts",
            "durationMillis",
            "timeToFirstChunkMillis",
            "chunkCount",
            "traceId",
            "usage",
            "finishReason",
            "location",
            "declaredUnsupported");
  }

  @Test
  void summarisesVerdictsAndRunTiming() throws Exception {
    // given
    JsonNode doc = MAPPER.readTree(ResultsJson.write(SampleRuns.full()));

    // when
    JsonNode summary = doc.get("summary");

    // then
    assertThat(doc.get("schemaVersion").asInt()).isEqualTo(1);
    assertThat(doc.get("startedAt").asText()).isEqualTo("2025-06-01T10:00:00Z");
    assertThat(doc.get("finishedAt").asText()).isEqualTo("2025-06-01T10:02:04.250Z");
    assertThat(doc.get("durationMillis").asLong()).isEqualTo(124_250);
    assertThat(summary.toString())
        .isEqualTo("{\"total\":8,\"passed\":3,\"failed\":2,\"errored\":2,\"skipped\":1}");
  }

  @Test
  void writesTestsInPlanOrderWithNullsForAbsentValues() throws Exception {
    // given
    JsonNode tests = MAPPER.readTree(ResultsJson.write(SampleRuns.full())).get("tests");

    // when
    JsonNode custom = tests.get(4);
    JsonNode stream = tests.get(2);

    // then
    assertThat(tests).hasSize(8);
    for (int i = 0; i < tests.size(); i++) {
      assertThat(tests.get(i).get("index").asInt()).isEqualTo(i);
    }
    assertThat(custom.get("kind").asText()).isEqualTo("custom");
    assertThat(custom.get("capability").isNull()).isTrue();
    assertThat(custom.get("timeToFirstChunkMillis").isNull()).isTrue();
    assertThat(custom.get("usage").isNull()).isTrue();
    assertThat(custom.get("location").asText()).isEqualTo("specs/reference.yaml:12:7");
    assertThat(stream.get("timeToFirstChunkMillis").asLong()).isEqualTo(85);
    assertThat(stream.get("chunkCount").asInt()).isEqualTo(7);
    assertThat(stream.get("usage").get("totalTokens").asInt()).isEqualTo(162);
  }

  @Test
  void reasonsAreRedactedButOtherwiseKeptWhole() throws Exception {
    // given
    JsonNode tests = MAPPER.readTree(ResultsJson.write(SampleRuns.full())).get("tests");

    // when
    String reason = tests.get(5).get("reason").asText();

    // then
    assertThat(reason)
        .startsWith("Expected <toolRequest> & \"name\" got 'none'\u0001\u001b[31m red\nsecond line")
        .contains("data:image/png;base64,iVBORw0KGgoAAAAN…(150 bytes)")
        .doesNotContain(SampleRuns.LONG_BASE64)
        .endsWith("\r\nthird line \uFFFF end");
  }

  @Test
  void isTwoSpacePrettyPrintedUtf8EndingWithANewline() {
    // given
    byte[] bytes = ResultsJson.write(SampleRuns.emptyAttached());

    // when
    String text = new String(bytes, StandardCharsets.UTF_8);

    // then
    assertThat(text).startsWith("{\n  \"schemaVersion\": 1,\n  \"tool\": \"jgenkit\",");
    assertThat(text).contains("\"specFiles\": [],").contains("\"command\": [],");
    assertThat(text).contains("\"tests\": []\n}\n").endsWith("}\n");
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
