package dev.jgenkit.junit;

import dev.jgenkit.runners.exec.ExecutionOptions;
import dev.jgenkit.runners.plan.Planner;
import java.time.Duration;
import java.util.Objects;

/** How the model tests of one runtime are planned and executed. */
record RunOptions(Planner.Options plan, ExecutionOptions execution, Duration startupTimeout) {
  RunOptions {
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(execution, "execution");
    Objects.requireNonNull(startupTimeout, "startupTimeout");
  }
}
