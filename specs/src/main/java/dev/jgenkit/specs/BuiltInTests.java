package dev.jgenkit.specs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The peer's 12 built-in conformance tests, with its display names, validators, stream flags and
 * request inputs (key order identical to the peer's, so the serialised request is byte-identical).
 *
 * <p>Inputs live in {@code dev/jgenkit/specs/builtin/<capability>.json}; the base64 image test
 * embeds {@code genkit-logo.png}, the peer's PNG, as a {@code data:} URL. Every accessor returns a
 * fresh copy of the input, so callers may keep or change it.
 */
public final class BuiltInTests {
  /** The peer's default {@code --supports} list, in its order. */
  public static final List<String> DEFAULT_SUPPORTS =
      List.of(
          "tool-request",
          "structured-output",
          "multiturn",
          "system-role",
          "input-image-base64",
          "input-image-url",
          "streaming-multiturn",
          "streaming-tool-request",
          "streaming-structured-output");

  static final String RESOURCE_DIR = "/dev/jgenkit/specs/builtin/";
  static final String LOGO_RESOURCE = "genkit-logo.png";
  private static final String LOGO_PLACEHOLDER = "${" + LOGO_RESOURCE + "}";

  private record Definition(
      String capability, String name, List<String> validators, boolean stream) {}

  // Names, validators and stream flags as in the peer's TEST_CASES, in its declaration order.
  private static final List<Definition> DEFINITIONS =
      List.of(
          new Definition(
              "tool-request",
              "Tool Request Conformance",
              List.of("has-tool-request:weather"),
              false),
          new Definition(
              "structured-output", "Structured Output Conformance", List.of("valid-json"), false),
          new Definition(
              "multiturn", "Multiturn Conformance", List.of("text-includes:Genkit"), false),
          new Definition(
              "streaming-multiturn",
              "Multiturn Conformance with streaming",
              List.of("stream-text-includes:Genkit"),
              true),
          new Definition(
              "streaming-tool-request",
              "Tool Request Conformance with streaming",
              List.of("stream-has-tool-request:weather"),
              true),
          new Definition(
              "streaming-structured-output",
              "Structured Output Conformance with streaming",
              List.of("stream-valid-json"),
              true),
          new Definition(
              "system-role",
              "System Role Conformance",
              List.of("text-starts-with:RESPONSE:"),
              false),
          new Definition(
              "input-image-base64",
              "Image Input (Base64) Conformance",
              List.of("text-includes:genkit"),
              false),
          new Definition(
              "input-image-url",
              "Image Input (URL) Conformance",
              List.of("text-includes:google"),
              false),
          new Definition(
              "input-video-youtube",
              "Video Input (YouTube) Conformance",
              List.of("text-not-empty"),
              false),
          new Definition(
              "output-audio",
              "Audio Output (TTS) Conformance",
              List.of("valid-media:audio"),
              false),
          new Definition(
              "output-image",
              "Image Output (Generation) Conformance",
              List.of("valid-media:image"),
              false));

  private BuiltInTests() {}

  /** The built-in test for a capability, if the name is one of {@link Capabilities#KNOWN}. */
  public static Optional<BuiltInTest> get(String capability) {
    return Optional.ofNullable(Holder.TESTS.get(capability)).map(BuiltInTests::copy);
  }

  /** All 12, in the peer's declaration order. */
  public static List<BuiltInTest> all() {
    return Holder.TESTS.values().stream().map(BuiltInTests::copy).toList();
  }

  /** The capability names, in the peer's declaration order (same as {@link Capabilities#KNOWN}). */
  public static List<String> capabilities() {
    return Capabilities.KNOWN;
  }

  /** The validators {@code --strict} appends to a built-in test; empty for most capabilities. */
  public static List<String> strictValidators(String capability) {
    return switch (capability) {
      case "structured-output" -> List.of("json-schema");
      case "streaming-structured-output" -> List.of("json-schema", "stream-consistent");
      case "tool-request" -> List.of("tool-input-schema");
      case "streaming-tool-request" -> List.of("tool-input-schema", "stream-consistent");
      case "streaming-multiturn" -> List.of("stream-consistent");
      default -> List.of();
    };
  }

  /** The bytes of the Genkit logo PNG that the {@code input-image-base64} test sends. */
  public static byte[] logoPng() {
    return Holder.LOGO.clone();
  }

  /** {@code data:image/png;base64,...} of {@link #logoPng()}, exactly as the peer sends it. */
  public static String logoDataUrl() {
    return "data:image/png;base64," + Base64.getEncoder().encodeToString(Holder.LOGO);
  }

  private static BuiltInTest copy(BuiltInTest t) {
    return new BuiltInTest(
        t.capability(), t.name(), t.input().deepCopy(), t.validators(), t.stream());
  }

  /** Loads the resources once, on first use. */
  private static final class Holder {
    static final byte[] LOGO = read(LOGO_RESOURCE);
    static final Map<String, BuiltInTest> TESTS = load();

    private static Map<String, BuiltInTest> load() {
      String dataUrl = logoDataUrl();
      Map<String, BuiltInTest> tests = new LinkedHashMap<>();
      for (Definition d : DEFINITIONS) {
        ObjectNode input = parse(d.capability());
        replacePlaceholder(input, dataUrl);
        tests.put(
            d.capability(),
            new BuiltInTest(d.capability(), d.name(), input, d.validators(), d.stream()));
      }
      return tests;
    }

    private static ObjectNode parse(String capability) {
      try {
        JsonNode node = JsonTrees.read(read(capability + ".json"));
        if (!(node instanceof ObjectNode)) {
          throw new IllegalStateException("built-in input is not an object: " + capability);
        }
        return (ObjectNode) node;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot parse built-in input " + capability, e);
      }
    }

    private static void replacePlaceholder(JsonNode node, String dataUrl) {
      if (node instanceof ObjectNode object) {
        object
            .properties()
            .forEach(
                field -> {
                  if (LOGO_PLACEHOLDER.equals(field.getValue().textValue())) {
                    field.setValue(TextNode.valueOf(dataUrl));
                  } else {
                    replacePlaceholder(field.getValue(), dataUrl);
                  }
                });
      } else {
        node.forEach(child -> replacePlaceholder(child, dataUrl));
      }
    }

    private static byte[] read(String name) {
      try (InputStream in = BuiltInTests.class.getResourceAsStream(RESOURCE_DIR + name)) {
        if (in == null) {
          throw new IllegalStateException("missing resource " + RESOURCE_DIR + name);
        }
        return in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read resource " + RESOURCE_DIR + name, e);
      }
    }
  }

}
