package dev.jgenkit.junit;

import dev.jgenkit.reports.Redaction;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.FileEntry;
import org.junit.platform.engine.reporting.ReportEntry;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * Masks secrets ({@link Redaction#redact}) in everything the engine tells the platform: skip
 * reasons, report entries, and the messages of failures and aborts with their causes. A throwable
 * whose messages hold nothing to mask is passed on as it is; otherwise it is replaced by a copy of
 * the same kind (an {@link AssertionError} stays a failure, an abort stays an abort) with the masked
 * messages and the original stack trace.
 */
final class RedactingListener implements EngineExecutionListener {
  private final EngineExecutionListener delegate;

  RedactingListener(EngineExecutionListener delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  @Override
  public void dynamicTestRegistered(TestDescriptor d) {
    delegate.dynamicTestRegistered(d);
  }

  @Override
  public void executionSkipped(TestDescriptor d, String reason) {
    delegate.executionSkipped(d, reason == null ? null : Redaction.redact(reason));
  }

  @Override
  public void executionStarted(TestDescriptor d) {
    delegate.executionStarted(d);
  }

  @Override
  public void executionFinished(TestDescriptor d, TestExecutionResult result) {
    delegate.executionFinished(d, redact(result));
  }

  @Override
  public void reportingEntryPublished(TestDescriptor d, ReportEntry entry) {
    Map<String, String> masked = new LinkedHashMap<>();
    boolean changed = false;
    for (Map.Entry<String, String> e : entry.getKeyValuePairs().entrySet()) {
      String v = Redaction.redact(e.getValue());
      changed |= !v.equals(e.getValue());
      masked.put(e.getKey(), v);
    }
    delegate.reportingEntryPublished(d, changed ? ReportEntry.from(masked) : entry);
  }

  @Override
  public void fileEntryPublished(TestDescriptor d, FileEntry file) {
    delegate.fileEntryPublished(d, file);
  }

  static TestExecutionResult redact(TestExecutionResult result) {
    Throwable t = result.getThrowable().orElse(null);
    Throwable masked = redact(t);
    if (masked == t) {
      return result;
    }
    return switch (result.getStatus()) {
      case ABORTED -> TestExecutionResult.aborted(masked);
      case FAILED -> TestExecutionResult.failed(masked);
      case SUCCESSFUL -> result;
    };
  }

  /** {@code t} itself when no message in its cause chain changes under redaction. */
  static Throwable redact(Throwable t) {
    if (t == null) {
      return null;
    }
    Throwable cause = t.getCause() == t ? null : redact(t.getCause());
    String message = t.getMessage();
    String masked = message == null ? null : Redaction.redact(message);
    if (Objects.equals(message, masked) && cause == t.getCause()) {
      return t;
    }
    Throwable copy;
    if (t instanceof AssertionError) {
      copy = new AssertionFailedError(masked, cause);
    } else if (t instanceof TestAbortedException) {
      copy = new TestAbortedException(masked, cause);
    } else {
      copy = new MaskedException(t.getClass().getName(), masked, cause);
    }
    copy.setStackTrace(t.getStackTrace());
    return copy;
  }

  /** Stands in for an exception whose message held a secret; prints as the original type. */
  static final class MaskedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String originalType;

    MaskedException(String originalType, String message, Throwable cause) {
      super(message, cause);
      this.originalType = originalType;
    }

    /** The class of the exception this one replaces. */
    String originalType() {
      return originalType;
    }

    @Override
    public String toString() {
      String m = getLocalizedMessage();
      return m == null ? originalType : originalType + ": " + m;
    }
  }
}
