package dev.jgenkit.cli;

import dev.jgenkit.reports.ConsoleReport;
import dev.jgenkit.reports.ConsoleStyle;
import dev.jgenkit.reports.PeerOutput;
import dev.jgenkit.reports.Redaction;
import dev.jgenkit.runners.MultiRuntimeEngine;
import dev.jgenkit.runners.RuntimeTarget;
import dev.jgenkit.runners.TestModelEngine;
import dev.jgenkit.runners.exec.RunListener;
import dev.jgenkit.runners.reflection.ReflectionClient;
import dev.jgenkit.runners.results.RunResult;
import dev.jgenkit.runners.results.TestResult;
import dev.jgenkit.runners.results.Verdict;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs test-model units on several named runtimes (a {@code jgenkit.yaml}'s runtimes, or conform's
 * plugins × runtimes) through {@link MultiRuntimeEngine} and reports them as one run: a header per
 * unit, its tree as it runs, then one summary, a runtime line per runtime and the reports. Ctrl-C
 * writes what ran so far (the unit in progress included), marked interrupted.
 */
final class MultiRuntimeRun {
  /**
   * What to print and where.
   *
   * @param unitTitle how a unit is named in its header, e.g. {@code runtime a} or {@code
   *     anthropic @ js}
   */
  record Settings(
      Path reportDir,
      boolean peerOutput,
      boolean failFast,
      java.util.function.Function<MultiRuntimeEngine.Unit, String> unitTitle) {}

  private final CliEnvironment env;
  private final PrintWriter out;
  private final PrintWriter err;

  MultiRuntimeRun(CliEnvironment env, PrintWriter out, PrintWriter err) {
    this.env = env;
    this.out = out;
    this.err = err;
  }

  @SuppressWarnings("try") // the interrupt hook is registered for the body's duration
  int run(List<MultiRuntimeEngine.Unit> units, Settings settings) throws Exception {
    ConsoleStyle style = new ConsoleStyle(env.color(), true);
    JsonlLog jsonl = JsonlLog.open(settings.reportDir());
    List<RunResult> finished = new ArrayList<>();
    RunRecorder[] current = new RunRecorder[1];
    Instant startedAt = Instant.now();
    TestModelEngine engine =
        new TestModelEngine(ReflectionClient.defaultHttpClient(), Clock.systemUTC());
    MultiRuntimeEngine multi = new MultiRuntimeEngine(engine, Clock.systemUTC());
    AtomicBoolean interrupted = new AtomicBoolean();
    java.util.concurrent.atomic.AtomicInteger runtimesReached = new java.util.concurrent.atomic.AtomicInteger();
    ConsoleListener[] console = new ConsoleListener[1];
    MultiRuntimeEngine.Listener listener =
        new MultiRuntimeEngine.Listener() {
          @Override
          public RunListener starting(int position, MultiRuntimeEngine.Unit unit) {
            RunRecorder recorder = new RunRecorder();
            synchronized (finished) {
              current[0] = recorder;
            }
            RunListener reached =
                new RunListener() {
                  @Override
                  public void runtimeReady(dev.jgenkit.runners.results.RuntimeInfo runtime) {
                    runtimesReached.incrementAndGet();
                  }
                };
            if (settings.peerOutput()) {
              return new Listeners(reached, recorder, jsonl);
            }
            out.println(header(unit, settings));
            out.flush();
            if (unit.skipReason().isPresent()) {
              return new Listeners(recorder, jsonl); // the header says why; no tree of skips
            }
            ConsoleListener c = new ConsoleListener(out, style, env.interactiveTerminal());
            console[0] = c;
            return new Listeners(reached, c, recorder, jsonl);
          }

          @Override
          public void finished(int position, MultiRuntimeEngine.Unit unit, RunResult result) {
            synchronized (finished) {
              finished.add(result);
              current[0] = null;
            }
          }
        };
    MultiRuntimeEngine.Continuation continuation =
        settings.failFast()
            ? r -> r.anyFailed() ? Optional.of("not run: --fail-fast") : Optional.empty()
            : MultiRuntimeEngine.Continuation.ALWAYS;
    RunResult result;
    try (jsonl;
        AutoCloseable onInterrupt =
            Interrupts.register(
                () -> {
                  interrupted.set(true);
                  if (console[0] != null) {
                    console[0].mute();
                  }
                  writePartial(finished, current, startedAt, settings.reportDir());
                  multi.abortCalls();
                })) {
      result = multi.run(units, listener, continuation);
    }
    if (interrupted.get()) {
      return ExitCode.INTERRUPTED;
    }
    if (settings.peerOutput()) {
      out.print(PeerOutput.render(result));
    } else {
      out.println();
      out.println(ConsoleReport.summary(result, style));
      out.print(ConsoleReport.runtimeLines(result));
    }
    List<Path> written = ReportOutput.write(settings.reportDir(), result, env, out);
    if (!settings.peerOutput()) {
      out.println("Reports: " + String.join(", ", written.stream().map(Path::toString).toList()));
    }
    out.flush();
    boolean anyStarted = units.stream().anyMatch(u -> u.skipReason().isEmpty());
    if (anyStarted && runtimesReached.get() == 0 && !result.results().isEmpty()
        && result.results().stream().anyMatch(r -> r.verdict() == Verdict.ERROR)) {
      throw new UserException(ExitCode.RUNTIME_UNAVAILABLE,
          "no runtime could be started or reached; the reasons are in the report ("
              + settings.reportDir().resolve("results.json") + ")");
    }
    return result.anyFailed() ? ExitCode.TESTS_FAILED : ExitCode.OK;
  }

  /** {@code runtime a: starting `node app.js` (log: ...)}, or why the unit is skipped. */
  private static String header(MultiRuntimeEngine.Unit unit, Settings settings) {
    String title = settings.unitTitle().apply(unit);
    if (unit.skipReason().isPresent()) {
      return "── " + title + ": SKIPPED (" + unit.skipReason().get() + ")";
    }
    RuntimeTarget target = unit.request().target();
    String how =
        target instanceof RuntimeTarget.Command c
            ? "starting `" + String.join(" ", c.argv()) + "` in " + c.cwd() + " (log: " + c.logFile() + ")"
            : target instanceof RuntimeTarget.Url u ? "attaching to " + u.url() : "attaching";
    return Redaction.redact("── " + title + ": " + how);
  }

  private void writePartial(
      List<RunResult> finished, RunRecorder[] current, Instant startedAt, Path reportDir) {
    List<RunResult> runs;
    synchronized (finished) {
      runs = new ArrayList<>(finished);
      if (current[0] != null) {
        current[0]
            .partial(dev.jgenkit.cli.VersionProvider.version(), List.of(), startedAt, Instant.now())
            .ifPresent(runs::add);
      }
    }
    if (runs.isEmpty()) {
      return;
    }
    RunResult joined = RunResult.join(runs);
    RunResult partial =
        new RunResult(joined.tool(), joined.toolVersion(), joined.specFiles(), joined.runtime(),
            joined.startedAt(), joined.finishedAt(), joined.results(), true, joined.command(),
            joined.samples(), joined.runtimes());
    ReportOutput.writePartial(reportDir, partial, env.env(), out, err);
  }
}
