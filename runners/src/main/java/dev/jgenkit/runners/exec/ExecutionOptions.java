package dev.jgenkit.runners.exec;

import java.time.Duration;
import java.util.Objects;

/**
 * How tests are executed.
 *
 * @param jobs how many tests run at once, across all suites
 * @param timeout per test (per attempt); on expiry the call is cancelled and {@code
 *     /api/cancelAction} is sent
 * @param retries extra attempts for retryable failures (UNAVAILABLE, RESOURCE_EXHAUSTED,
 *     DEADLINE_EXCEEDED, HTTP 429/503)
 * @param retryBaseDelay base of the full-jitter exponential backoff
 * @param retryMaxDelay cap of one backoff delay, and of an honoured {@code Retry-After}
 * @param idleTimeout for streaming calls: once the body has started, the longest wait for the next
 *     bytes before the call is cancelled like a timed-out one; zero turns it off, and a value at or
 *     above {@code timeout} never fires first
 */
public record ExecutionOptions(
    int jobs,
    Duration timeout,
    int retries,
    Duration retryBaseDelay,
    Duration retryMaxDelay,
    Duration idleTimeout) {
  /** Default of {@link #idleTimeout()}: well above a model's pause between chunks. */
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);

  public ExecutionOptions {
    if (jobs < 1) {
      throw new IllegalArgumentException("jobs must be at least 1, got " + jobs);
    }
    if (retries < 0) {
      throw new IllegalArgumentException("retries must be >= 0, got " + retries);
    }
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(retryBaseDelay, "retryBaseDelay");
    Objects.requireNonNull(retryMaxDelay, "retryMaxDelay");
    Objects.requireNonNull(idleTimeout, "idleTimeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive");
    }
    if (idleTimeout.isNegative()) {
      throw new IllegalArgumentException("idleTimeout must be zero (off) or positive");
    }
  }

  /** With the default idle timeout ({@link #DEFAULT_IDLE_TIMEOUT}). */
  public ExecutionOptions(
      int jobs, Duration timeout, int retries, Duration retryBaseDelay, Duration retryMaxDelay) {
    this(jobs, timeout, retries, retryBaseDelay, retryMaxDelay, DEFAULT_IDLE_TIMEOUT);
  }

  /** The same options with another job count and per-test timeout. */
  public ExecutionOptions with(int jobs, Duration timeout) {
    return new ExecutionOptions(jobs, timeout, retries, retryBaseDelay, retryMaxDelay, idleTimeout);
  }

  /**
   * Tests at once unless told otherwise. A test is one call that waits on the runtime (and the model
   * behind it), not work for a CPU, so this is well above a laptop's core count: a spec of a dozen
   * tests goes out in one wave, as the peer sends a suite's tests all at once.
   */
  public static final int DEFAULT_JOBS = 16;

  public static ExecutionOptions defaults() {
    return new ExecutionOptions(DEFAULT_JOBS, Duration.ofSeconds(120), 0, Duration.ofSeconds(1), Duration.ofSeconds(30));
  }
}
