package dev.jgenkit.runners.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * What a model's {@code metadata.model.supports} (from {@code /api/actions}) says about a built-in
 * capability. Used by {@code --supports auto} to skip, and to annotate failures of tests the
 * metadata declares unsupported.
 */
public final class CapabilityMetadata {
  private CapabilityMetadata() {}

  /** The {@code supports} object of an action descriptor, if it has one. */
  public static Optional<JsonNode> supportsOf(JsonNode actionDescriptor) {
    JsonNode s = actionDescriptor == null ? null : actionDescriptor.path("metadata").path("model").path("supports");
    return s != null && s.isObject() ? Optional.of(s) : Optional.empty();
  }

  /**
   * Empty when the metadata allows the capability; otherwise what it declares, e.g. {@code
   * supports.tools: false}.
   */
  public static Optional<String> declaredUnsupported(String capability, JsonNode supports) {
    return switch (capability) {
      case "tool-request", "streaming-tool-request" -> flag(supports, "tools");
      case "multiturn", "streaming-multiturn" -> flag(supports, "multiturn");
      case "system-role" -> flag(supports, "systemRole");
      case "input-image-base64", "input-image-url", "input-video-youtube" -> flag(supports, "media");
      case "structured-output", "streaming-structured-output" -> listContains(supports, "output", "json");
      case "output-audio" -> listHasPrefix(supports, "contentType", "audio/");
      case "output-image" -> listHasPrefix(supports, "contentType", "image/");
      default -> Optional.empty();
    };
  }

  private static Optional<String> flag(JsonNode supports, String name) {
    JsonNode v = supports.get(name);
    if (v != null && v.isBoolean() && v.booleanValue()) {
      return Optional.empty();
    }
    return Optional.of("supports." + name + ": " + (v == null ? "absent" : v.toString()));
  }

  private static Optional<String> listContains(JsonNode supports, String name, String value) {
    JsonNode v = supports.get(name);
    if (v != null && v.isArray()) {
      for (JsonNode e : v) {
        if (value.equals(e.asText())) {
          return Optional.empty();
        }
      }
    }
    return Optional.of(
        "supports." + name + ": " + (v == null ? "absent" : v.toString()) + " (no '" + value + "')");
  }

  private static Optional<String> listHasPrefix(JsonNode supports, String name, String prefix) {
    JsonNode v = supports.get(name);
    if (v != null && v.isArray()) {
      for (JsonNode e : v) {
        if (e.asText().startsWith(prefix)) {
          return Optional.empty();
        }
      }
    }
    return Optional.of(
        "supports." + name + ": " + (v == null ? "absent" : v.toString()) + " (no " + prefix + "*)");
  }
}
