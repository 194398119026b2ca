package dev.jgenkit.runners.exec;

import dev.jgenkit.runners.plan.PlannedTest;
import dev.jgenkit.runners.results.RuntimeInfo;
import dev.jgenkit.runners.results.TestResult;
import java.util.List;

/**
 * Live progress of a run. {@link #testStarted} and {@link #testFinished} are called from worker
 * threads in completion order; implementations must be thread-safe. Results are reported in plan
 * order by the caller of the executor, not here.
 */
public interface RunListener {
  RunListener NONE = new RunListener() {};

  /** The runtime is reachable and has every model the plan needs. */
  default void runtimeReady(RuntimeInfo runtime) {}

  default void planStarted(List<PlannedTest> plan) {}

  default void testStarted(PlannedTest test) {}

  /** A test's call failed and will be retried after {@code delayMillis}. */
  default void testRetrying(PlannedTest test, int attempt, String reason, long delayMillis) {}

  default void testFinished(TestResult result) {}

  default void planFinished(List<TestResult> results) {}
}
