package dev.jgenkit.runners.reflection;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * A reflection call failed: the runtime answered with an error (in a 200 body or a non-2xx status),
 * the connection failed, or the answer could not be parsed.
 */
public final class ReflectionException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why the call failed. */
  public enum Kind {
    /** The runtime reported an error for the action (status in {@link #status()}). */
    RUNTIME_ERROR,
    /** A non-2xx HTTP answer without a Genkit error body. */
    HTTP_ERROR,
    /** Connection refused, reset or closed mid-body. */
    TRANSPORT,
    /** The call exceeded its deadline. */
    TIMEOUT,
    /** The body was not what the protocol promises. */
    PROTOCOL
  }

  private final Kind kind;
  private final transient Optional<GrpcStatus> status;
  private final OptionalInt httpStatus;
  private final transient Optional<String> stack;
  private final transient Optional<String> retryAfter;

  public ReflectionException(
      Kind kind,
      String message,
      Optional<GrpcStatus> status,
      OptionalInt httpStatus,
      Optional<String> stack,
      Optional<String> retryAfter,
      Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.status = status;
    this.httpStatus = httpStatus;
    this.stack = stack;
    this.retryAfter = retryAfter;
  }

  public static ReflectionException transport(String message, Throwable cause) {
    return new ReflectionException(
        Kind.TRANSPORT,
        message,
        Optional.empty(),
        OptionalInt.empty(),
        Optional.empty(),
        Optional.empty(),
        cause);
  }

  public static ReflectionException protocol(String message) {
    return new ReflectionException(
        Kind.PROTOCOL,
        message,
        Optional.empty(),
        OptionalInt.empty(),
        Optional.empty(),
        Optional.empty(),
        null);
  }

  public Kind kind() {
    return kind;
  }

  public Optional<GrpcStatus> status() {
    return status;
  }

  public OptionalInt httpStatus() {
    return httpStatus;
  }

  public Optional<String> stack() {
    return stack;
  }

  /** The {@code Retry-After} header of a 429/503 answer, as sent. */
  public Optional<String> retryAfter() {
    return retryAfter;
  }

  /**
   * True for the failures worth retrying: UNAVAILABLE, RESOURCE_EXHAUSTED, DEADLINE_EXCEEDED
   * reported by the runtime, and HTTP 429 / 503. jgenkit's own deadline is not retried: the test
   * already used its whole time budget.
   */
  public boolean retryable() {
    if (kind == Kind.TIMEOUT) {
      return false;
    }
    if (httpStatus.isPresent() && (httpStatus.getAsInt() == 429 || httpStatus.getAsInt() == 503)) {
      return true;
    }
    return status
        .filter(
            s ->
                s == GrpcStatus.UNAVAILABLE
                    || s == GrpcStatus.RESOURCE_EXHAUSTED
                    || s == GrpcStatus.DEADLINE_EXCEEDED)
        .isPresent();
  }
}
