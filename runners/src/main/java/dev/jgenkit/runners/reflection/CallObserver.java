package dev.jgenkit.runners.reflection;

import com.fasterxml.jackson.databind.JsonNode;

/** Hooks into one runAction call as it happens; all methods run on the calling thread. */
public interface CallObserver {
  CallObserver NONE = new CallObserver() {};

  /** The runtime flushed its early headers: the trace id is known before the result. */
  default void traceId(String traceId) {}

  /** One stream chunk arrived. */
  default void chunk(JsonNode chunk) {}
}
