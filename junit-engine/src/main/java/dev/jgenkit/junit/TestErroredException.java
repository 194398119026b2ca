package dev.jgenkit.junit;

import dev.jgenkit.reports.Redaction;
import dev.jgenkit.specs.Location;

/**
 * An ERROR verdict: the test could not be judged (transport failure, timeout, runtime error,
 * unknown validator, a sample that did not start); the message is the cause. Its stack trace is the
 * one frame where the test is written. Secrets in the message are masked.
 */
public final class TestErroredException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  TestErroredException(String message, String owner, String test, Location where) {
    super(Redaction.redact(message));
    setStackTrace(Verdicts.frame(owner, test, where));
  }
}
