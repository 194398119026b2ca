package dev.jgenkit.junit;

import dev.jgenkit.runners.results.TestResult;
import dev.jgenkit.specs.Location;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;

/** Maps jgenkit verdicts to JUnit Platform results. */
final class Verdicts {
  private Verdicts() {}

  /**
   * PASS → successful; FAIL → failed with a {@link TestFailedError} (an {@link AssertionError}, so
   * tools count it as a failure); ERROR → failed with a {@link TestErroredException} (counted as an
   * error). SKIP is reported as skipped, not through a result.
   */
  static TestExecutionResult result(TestResult r) {
    String owner = r.test().model();
    String test = r.test().capability().orElse(r.test().name());
    switch (r.verdict()) {
      case PASS:
        return TestExecutionResult.successful();
      case FAIL:
        return TestExecutionResult.failed(new TestFailedError(r.reason(), owner, test, r.test().location()));
      case ERROR:
        return TestExecutionResult.failed(new TestErroredException(r.reason(), owner, test, r.test().location()));
      default:
        return TestExecutionResult.aborted(new org.opentest4j.TestAbortedException(r.reason()));
    }
  }

  /** What a report shows beside the verdict: trace id, attempts, stream figures. */
  static Optional<ReportEntry> details(TestResult r) {
    Map<String, String> m = new LinkedHashMap<>();
    r.traceId().ifPresent(t -> m.put("traceId", t));
    if (r.attempts() > 1) {
      m.put("attempts", String.valueOf(r.attempts()));
    }
    if (r.test().stream()) {
      m.put("chunks", String.valueOf(r.chunkCount()));
      r.timeToFirstChunkMillis().ifPresent(t -> m.put("timeToFirstChunkMillis", String.valueOf(t)));
    }
    r.finishReason().ifPresent(f -> m.put("finishReason", f));
    return m.isEmpty() ? Optional.empty() : Optional.of(ReportEntry.from(m));
  }

  /** One stack frame pointing at the spec: {@code reference/good.tool-request(good.yaml:5)}. */
  static StackTraceElement[] frame(String owner, String test, Location where) {
    if (where.line() == 0) {
      return new StackTraceElement[0];
    }
    java.nio.file.Path name = where.file().getFileName();
    return new StackTraceElement[] {
      new StackTraceElement(owner, test, name == null ? where.file().toString() : name.toString(), where.line())
    };
  }
}
