package dev.jgenkit.runners.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The peer's helpers for reading a GenerateResponse and its stream chunks, with JS semantics. */
final class Responses {
  static final String NO_CHUNKS = "Streaming expected but no chunks were received";

  private Responses() {}

  /** {@code response.message || response.candidates?.[0]?.message}. */
  static JsonNode message(JsonNode response) {
    JsonNode message = Js.get(response, "message");
    return Js.truthy(message)
        ? message
        : Js.get(Js.get(Js.get(response, "candidates"), 0), "message");
  }

  /** {@code message?.content}. */
  static JsonNode content(JsonNode response) {
    return Js.get(message(response), "content");
  }

  /** {@code message?.content?.[0]?.text}: only the first part counts. */
  static JsonNode text(JsonNode response) {
    return Js.get(Js.get(content(response), 0), "text");
  }

  /** {@code parts.find(p => p[key])}: the first part whose {@code key} is truthy, or undefined. */
  static JsonNode find(JsonNode parts, String key) {
    if (parts != null && parts.isArray()) {
      for (JsonNode part : parts) {
        if (Js.truthy(Js.get(part, key))) {
          return part;
        }
      }
    }
    return Js.undefined();
  }

  /** {@code parts.some(p => !!p[key])}. */
  static boolean some(JsonNode parts, String key) {
    return !Js.isUndefined(find(parts, key));
  }

  /**
   * The peer's streamed text: {@code chunks.map(c => c.content?.find(p => p.text)?.text ||
   * '').join('')}, i.e. the first truthy text part of each chunk.
   */
  static String streamedText(List<JsonNode> chunks) {
    StringBuilder out = new StringBuilder();
    for (JsonNode chunk : chunks) {
      JsonNode text = Js.get(find(Js.get(chunk, "content"), "text"), "text");
      if (Js.truthy(text)) {
        out.append(Js.display(text));
      }
    }
    return out.toString();
  }

  /** All string {@code text} values of the parts, concatenated (Genkit's {@code .text}). */
  static String allText(JsonNode parts) {
    StringBuilder out = new StringBuilder();
    if (parts != null && parts.isArray()) {
      for (JsonNode part : parts) {
        JsonNode text = Js.get(part, "text");
        if (text.isTextual()) {
          out.append(text.textValue());
        }
      }
    }
    return out.toString();
  }
}
