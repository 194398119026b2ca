package dev.jgenkit.runners.reflection;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A successful {@code /api/runAction} answer.
 *
 * @param result the action's output
 * @param traceId from {@code telemetry.traceId}, else the {@code X-Genkit-Trace-Id} header
 * @param genkitVersion the {@code X-Genkit-Version} header
 * @param chunks stream chunks in arrival order (empty when not streamed)
 * @param timeToFirstChunkMillis time from sending the request to the first chunk
 */
public record ActionResponse(
    JsonNode result,
    Optional<String> traceId,
    Optional<String> genkitVersion,
    List<JsonNode> chunks,
    OptionalLong timeToFirstChunkMillis) {
  public ActionResponse {
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(traceId, "traceId");
    Objects.requireNonNull(genkitVersion, "genkitVersion");
    chunks = List.copyOf(chunks);
    Objects.requireNonNull(timeToFirstChunkMillis, "timeToFirstChunkMillis");
  }
}
