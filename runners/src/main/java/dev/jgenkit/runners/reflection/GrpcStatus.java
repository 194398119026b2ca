package dev.jgenkit.runners.reflection;

import java.util.Optional;

/** Canonical gRPC status codes as Genkit's reflection API reports them in error bodies. */
public enum GrpcStatus {
  OK(0),
  CANCELLED(1),
  UNKNOWN(2),
  INVALID_ARGUMENT(3),
  DEADLINE_EXCEEDED(4),
  NOT_FOUND(5),
  ALREADY_EXISTS(6),
  PERMISSION_DENIED(7),
  RESOURCE_EXHAUSTED(8),
  FAILED_PRECONDITION(9),
  ABORTED(10),
  OUT_OF_RANGE(11),
  UNIMPLEMENTED(12),
  INTERNAL(13),
  UNAVAILABLE(14),
  DATA_LOSS(15),
  UNAUTHENTICATED(16);

  private final int code;

  GrpcStatus(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  public static Optional<GrpcStatus> ofCode(int code) {
    for (GrpcStatus s : values()) {
      if (s.code == code) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /**
   * Maps an HTTP status (Go's v1 runtimes put HTTP statuses in {@code error.code}) to the gRPC
   * status Genkit associates with it.
   */
  public static GrpcStatus ofHttpStatus(int http) {
    return switch (http) {
      case 400 -> INVALID_ARGUMENT;
      case 401 -> UNAUTHENTICATED;
      case 403 -> PERMISSION_DENIED;
      case 404 -> NOT_FOUND;
      case 409 -> ABORTED;
      case 429 -> RESOURCE_EXHAUSTED;
      case 499 -> CANCELLED;
      case 501 -> UNIMPLEMENTED;
      case 503 -> UNAVAILABLE;
      case 504 -> DEADLINE_EXCEEDED;
      default -> http >= 500 ? INTERNAL : UNKNOWN;
    };
  }
}
