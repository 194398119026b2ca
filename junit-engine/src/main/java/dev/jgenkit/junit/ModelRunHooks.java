package dev.jgenkit.junit;

import dev.jgenkit.runners.TestModelEngine;
import dev.jgenkit.runners.exec.RunListener;
import dev.jgenkit.runners.reflection.ReflectionClient;
import dev.jgenkit.runners.results.RunResult;
import dev.jgenkit.runners.runtime.RuntimeUnavailableException;
import java.time.Clock;
import java.util.Optional;

/**
 * What a caller may plug into the model runs: the engine that runs them, a listener of its own,
 * the request to run as prepared (the CLI's), and where results and failures go.
 */
interface ModelRunHooks {
  /** Each runtime gets its own engine; no extra listener; results are only reported to JUnit. */
  ModelRunHooks DEFAULT = new ModelRunHooks() {};

  default TestModelEngine engine() {
    return new TestModelEngine(ReflectionClient.defaultHttpClient(), Clock.systemUTC());
  }

  default RunListener listener() {
    return RunListener.NONE;
  }

  /** A prepared request: its specs, names, target and options are used as they are. */
  default Optional<TestModelEngine.Request> prepared() {
    return Optional.empty();
  }

  default void finished(RunResult result) {}

  default void unavailable(RuntimeUnavailableException e) {}
}
