package dev.jgenkit.cli;

import dev.jgenkit.runners.exec.RunListener;
import dev.jgenkit.runners.plan.PlannedTest;
import dev.jgenkit.runners.results.RunResult;
import dev.jgenkit.runners.results.RuntimeInfo;
import dev.jgenkit.runners.results.TestResult;
import dev.jgenkit.runners.results.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Remembers what a run has done so far, so an interrupted run still leaves a report: finished
 * tests keep their verdicts, running ones become ERROR, unstarted ones SKIP.
 */
final class RunRecorder implements RunListener {
  private RuntimeInfo runtime;
  private List<PlannedTest> plan = List.of();
  private TestResult[] finished = new TestResult[0];
  private boolean[] started = new boolean[0];

  @Override
  public synchronized void runtimeReady(RuntimeInfo runtime) {
    this.runtime = runtime;
  }

  @Override
  public synchronized void planStarted(List<PlannedTest> plan) {
    this.plan = List.copyOf(plan);
    this.finished = new TestResult[plan.size()];
    this.started = new boolean[plan.size()];
  }

  @Override
  public synchronized void testStarted(PlannedTest test) {
    started[test.index()] = true;
  }

  @Override
  public synchronized void testFinished(TestResult result) {
    finished[result.test().index()] = result;
  }

  /** The run so far, marked interrupted; empty when the runtime was never reached. */
  synchronized Optional<RunResult> partial(
      String toolVersion, List<String> specNames, Instant startedAt, Instant now) {
    if (runtime == null) {
      return Optional.empty();
    }
    List<TestResult> results = new ArrayList<>();
    for (PlannedTest t : plan) {
      TestResult r = finished[t.index()];
      if (r == null) {
        r = started[t.index()]
            ? new TestResult(t, Verdict.ERROR, "interrupted while running", 1, 0,
                OptionalLong.empty(), 0, Optional.empty(), Optional.empty(), Optional.empty())
            : TestResult.skipped(t, "not run: interrupted");
      }
      results.add(r);
    }
    return Optional.of(
        new RunResult("jgenkit", toolVersion, specNames, runtime, startedAt, now, results, true));
  }
}
