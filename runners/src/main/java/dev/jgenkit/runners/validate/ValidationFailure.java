package dev.jgenkit.runners.validate;

/**
 * A validator's verdict that the response does not meet its check; the message is the test's
 * failure reason. It carries no stack trace: it is data, not a bug.
 */
public final class ValidationFailure extends Exception {
  private static final long serialVersionUID = 1L;

  public ValidationFailure(String message) {
    super(message, null, false, false);
  }
}
