package dev.jgenkit.runners.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The validators jgenkit adds beyond {@code dev:test-model}: they check what the peer only assumes
 * (the JSON against {@code output.schema}, tool inputs against {@code inputSchema}, the stream
 * against the final message, the finish reason and the usage report).
 */
final class StrictValidators {
  private static final int EXCERPT = 40;

  private StrictValidators() {}

  /**
   * {@code json-schema}: the first truthy text part of the final message parses as JSON and
   * validates against the request's {@code output.schema}.
   */
  static void jsonSchema(ValidationInput in, String arg) throws ValidationFailure {
    JsonNode schema = Js.get(Js.get(in.request(), "output"), "schema");
    if (!schema.isObject()) {
      throw new ValidationFailure(
          "json-schema needs a request with output.schema, but this request has "
              + (Js.isUndefined(schema) ? "none" : "output.schema " + JsJson.stringify(schema)));
    }
    JsonNode content = PeerValidators.requireContent(in.response());
    JsonNode textPart = Responses.find(content, "text");
    if (Js.isUndefined(textPart)) {
      throw new ValidationFailure(
          "Model did not return text content for JSON. Content: "
              + JsJson.stringifyPretty(content));
    }
    String text = Js.display(Js.get(textPart, "text"));
    Optional<JsonNode> value = JsJson.parse(text);
    if (value.isEmpty()) {
      throw new ValidationFailure("Response text is not valid JSON. Text: " + text);
    }
    List<String> errors = validate(schema, value.get(), "output.schema");
    if (!errors.isEmpty()) {
      throw new ValidationFailure(
          "Response JSON does not match output.schema: " + String.join("; ", errors));
    }
  }

  /**
   * {@code tool-input-schema}: every complete tool request in the final message, and in the chunks
   * when streamed (partial ones, {@code partial: true}, are skipped), names a tool of the request
   * and has an input valid against that tool's {@code inputSchema} (a tool without one accepts any
   * input). There must be at least one tool request.
   */
  static void toolInputSchema(ValidationInput in, String arg) throws ValidationFailure {
    List<Located> requests = new ArrayList<>();
    JsonNode content = Responses.content(in.response());
    collectToolRequests(content, "message.content", requests);
    if (in.streamed()) {
      for (int c = 0; c < in.chunks().size(); c++) {
        collectToolRequests(
            Js.get(in.chunks().get(c), "content"), "chunks[" + c + "].content", requests);
      }
    }
    if (requests.isEmpty()) {
      throw new ValidationFailure(
          "Model did not return a tool request"
              + (in.streamed() ? " in its message or stream chunks" : "")
              + ". Content: "
              + JsJson.stringifyPretty(content));
    }
    JsonNode tools = Js.get(in.request(), "tools");
    for (Located located : requests) {
      JsonNode name = Js.get(located.toolRequest(), "name");
      JsonNode tool = findTool(tools, name);
      if (Js.isUndefined(tool)) {
        throw new ValidationFailure(
            "Tool request '"
                + Js.display(name)
                + "' at "
                + located.where()
                + " names no tool of the request ("
                + toolNames(tools)
                + ")");
      }
      JsonNode schema = Js.get(tool, "inputSchema");
      if (Js.isUndefined(schema) || schema.isNull()) {
        continue;
      }
      if (!schema.isObject()) {
        throw new ValidationFailure(
            "Tool '" + Js.display(name) + "' has an inputSchema that is not a JSON Schema object");
      }
      JsonNode input = Js.get(located.toolRequest(), "input");
      boolean missing = Js.isUndefined(input);
      List<String> errors =
          validate(
              schema,
              missing ? NullNode.getInstance() : input,
              "the inputSchema of tool '" + Js.display(name) + "'");
      if (!errors.isEmpty()) {
        throw new ValidationFailure(
            "Tool request '"
                + Js.display(name)
                + "' at "
                + located.where()
                + (missing ? " has no input, which" : " input")
                + " does not match the tool's inputSchema: "
                + String.join("; ", errors));
      }
    }
  }

  /**
   * {@code stream-consistent}: the text streamed equals the text of the final message. Chunks are
   * deltas and their text parts are appended, except a chunk with {@code aggregated: true}, which
   * holds everything so far and replaces what was accumulated. All text parts count, in order, on
   * both sides.
   */
  static void streamConsistent(ValidationInput in, String arg) throws ValidationFailure {
    PeerValidators.requireChunks(in);
    StringBuilder streamed = new StringBuilder();
    for (JsonNode chunk : in.chunks()) {
      String text = Responses.allText(Js.get(chunk, "content"));
      JsonNode aggregated = Js.get(chunk, "aggregated");
      if (aggregated.isBoolean() && aggregated.booleanValue()) {
        streamed.setLength(0);
      }
      streamed.append(text);
    }
    String fin = Responses.allText(Responses.content(in.response()));
    String str = streamed.toString();
    if (!str.equals(fin)) {
      int at = 0;
      while (at < str.length() && at < fin.length() && str.charAt(at) == fin.charAt(at)) {
        at++;
      }
      throw new ValidationFailure(
          "Streamed text differs from the final message text at character "
              + at
              + " (streamed "
              + str.length()
              + " chars, final "
              + fin.length()
              + " chars): streamed "
              + excerpt(str, at)
              + ", final "
              + excerpt(fin, at));
    }
  }

  /**
   * {@code finish-reason:<value>}: {@code finishReason} (else {@code candidates[0].finishReason})
   * equals the value; without a value it only has to be present.
   */
  static void finishReason(ValidationInput in, String expected) throws ValidationFailure {
    JsonNode response = in.response();
    JsonNode actual = Js.get(response, "finishReason");
    if (Js.isUndefined(actual) || actual.isNull()) {
      actual = Js.get(Js.get(Js.get(response, "candidates"), 0), "finishReason");
    }
    if (expected.isEmpty()) {
      if (Js.isUndefined(actual) || actual.isNull()) {
        throw new ValidationFailure("Response has no finishReason");
      }
      return;
    }
    if (!(actual.isTextual() && actual.textValue().equals(expected))) {
      throw new ValidationFailure(
          "Expected finishReason '" + expected + "', got '" + Js.display(actual) + "'");
    }
  }

  /**
   * {@code usage-present}: {@code usage} is an object reporting at least one of {@code
   * inputTokens}, {@code outputTokens}, {@code totalTokens}, and each of those present is a number
   * {@code >= 0} (zero is a legitimate count).
   */
  static void usagePresent(ValidationInput in, String arg) throws ValidationFailure {
    JsonNode usage = Js.get(in.response(), "usage");
    if (!usage.isObject()) {
      throw new ValidationFailure(
          "Response has no usage object (usage: " + JsJson.stringify(usage) + ")");
    }
    boolean any = false;
    for (String key : List.of("inputTokens", "outputTokens", "totalTokens")) {
      JsonNode count = Js.get(usage, key);
      if (Js.isUndefined(count)) {
        continue;
      }
      double value = count.isNumber() ? count.doubleValue() : Double.NaN;
      if (!(value >= 0) || Double.isInfinite(value)) {
        throw new ValidationFailure(
            "Response usage." + key + " is not a token count >= 0: " + JsJson.stringify(count));
      }
      any = true;
    }
    if (!any) {
      throw new ValidationFailure(
          "Response usage reports none of inputTokens, outputTokens, totalTokens: "
              + JsJson.stringify(usage));
    }
  }

  private record Located(JsonNode toolRequest, String where) {}

  private static void collectToolRequests(JsonNode parts, String where, List<Located> out) {
    if (!parts.isArray()) {
      return;
    }
    for (int i = 0; i < parts.size(); i++) {
      JsonNode toolRequest = Js.get(parts.get(i), "toolRequest");
      if (!Js.truthy(toolRequest)) {
        continue;
      }
      JsonNode partial = Js.get(toolRequest, "partial");
      if (partial.isBoolean() && partial.booleanValue()) {
        continue;
      }
      out.add(new Located(toolRequest, where + "[" + i + "]"));
    }
  }

  private static JsonNode findTool(JsonNode tools, JsonNode name) {
    if (tools.isArray() && name.isTextual()) {
      for (JsonNode tool : tools) {
        JsonNode toolName = Js.get(tool, "name");
        if (toolName.isTextual() && toolName.textValue().equals(name.textValue())) {
          return tool;
        }
      }
    }
    return Js.undefined();
  }

  private static String toolNames(JsonNode tools) {
    List<String> names = new ArrayList<>();
    if (tools.isArray()) {
      for (JsonNode tool : tools) {
        names.add("'" + Js.display(Js.get(tool, "name")) + "'");
      }
    }
    return names.isEmpty() ? "the request declares no tools" : "tools: " + String.join(", ", names);
  }

  private static List<String> validate(JsonNode schema, JsonNode instance, String what)
      throws ValidationFailure {
    try {
      return SchemaCache.validate(schema, instance);
    } catch (IllegalStateException e) {
      throw new ValidationFailure(what + " is not a usable JSON Schema: " + e.getMessage());
    }
  }

  private static String excerpt(String s, int at) {
    int from = Math.max(0, at - EXCERPT / 2);
    int to = Math.min(s.length(), at + EXCERPT);
    return (from > 0 ? "…" : "")
        + JsJson.quote(s.substring(from, to))
        + (to < s.length() ? "…" : "");
  }
}
