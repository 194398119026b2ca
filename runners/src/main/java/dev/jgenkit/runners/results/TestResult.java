package dev.jgenkit.runners.results;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jgenkit.runners.plan.PlannedTest;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What happened when one planned test ran.
 *
 * @param reason one line for FAIL/ERROR/SKIP (the validator's or runtime's message), empty on PASS
 * @param attempts how many calls were made (1 without retries; 0 when skipped)
 * @param durationMillis wall time of the last attempt
 * @param timeToFirstChunkMillis for streams: time from request to the first chunk
 * @param chunkCount for streams: chunks received on the last attempt
 * @param traceId the runtime's trace id ({@code X-Genkit-Trace-Id} or telemetry)
 * @param usage the response's {@code usage} object when it reported one
 * @param finishReason the response's {@code finishReason} when present
 * @param response the response (a flow's output) as received, kept only for FAIL and ERROR so
 *     reports can show what the model said; empty on PASS and SKIP and when no response came
 */
public record TestResult(
    PlannedTest test,
    Verdict verdict,
    String reason,
    int attempts,
    long durationMillis,
    OptionalLong timeToFirstChunkMillis,
    int chunkCount,
    Optional<String> traceId,
    Optional<JsonNode> usage,
    Optional<String> finishReason,
    Optional<JsonNode> response) {
  /** A result without a kept response. */
  public TestResult(
      PlannedTest test,
      Verdict verdict,
      String reason,
      int attempts,
      long durationMillis,
      OptionalLong timeToFirstChunkMillis,
      int chunkCount,
      Optional<String> traceId,
      Optional<JsonNode> usage,
      Optional<String> finishReason) {
    this(test, verdict, reason, attempts, durationMillis, timeToFirstChunkMillis, chunkCount,
        traceId, usage, finishReason, Optional.empty());
  }

  public TestResult {
    Objects.requireNonNull(test, "test");
    Objects.requireNonNull(verdict, "verdict");
    reason = reason == null ? "" : reason;
    Objects.requireNonNull(timeToFirstChunkMillis, "timeToFirstChunkMillis");
    Objects.requireNonNull(traceId, "traceId");
    Objects.requireNonNull(usage, "usage");
    Objects.requireNonNull(finishReason, "finishReason");
    Objects.requireNonNull(response, "response");
    if (attempts < 0 || durationMillis < 0 || chunkCount < 0) {
      throw new IllegalArgumentException("negative count or duration");
    }
  }

  /** This result at another place in a run (see {@link PlannedTest#withPosition}). */
  public TestResult at(int index, int suiteIndex) {
    return withTest(test.withPosition(index, suiteIndex));
  }

  /** This result for {@code other}, the same test placed or labelled differently. */
  public TestResult withTest(PlannedTest other) {
    return new TestResult(other, verdict, reason, attempts, durationMillis, timeToFirstChunkMillis,
        chunkCount, traceId, usage, finishReason, response);
  }

  public static TestResult skipped(PlannedTest test, String reason) {
    return new TestResult(
        test,
        Verdict.SKIP,
        reason,
        0,
        0,
        OptionalLong.empty(),
        0,
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }
}
