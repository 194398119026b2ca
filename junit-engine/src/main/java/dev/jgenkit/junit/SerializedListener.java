package dev.jgenkit.junit;

import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.FileEntry;
import org.junit.platform.engine.reporting.ReportEntry;

/** Passes events on one at a time: jgenkit reports from its worker threads. */
final class SerializedListener implements EngineExecutionListener {
  private final EngineExecutionListener delegate;

  SerializedListener(EngineExecutionListener delegate) {
    this.delegate = delegate;
  }

  @Override
  public synchronized void dynamicTestRegistered(TestDescriptor d) {
    delegate.dynamicTestRegistered(d);
  }

  @Override
  public synchronized void executionSkipped(TestDescriptor d, String reason) {
    delegate.executionSkipped(d, reason);
  }

  @Override
  public synchronized void executionStarted(TestDescriptor d) {
    delegate.executionStarted(d);
  }

  @Override
  public synchronized void executionFinished(TestDescriptor d, TestExecutionResult result) {
    delegate.executionFinished(d, result);
  }

  @Override
  public synchronized void reportingEntryPublished(TestDescriptor d, ReportEntry entry) {
    delegate.reportingEntryPublished(d, entry);
  }

  @Override
  public synchronized void fileEntryPublished(TestDescriptor d, FileEntry file) {
    delegate.fileEntryPublished(d, file);
  }
}
