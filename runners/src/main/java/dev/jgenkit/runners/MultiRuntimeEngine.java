package dev.jgenkit.runners;

import dev.jgenkit.runners.exec.RunListener;
import dev.jgenkit.runners.plan.PlannedTest;
import dev.jgenkit.runners.plan.Planner;
import dev.jgenkit.runners.results.RunResult;
import dev.jgenkit.runners.results.RuntimeInfo;
import dev.jgenkit.runners.results.TestResult;
import dev.jgenkit.runners.results.Verdict;
import dev.jgenkit.runners.runtime.RuntimeUnavailableException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Runs test-model requests on several named runtimes, one after another (Genkit JS picks its
 * reflection port racily, and one runtime at a time keeps a slow provider from starving another),
 * through {@link TestModelEngine}, and joins the runs into one: every test labelled with its
 * runtime's name, the runtimes listed in {@link RunResult#runtimes}. Each started runtime is
 * stopped before the next starts.
 *
 * <p>A runtime that cannot be started or reached is data, not an abort: its planned tests become
 * ERROR with the reason, and the next runtime runs. A unit can also be skipped before anything
 * starts (missing variables, no entry file): its planned tests become SKIP with the reason.
 */
public final class MultiRuntimeEngine {
  /**
   * One runtime's share of the run.
   *
   * @param name the runtime's name (columns, results, junit suites)
   * @param request what to run there
   * @param skipReason present when the unit is not run: every planned test is SKIPPED with it
   */
  public record Unit(String name, TestModelEngine.Request request, Optional<String> skipReason) {
    public Unit {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(request, "request");
      Objects.requireNonNull(skipReason, "skipReason");
    }

    public Unit(String name, TestModelEngine.Request request) {
      this(name, request, Optional.empty());
    }
  }

  /** Progress per unit; the run listener it returns gets the unit's events. */
  public interface Listener {
    /** The unit is about to run (or be skipped); returns the listener for its run. */
    RunListener starting(int position, Unit unit);

    /** The unit ran (or was skipped, or its runtime was unavailable). */
    default void finished(int position, Unit unit, RunResult result) {}
  }

  /** Whether to go on after a unit with a FAIL or ERROR. */
  @FunctionalInterface
  public interface Continuation {
    /** Empty to go on; a reason (e.g. {@code not run: --fail-fast}) to skip the remaining units. */
    Optional<String> after(RunResult unitResult);

    Continuation ALWAYS = r -> Optional.empty();
  }

  private final TestModelEngine engine;
  private final Clock clock;
  private volatile boolean aborted;

  public MultiRuntimeEngine(TestModelEngine engine, Clock clock) {
    this.engine = engine;
    this.clock = clock;
  }

  /** Runs every unit in order and joins the results; see the class comment. */
  public RunResult run(List<Unit> units, Listener listener, Continuation continuation)
      throws InterruptedException {
    if (units.isEmpty()) {
      throw new IllegalArgumentException("no runtimes to run on");
    }
    List<RunResult> runs = new ArrayList<>();
    Optional<String> stop = Optional.empty();
    for (int i = 0; i < units.size(); i++) {
      Unit unit = units.get(i);
      if (stop.isEmpty() && aborted) {
        stop = Optional.of("not run: interrupted");
      }
      Unit effective =
          stop.isPresent() && unit.skipReason().isEmpty()
              ? new Unit(unit.name(), unit.request(), stop)
              : unit;
      RunListener runListener = new Labelling(unit.name(), listener.starting(i, effective));
      RunResult result = runUnit(effective, runListener);
      runs.add(result);
      listener.finished(i, effective, result);
      if (stop.isEmpty() && effective.skipReason().isEmpty()) {
        stop = continuation.after(result);
      }
    }
    return RunResult.join(runs);
  }

  /** Stops the calls in flight (Ctrl-C); the units not started yet are skipped. */
  public void abortCalls() {
    aborted = true;
    engine.abortCalls();
  }

  private RunResult runUnit(Unit unit, RunListener listener) throws InterruptedException {
    Instant started = clock.instant();
    TestModelEngine.Request request = unit.request();
    if (unit.skipReason().isPresent()) {
      return notRun(unit, listener, Verdict.SKIP, unit.skipReason().get(), started);
    }
    try {
      RunResult run = engine.run(request, listener);
      RuntimeInfo rt = run.runtime().named(unit.name());
      List<TestResult> labelled =
          run.results().stream().map(r -> r.withTest(r.test().onRuntime(unit.name()))).toList();
      return new RunResult(run.tool(), run.toolVersion(), run.specFiles(), rt, run.startedAt(),
          run.finishedAt(), labelled, run.interrupted(), run.command(), List.of(), List.of(rt));
    } catch (RuntimeUnavailableException e) {
      return notRun(unit, listener, Verdict.ERROR,
          "runtime " + unit.name() + " unavailable: " + e.getMessage(), started);
    }
  }

  /** The unit's planned tests, each with {@code verdict} and {@code reason}; nothing is called. */
  private RunResult notRun(Unit unit, RunListener listener, Verdict verdict, String reason,
      Instant started) {
    RuntimeInfo runtime = TestModelEngine.unreached(unit.request().target()).named(unit.name());
    RunResult run = engine.notRun(unit.request(), listener, verdict, reason, runtime, started);
    List<TestResult> labelled =
        run.results().stream().map(r -> r.withTest(r.test().onRuntime(unit.name()))).toList();
    return new RunResult(run.tool(), run.toolVersion(), run.specFiles(), runtime, run.startedAt(),
        run.finishedAt(), labelled, false, RunResult.TEST_MODEL, List.of(), List.of(runtime));
  }

  /** Labels every test the unit's listener sees with the unit's runtime name. */
  private static final class Labelling implements RunListener {
    private final String name;
    private final RunListener delegate;

    Labelling(String name, RunListener delegate) {
      this.name = name;
      this.delegate = delegate;
    }

    @Override
    public void runtimeReady(RuntimeInfo runtime) {
      delegate.runtimeReady(runtime.named(name));
    }

    @Override
    public void planStarted(List<PlannedTest> plan) {
      delegate.planStarted(plan.stream().map(this::label).toList());
    }

    @Override
    public void testStarted(PlannedTest test) {
      delegate.testStarted(label(test));
    }

    @Override
    public void testRetrying(PlannedTest test, int attempt, String reason, long delayMillis) {
      delegate.testRetrying(label(test), attempt, reason, delayMillis);
    }

    @Override
    public void testFinished(TestResult result) {
      delegate.testFinished(result.withTest(label(result.test())));
    }

    @Override
    public void planFinished(List<TestResult> results) {
      delegate.planFinished(
          results.stream().map(r -> r.withTest(label(r.test()))).toList());
    }

    private PlannedTest label(PlannedTest t) {
      return t.runtime().equals(name) ? t : t.onRuntime(name);
    }
  }
}
