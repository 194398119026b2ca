package dev.jgenkit.runners.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.List;

/**
 * Everything a validator may look at for one model call.
 *
 * @param request the GenerateRequest that was sent ({@code messages}, {@code tools}, {@code
 *     output}, ...); a missing node when unknown
 * @param response the action's {@code result}; a missing node when there was none
 * @param chunks the stream chunks in arrival order, as received (not normalized); empty when the
 *     call was not streamed
 * @param streamed whether the call was made with streaming
 */
public record ValidationInput(
    JsonNode request, JsonNode response, List<JsonNode> chunks, boolean streamed) {
  public ValidationInput {
    request = request == null ? MissingNode.getInstance() : request;
    response = response == null ? MissingNode.getInstance() : response;
    chunks = chunks == null ? List.of() : List.copyOf(chunks);
  }

  /** The same input with another response (for example the normalized one). */
  public ValidationInput withResponse(JsonNode newResponse) {
    return new ValidationInput(request, newResponse, chunks, streamed);
  }
}
