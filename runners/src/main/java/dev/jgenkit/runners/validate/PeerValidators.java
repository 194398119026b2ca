package dev.jgenkit.runners.validate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The ten validators of {@code genkit dev:test-model}, with its semantics and its failure messages
 * word for word (including the stray quote in {@code stream-text-includes}).
 *
 * <p>They read the response the way the TypeScript code reads the zod-parsed response: the message
 * is {@code message}, else {@code candidates[0].message}; "the text" is {@code content[0].text}
 * only; "finding" a part means the first part whose key is truthy, so an empty {@code text} is
 * skipped. Chunks are read as received.
 */
final class PeerValidators {
  private PeerValidators() {}

  static void hasToolRequest(ValidationInput in, String toolName) throws ValidationFailure {
    JsonNode response = in.response();
    JsonNode content = requireContent(response);
    JsonNode toolRequest = Responses.find(content, "toolRequest");
    if (Js.isUndefined(toolRequest)) {
      throw new ValidationFailure(
          "Model did not return a tool request. Content: " + JsJson.stringifyPretty(content));
    }
    JsonNode name = Js.get(Js.get(toolRequest, "toolRequest"), "name");
    if (!toolName.isEmpty() && !(name.isTextual() && name.textValue().equals(toolName))) {
      throw new ValidationFailure(
          "Expected tool request '" + toolName + "', got '" + Js.display(name) + "'");
    }
  }

  static void validJson(ValidationInput in, String arg) throws ValidationFailure {
    JsonNode content = requireContent(in.response());
    JsonNode textPart = Responses.find(content, "text");
    if (Js.isUndefined(textPart)) {
      throw new ValidationFailure(
          "Model did not return text content for JSON. Content: "
              + JsJson.stringifyPretty(content));
    }
    String text = Js.display(Js.get(textPart, "text"));
    if (JsJson.parse(text).isEmpty()) {
      throw new ValidationFailure("Response text is not valid JSON. Text: " + text);
    }
  }

  static void textIncludes(ValidationInput in, String expected) throws ValidationFailure {
    JsonNode text = Responses.text(in.response());
    if (!Js.truthy(text)
        || (!expected.isEmpty() && !Js.lower(Js.display(text)).contains(Js.lower(expected)))) {
      throw new ValidationFailure(
          "Response text does not include '" + expected + "'. Text: " + Js.display(text));
    }
  }

  static void textStartsWith(ValidationInput in, String expected) throws ValidationFailure {
    JsonNode text = Responses.text(in.response());
    if (!Js.truthy(text)
        || (!expected.isEmpty() && !Js.trim(Js.display(text)).startsWith(expected))) {
      throw new ValidationFailure(
          "Response text does not start with '" + expected + "'. Text: " + Js.display(text));
    }
  }

  static void textNotEmpty(ValidationInput in, String arg) throws ValidationFailure {
    JsonNode text = Responses.text(in.response());
    if (!Js.truthy(text) || Js.trim(Js.display(text)).isEmpty()) {
      throw new ValidationFailure("Response text is empty");
    }
  }

  static void validMedia(ValidationInput in, String type) throws ValidationFailure {
    JsonNode mediaPart = Responses.find(Responses.content(in.response()), "media");
    if (Js.isUndefined(mediaPart)) {
      throw new ValidationFailure(
          "Model did not return " + (type.isEmpty() ? "media" : type) + " part.");
    }
    JsonNode media = Js.get(mediaPart, "media");
    if (!type.isEmpty()) {
      JsonNode contentType = Js.get(media, "contentType");
      if (Js.truthy(contentType) && !Js.display(contentType).startsWith(type + "/")) {
        throw new ValidationFailure(
            "Expected " + type + " content type, got " + Js.display(contentType));
      }
    }
    if (type.equals("image")) {
      JsonNode urlNode = Js.get(media, "url");
      if (!Js.truthy(urlNode)) {
        throw new ValidationFailure("Media part missing URL");
      }
      String url = Js.display(urlNode);
      if (url.startsWith("data:")) {
        if (!url.startsWith("data:image/")) {
          throw new ValidationFailure("Invalid data URL content type for image");
        }
      } else if (url.startsWith("http")) {
        if (!WhatwgUrl.isValid(url)) {
          throw new ValidationFailure("Invalid URL: " + url);
        }
      } else {
        throw new ValidationFailure("Unknown URL format: " + url);
      }
    }
  }

  static void reasoning(ValidationInput in, String arg) throws ValidationFailure {
    JsonNode content = Responses.content(in.response());
    if (!content.isArray()) {
      throw new ValidationFailure("Response is missing message content");
    }
    if (!Responses.some(content, "reasoning")) {
      throw new ValidationFailure("reasoning content not found");
    }
  }

  static void streamTextIncludes(ValidationInput in, String expected) throws ValidationFailure {
    requireChunks(in);
    String streamed = Responses.streamedText(in.chunks());
    if (!expected.isEmpty() && !streamed.contains(expected)) {
      throw new ValidationFailure("Streaming response did not include " + expected + "'");
    }
  }

  static void streamHasToolRequest(ValidationInput in, String toolName) throws ValidationFailure {
    requireChunks(in);
    boolean found = false;
    for (JsonNode chunk : in.chunks()) {
      if (Responses.some(Js.get(chunk, "content"), "toolRequest")) {
        found = true;
        break;
      }
    }
    if (!found) {
      throw new ValidationFailure("No tool request found in the streamed chunks");
    }
    if (!toolName.isEmpty()) {
      hasToolRequest(in, toolName);
    }
  }

  static void streamValidJson(ValidationInput in, String arg) throws ValidationFailure {
    requireChunks(in);
    String streamed = Responses.streamedText(in.chunks());
    if (Js.trim(streamed).isEmpty()) {
      throw new ValidationFailure("Streamed response contained no text");
    }
    if (JsJson.parse(streamed).isEmpty()) {
      throw new ValidationFailure("Streamed text is not valid JSON: " + streamed);
    }
  }

  /** The message content, which must be an array; otherwise the peer's "missing" failure. */
  static JsonNode requireContent(JsonNode response) throws ValidationFailure {
    JsonNode content = Responses.content(response);
    if (!content.isArray()) {
      throw new ValidationFailure(
          "Response missing message content. Full response: " + JsJson.stringifyPretty(response));
    }
    return content;
  }

  static void requireChunks(ValidationInput in) throws ValidationFailure {
    if (in.chunks().isEmpty()) {
      throw new ValidationFailure(Responses.NO_CHUNKS);
    }
  }
}
