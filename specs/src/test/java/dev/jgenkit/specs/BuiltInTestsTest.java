package dev.jgenkit.specs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The built-ins against goldens made from the peer's own TEST_CASES literal: {@code
 * builtin-requests/<capability>.json} is the peer's {@code JSON.stringify({key, input})} and
 * {@code catalog.txt} its names, validators and stream flags, in declaration order.
 */
class BuiltInTestsTest {
  private static final Path GOLDEN = Path.of("src/test/resources/builtin-requests");
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String LOGO_SHA256 =
      "99d2f40cd74d516ec23508c11b96255cf05180c85ee752db91bc9f313c6026c7";

  static List<String> capabilities() {
    return Capabilities.KNOWN;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("capabilities")
  void serialisesTheRequestByteForByteLikeThePeer(String capability) throws IOException {
    // given
    String golden = Files.readString(GOLDEN.resolve(capability + ".json"), StandardCharsets.UTF_8);
    BuiltInTest test = BuiltInTests.get(capability).orElseThrow();

    // when
    ObjectNode request = MAPPER.createObjectNode().put("key", "/model/x");
    request.set("input", test.input());
    String json = MAPPER.writeValueAsString(request);

    // then
    assertThat(json + "\n").isEqualTo(golden);
  }

  @Test
  void hasThePeersNamesValidatorsAndStreamFlagsInItsOrder() throws IOException {
    // given
    List<String> golden = Files.readAllLines(GOLDEN.resolve("catalog.txt"), StandardCharsets.UTF_8);

    // when
    List<String> actual =
        BuiltInTests.all().stream()
            .map(
                t ->
                    t.capability()
                        + " | "
                        + t.name()
                        + " | "
                        + json(t.validators())
                        + " | "
                        + t.stream())
            .toList();

    // then
    assertThat(actual).containsExactlyElementsOf(golden);
    assertThat(BuiltInTests.capabilities()).containsExactlyElementsOf(Capabilities.KNOWN);
  }

  @Test
  void shipsThePeersLogoPngAndSendsItAsABase64DataUrl() throws Exception {
    // given
    byte[] png = BuiltInTests.logoPng();

    // when
    String dataUrl = BuiltInTests.logoDataUrl();
    String sent =
        BuiltInTests.get("input-image-base64")
            .orElseThrow()
            .input()
            .at("/messages/0/content/1/media/url")
            .asText();

    // then
    assertThat(sha256(png)).isEqualTo(LOGO_SHA256);
    assertThat(dataUrl).startsWith("data:image/png;base64,iVBORw0KGgo");
    assertThat(dataUrl.substring("data:image/png;base64,".length())).hasSize(20_620);
    assertThat(sent).isEqualTo(dataUrl);
  }

  @Test
  void defaultsToThePeersNineCapabilities() {
    // then
    assertThat(BuiltInTests.DEFAULT_SUPPORTS)
        .containsExactly(
            "tool-request",
            "structured-output",
            "multiturn",
            "system-role",
            "input-image-base64",
            "input-image-url",
            "streaming-multiturn",
            "streaming-tool-request",
            "streaming-structured-output");
    assertThat(Capabilities.KNOWN).containsAll(BuiltInTests.DEFAULT_SUPPORTS);
  }

  @Test
  void addsStricterValidatorsOnlyWhereTheyApply() {
    // then
    assertThat(BuiltInTests.strictValidators("structured-output")).containsExactly("json-schema");
    assertThat(BuiltInTests.strictValidators("streaming-structured-output"))
        .containsExactly("json-schema", "stream-consistent");
    assertThat(BuiltInTests.strictValidators("tool-request")).containsExactly("tool-input-schema");
    assertThat(BuiltInTests.strictValidators("streaming-tool-request"))
        .containsExactly("tool-input-schema", "stream-consistent");
    assertThat(BuiltInTests.strictValidators("streaming-multiturn"))
        .containsExactly("stream-consistent");
    assertThat(BuiltInTests.strictValidators("multiturn")).isEmpty();
    assertThat(BuiltInTests.strictValidators("no-such-capability")).isEmpty();
  }

  @Test
  void usesOnlyKnownValidators() {
    // when
    List<ValidatorSpec> used =
        Capabilities.KNOWN.stream()
            .flatMap(
                c ->
                    Stream.concat(
                        BuiltInTests.get(c).orElseThrow().validators().stream(),
                        BuiltInTests.strictValidators(c).stream()))
            .map(ValidatorSpec::parse)
            .toList();

    // then
    assertThat(used).allSatisfy(v -> assertThat(ValidatorCatalog.isKnown(v.name())).isTrue());
    assertThat(used)
        .filteredOn(v -> !ValidatorCatalog.acceptsArgument(v.name()))
        .allSatisfy(v -> assertThat(v.hasArgument()).isFalse());
  }

  @Test
  void handsOutCopiesSoCallersCannotChangeTheBuiltIns() {
    // given
    BuiltInTest mine = BuiltInTests.get("multiturn").orElseThrow();

    // when
    mine.input().removeAll();

    // then
    assertThat(BuiltInTests.get("multiturn").orElseThrow().input().get("messages")).hasSize(3);
  }

  @Test
  void knowsNothingAboutUnknownCapabilities() {
    // then
    assertThat(BuiltInTests.get("reasoning")).isEmpty();
  }

  private static String json(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
