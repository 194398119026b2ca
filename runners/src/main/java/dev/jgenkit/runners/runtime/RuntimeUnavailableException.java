package dev.jgenkit.runners.runtime;

/**
 * The runtime under test could not be started or reached. The message says what was waited for
 * and what is missing; it may end with the last lines of the runtime's log.
 */
public final class RuntimeUnavailableException extends Exception {
  private static final long serialVersionUID = 1L;

  public RuntimeUnavailableException(String message) {
    super(message);
  }

  public RuntimeUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
