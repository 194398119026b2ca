package dev.jgenkit.cli.picker;

import dev.jgenkit.cli.ExitCode;
import dev.jgenkit.cli.ReportOutput;
import dev.jgenkit.reports.ConsoleReport;
import dev.jgenkit.reports.ConsoleStyle;
import dev.jgenkit.reports.Redaction;
import dev.jgenkit.reports.Reports;
import dev.jgenkit.runners.RuntimeTarget;
import dev.jgenkit.runners.TestModelEngine;
import dev.jgenkit.runners.plan.PlannedTest;
import dev.jgenkit.runners.plan.Planner;
import dev.jgenkit.runners.reflection.ReflectionClient;
import dev.jgenkit.runners.results.RunResult;
import dev.jgenkit.runners.results.RuntimeInfo;
import dev.jgenkit.runners.results.TestResult;
import dev.jgenkit.runners.runtime.LaunchedRuntime;
import dev.jgenkit.runners.runtime.RuntimeFile;
import dev.jgenkit.runners.runtime.RuntimeHealth;
import dev.jgenkit.runners.runtime.RuntimeUnavailableException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import okhttp3.OkHttpClient;

/**
 * {@code test-model -i}: one item per model × test, in plan order. With a runtime command the
 * runtime is started at the first run, reused by the next ones (started again if it died) and
 * stopped when the session closes; otherwise each run attaches as the command would.
 */
public final class TestModelSession implements PickerSession {
  private final TestModelEngine.Request request;
  private final Path reportDir;
  private final ConsoleStyle style;
  private final String title;
  private final String memoryKey;
  private final List<String> reopenArgs;
  private final Function<Runnable, AutoCloseable> onInterrupt;
  private final OkHttpClient http = ReflectionClient.defaultHttpClient();
  private final TestModelEngine engine = new TestModelEngine(http, Clock.systemUTC());
  private final List<PlannedTest> plan;
  private final List<PickerItem> items = new ArrayList<>();
  private final Map<String, Integer> indexByKey = new HashMap<>();
  private LaunchedRuntime launched;
  private RuntimeInfo runtime;

  /**
   * @param onInterrupt registers a hook for Ctrl-C/SIGTERM during a run, until the handle closes
   */
  public TestModelSession(
      TestModelEngine.Request request,
      Path reportDir,
      ConsoleStyle style,
      Function<Runnable, AutoCloseable> onInterrupt) {
    this.request = Objects.requireNonNull(request, "request");
    this.reportDir = reportDir;
    this.style = style;
    this.onInterrupt = onInterrupt;
    List<String> args = new ArrayList<>(List.of("test-model"));
    if (request.specNames().isEmpty()) {
      String model = request.specs().stream().flatMap(f -> f.suites().stream())
          .map(dev.jgenkit.specs.Suite::model).findFirst().orElse("");
      args.add(model);
      this.memoryKey = "test-model model " + model;
      this.title = "jgenkit test-model · " + model;
    } else {
      request.specNames().forEach(n -> args.addAll(List.of("--from-file", n)));
      this.memoryKey = "test-model " + String.join(" ", request.specNames());
      this.title = "jgenkit test-model · " + String.join(", ", request.specNames().stream()
          .map(n -> Path.of(n).getFileName().toString()).toList());
    }
    if (request.target() instanceof RuntimeTarget.Url u) {
      args.addAll(List.of("--runtime-url", u.url()));
    } else if (request.target() instanceof RuntimeTarget.Command c) {
      args.add("--");
      args.addAll(c.argv());
    }
    this.reopenArgs = List.copyOf(args);
    // The items do not depend on the runtime: metadata only changes --supports auto's SKIPs.
    this.plan = Planner.plan(request.specs(), request.plan(), Map.of());
    Set<String> keys = new HashSet<>();
    for (PlannedTest t : plan) {
      String label = t.model() + " › " + t.name();
      String key = label;
      for (int n = 2; !keys.add(key); n++) {
        key = label + " #" + n;
      }
      indexByKey.put(key, t.index());
      String detail = t.capability().orElse("custom") + (t.stream() ? " · stream" : "");
      items.add(new PickerItem(key, label, detail));
    }
  }

  @Override
  public String title() {
    return title;
  }

  @Override
  public String memoryKey() {
    return memoryKey;
  }

  @Override
  public List<String> reopenArgs() {
    return reopenArgs;
  }

  @Override
  public List<PickerItem> items() {
    return List.copyOf(items);
  }

  @Override
  public String preview(PickerItem item) {
    Integer i = indexByKey.get(item.key());
    return i == null ? "" : Preview.testBody(plan.get(i));
  }

  @Override
  @SuppressWarnings("try") // the interrupt hook is registered for the run's duration
  public Outcome run(List<PickerItem> chosen, PrintWriter out) throws InterruptedException {
    List<Integer> indices = chosen.stream().map(c -> indexByKey.get(c.key()))
        .filter(Objects::nonNull).sorted().toList();
    Set<Integer> wanted = Set.copyOf(indices);
    out.println("Running " + indices.size() + (indices.size() == 1 ? " test" : " tests") + "…");
    out.flush();
    RunScreen screen = new RunScreen(out, style);
    RunResult result;
    java.time.Instant startedAt = java.time.Instant.now();
    java.util.concurrent.atomic.AtomicBoolean interrupted = new java.util.concurrent.atomic.AtomicBoolean();
    try (AutoCloseable h = onInterrupt.apply(() -> {
      interrupted.set(true);
      screen.mute();
      writePartialReport(screen, startedAt, out);
      engine.abortCalls();
    })) {
      TestModelEngine.Request only = new TestModelEngine.Request(request.specs(), request.specNames(),
          request.plan(), request.execution(), request.target(), request.startupTimeout(),
          request.toolVersion(), Optional.of(wanted));
      if (request.target() instanceof RuntimeTarget.Command cmd) {
        result = engine.runOn(runtime(cmd, out), only, screen);
      } else {
        result = engine.run(only, screen);
      }
    } catch (RuntimeUnavailableException e) {
      screen.mute();
      out.println();
      out.println("jgenkit: " + Redaction.redact(e.getMessage()));
      return new Outcome(ExitCode.RUNTIME_UNAVAILABLE, Map.of());
    } catch (InterruptedException e) {
      throw e;
    } catch (Exception e) {
      // closing the interrupt hook cannot fail in practice; a bug in a run is reported, not fatal
      out.println("jgenkit: internal error: " + Redaction.redact(String.valueOf(e)));
      return new Outcome(ExitCode.INTERNAL, Map.of());
    }
    if (interrupted.get()) {
      return new Outcome(ExitCode.INTERRUPTED, Map.of()); // the interrupt hook wrote the partial report
    }
    out.println();
    out.println(ConsoleReport.summary(result, style));
    out.println(ConsoleReport.runtimeLine(result.runtime()));
    int exit = result.anyFailed() ? ExitCode.TESTS_FAILED : ExitCode.OK;
    try {
      List<Path> written = Reports.writeAll(reportDir, result);
      out.println("Reports: " + String.join(", ", written.stream().map(Path::toString).toList()));
    } catch (IOException e) {
      out.println("jgenkit: cannot write reports to " + reportDir + ": " + e.getMessage());
      exit = ExitCode.USAGE;
    }
    Map<String, ItemResult> byKey = new HashMap<>();
    Map<Integer, String> keyByIndex = new HashMap<>();
    indexByKey.forEach((k, i) -> keyByIndex.put(i, k));
    List<TestResult> results = result.results();
    for (int i = 0; i < results.size() && i < indices.size(); i++) {
      TestResult r = results.get(i);
      byKey.put(keyByIndex.get(indices.get(i)), new ItemResult(r.verdict(), r.reason(), r.durationMillis()));
    }
    out.flush();
    return new Outcome(exit, byKey);
  }

  /** Ctrl-C/SIGTERM during a run: keep what ran, marked interrupted, as without {@code -i}. */
  private void writePartialReport(RunScreen screen, java.time.Instant startedAt, PrintWriter out) {
    screen.partial(request.toolVersion(), request.specNames(), startedAt)
        .ifPresent(partial -> ReportOutput.writePartial(reportDir, partial, Map.of(), out, out));
  }

  /** The session's runtime: started at the first run, started again when it has died. */
  private RuntimeInfo runtime(RuntimeTarget.Command cmd, PrintWriter out)
      throws RuntimeUnavailableException, InterruptedException {
    if (launched != null && launched.isAlive()) {
      return runtime;
    }
    if (launched != null) {
      out.println("The runtime exited (code " + launched.exitCode().map(String::valueOf).orElse("?")
          + "); starting it again");
      launched.close();
      launched = null;
    }
    out.println(Redaction.redact("Starting `" + String.join(" ", cmd.argv()) + "` (log: " + cmd.logFile() + ")"));
    out.flush();
    LaunchedRuntime started = LaunchedRuntime.spawn(cmd.argv(), cmd.cwd(), cmd.env(), cmd.logFile());
    try {
      RuntimeFile file = started.awaitRuntimeFile(cmd.dirs(), request.startupTimeout(),
          f -> RuntimeHealth.healthy(http, f));
      runtime = new RuntimeInfo(file.reflectionServerUrl(), file.genkitVersion(), cmd.argv(),
          OptionalLong.of(file.pid()), Optional.of(file.id()), Optional.of(cmd.logFile().toString()));
      launched = started;
      return runtime;
    } catch (RuntimeUnavailableException | InterruptedException | RuntimeException e) {
      started.close();
      throw e;
    }
  }

  /** Stops the session's runtime, if one was started. */
  @Override
  public void close() {
    if (launched != null) {
      launched.close();
      launched = null;
    }
    http.dispatcher().cancelAll();
    http.connectionPool().evictAll();
  }
}
