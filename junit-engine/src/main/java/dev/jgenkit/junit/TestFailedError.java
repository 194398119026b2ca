package dev.jgenkit.junit;

import dev.jgenkit.reports.Redaction;
import dev.jgenkit.specs.Location;
import org.opentest4j.AssertionFailedError;

/**
 * A FAIL verdict: a validator rejected the response; the message is the validator's. Its stack
 * trace is the one frame where the test is written ({@code model.test(spec.yaml:12)}). Secrets in the
 * message are masked.
 */
public final class TestFailedError extends AssertionFailedError {
  private static final long serialVersionUID = 1L;

  TestFailedError(String message, String owner, String test, Location where) {
    super(Redaction.redact(message));
    setStackTrace(Verdicts.frame(owner, test, where));
  }
}
