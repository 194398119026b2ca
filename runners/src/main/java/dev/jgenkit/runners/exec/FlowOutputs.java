package dev.jgenkit.runners.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Lets the test-model validators judge a flow's output (and stream chunks, see {@link
 * #asChunk}): a GenerateResponse-shaped output (a flow
 * returning {@code ai.generate(...)}'s response) is judged as it is; a string output becomes the
 * text of a model message; any other value becomes that message's text as compact JSON, so {@code
 * valid-json}, {@code json-schema}, {@code text-includes} and friends apply.
 */
final class FlowOutputs {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private FlowOutputs() {}

  /**
   * A flow's stream chunk as a GenerateResponseChunk: one with {@code content} parts as it is, a
   * string as a text part, anything else as a text part of compact JSON.
   */
  static JsonNode asChunk(JsonNode chunk) {
    if (chunk != null && chunk.isObject() && chunk.path("content").isArray()) {
      return chunk;
    }
    ObjectNode c = MAPPER.createObjectNode();
    c.putArray("content").addObject().put("text", chunk == null ? "" : chunk.isTextual() ? chunk.asText() : chunk.toString());
    return c;
  }

  static java.util.List<JsonNode> asChunks(java.util.List<JsonNode> chunks) {
    return chunks.stream().map(FlowOutputs::asChunk).toList();
  }

  static JsonNode asResponse(JsonNode output) {
    if (output != null && output.isObject() && (output.has("message") || output.has("candidates"))) {
      return output;
    }
    String text =
        output == null || output.isNull() || output.isMissingNode()
            ? ""
            : output.isTextual() ? output.asText() : output.toString();
    ObjectNode response = MAPPER.createObjectNode();
    ObjectNode message = response.putObject("message");
    message.put("role", "model");
    message.putArray("content").addObject().put("text", text);
    return response;
  }
}
