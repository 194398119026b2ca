package dev.jgenkit.junit;

import dev.jgenkit.runners.TestModelEngine;
import dev.jgenkit.runners.exec.RunListener;
import dev.jgenkit.runners.results.RunResult;
import dev.jgenkit.runners.runtime.RuntimeUnavailableException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.platform.engine.TestEngine;

/**
 * One test-model run prepared by a caller (the CLI), run through the JUnit Platform Launcher so
 * that the launcher's own listeners (legacy XML, Open Test Reporting) see it. The run uses the
 * caller's engine, request and listener unchanged; the tree is built from the request's specs, and
 * the launcher's filters may narrow it.
 *
 * <pre>{@code
 * PreparedRun run = new PreparedRun(engine, request, listener);
 * launcher.execute(discoveryRequest, reportListeners);   // with run.testEngine() registered
 * RunResult result = run.result();                       // or throws RuntimeUnavailableException
 * }</pre>
 */
public final class PreparedRun {
  private final TestModelEngine engine;
  private final TestModelEngine.Request request;
  private final RunListener listener;
  private final AtomicReference<RunResult> result = new AtomicReference<>();
  private final AtomicReference<RuntimeUnavailableException> failure = new AtomicReference<>();

  public PreparedRun(TestModelEngine engine, TestModelEngine.Request request, RunListener listener) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.request = Objects.requireNonNull(request, "request");
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /** A {@code jgenkit} engine that discovers exactly this run, whatever the selectors. */
  public TestEngine testEngine() {
    return new JGenkitTestEngine(this);
  }

  /**
   * What the run produced.
   *
   * @throws RuntimeUnavailableException when the runtime could not be started or reached
   * @throws IllegalStateException when the run was not executed (e.g. filtered out entirely)
   */
  public RunResult result() throws RuntimeUnavailableException {
    if (failure.get() != null) {
      throw failure.get();
    }
    return Optional.ofNullable(result.get())
        .orElseThrow(() -> new IllegalStateException("the prepared run was not executed"));
  }

  TestModelEngine.Request request() {
    return request;
  }

  ModelRunHooks hooks() {
    return new ModelRunHooks() {
      @Override
      public TestModelEngine engine() {
        return engine;
      }

      @Override
      public RunListener listener() {
        return listener;
      }

      @Override
      public Optional<TestModelEngine.Request> prepared() {
        return Optional.of(request);
      }

      @Override
      public void finished(RunResult r) {
        result.set(r);
      }

      @Override
      public void unavailable(RuntimeUnavailableException e) {
        failure.set(e);
      }
    };
  }
}
