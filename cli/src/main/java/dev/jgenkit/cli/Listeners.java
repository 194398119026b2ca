package dev.jgenkit.cli;

import dev.jgenkit.runners.exec.RunListener;
import dev.jgenkit.runners.plan.PlannedTest;
import dev.jgenkit.runners.results.RuntimeInfo;
import dev.jgenkit.runners.results.TestResult;
import java.util.List;

/** Fans one run's events out to several listeners, in order. */
final class Listeners implements RunListener {
  private final List<RunListener> all;

  Listeners(RunListener... all) {
    this.all = List.of(all);
  }

  @Override
  public void runtimeReady(RuntimeInfo runtime) {
    all.forEach(l -> l.runtimeReady(runtime));
  }

  @Override
  public void planStarted(List<PlannedTest> plan) {
    all.forEach(l -> l.planStarted(plan));
  }

  @Override
  public void testStarted(PlannedTest test) {
    all.forEach(l -> l.testStarted(test));
  }

  @Override
  public void testRetrying(PlannedTest test, int attempt, String reason, long delayMillis) {
    all.forEach(l -> l.testRetrying(test, attempt, reason, delayMillis));
  }

  @Override
  public void testFinished(TestResult result) {
    all.forEach(l -> l.testFinished(result));
  }

  @Override
  public void planFinished(List<TestResult> results) {
    all.forEach(l -> l.planFinished(results));
  }
}
