package dev.jgenkit.runners;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jgenkit.runners.exec.ExecutionOptions;
import dev.jgenkit.runners.exec.RunListener;
import dev.jgenkit.runners.exec.TestExecutor;
import dev.jgenkit.runners.plan.PlannedTest;
import dev.jgenkit.runners.plan.Planner;
import dev.jgenkit.runners.reflection.ReflectionClient;
import dev.jgenkit.runners.reflection.RuntimeProbe;
import dev.jgenkit.runners.results.RunResult;
import dev.jgenkit.runners.results.RuntimeInfo;
import dev.jgenkit.runners.results.TestResult;
import dev.jgenkit.runners.results.Verdict;
import dev.jgenkit.runners.runtime.ActionWaiter;
import dev.jgenkit.runners.runtime.LaunchedRuntime;
import dev.jgenkit.runners.runtime.RuntimeFile;
import dev.jgenkit.runners.runtime.RuntimeHealth;
import dev.jgenkit.runners.runtime.RuntimeUnavailableException;
import dev.jgenkit.specs.SpecFile;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import okhttp3.OkHttpClient;

/**
 * The test-model engine: reaches (or starts) the runtime, waits for the spec's models, plans,
 * executes and returns the results. It never prints; progress goes to a {@link RunListener}.
 */
public final class TestModelEngine {

  /**
   * One test-model run.
   *
   * @param specs the loaded specs
   * @param specNames how the spec files were named (for reports)
   * @param startupTimeout bound for the runtime file, health and action registration
   * @param selection when present, only the tests at these positions of the whole plan run (the
   *     others are left out, not skipped); the plan the listener and the results see is renumbered
   *     from 0 in plan order (see {@link Planner#select})
   */
  public record Request(
      List<SpecFile> specs,
      List<String> specNames,
      Planner.Options plan,
      ExecutionOptions execution,
      RuntimeTarget target,
      Duration startupTimeout,
      String toolVersion,
      Optional<Set<Integer>> selection) {
    public Request {
      specs = List.copyOf(specs);
      specNames = List.copyOf(specNames);
      Objects.requireNonNull(plan, "plan");
      Objects.requireNonNull(execution, "execution");
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(startupTimeout, "startupTimeout");
      Objects.requireNonNull(toolVersion, "toolVersion");
      selection = selection.map(Set::copyOf);
    }

    /** Every planned test runs. */
    public Request(
        List<SpecFile> specs,
        List<String> specNames,
        Planner.Options plan,
        ExecutionOptions execution,
        RuntimeTarget target,
        Duration startupTimeout,
        String toolVersion) {
      this(specs, specNames, plan, execution, target, startupTimeout, toolVersion, Optional.empty());
    }
  }

  private final OkHttpClient http;
  private final Clock clock;
  private volatile TestExecutor executor;
  private volatile RuntimeProbe probe;

  public TestModelEngine(OkHttpClient http, Clock clock) {
    this.http = http;
    this.clock = clock;
  }

  /**
   * A health check and action listing already sent (see {@link RuntimeProbe}); a run on that same
   * URL uses their answers instead of sending its own, a run elsewhere ignores it.
   */
  public void useProbe(RuntimeProbe probe) {
    this.probe = probe;
  }

  private Optional<RuntimeProbe> takeProbe(String url) {
    RuntimeProbe p = probe;
    probe = null;
    return p != null && p.isFor(url) ? Optional.of(p) : Optional.empty();
  }

  public RunResult run(Request request, RunListener listener)
      throws RuntimeUnavailableException, InterruptedException {
    Instant started = clock.instant();
    TimingTrace.mark("engine: run");
    Set<String> keys = Planner.requiredKeys(request.specs());
    if (request.target() instanceof RuntimeTarget.Command cmd) {
      try (LaunchedRuntime launched =
          LaunchedRuntime.spawn(cmd.argv(), cmd.cwd(), cmd.env(), cmd.logFile())) {
        RuntimeFile file =
            launched.awaitRuntimeFile(cmd.dirs(), request.startupTimeout(), this::healthy);
        ReflectionClient client = new ReflectionClient(http, file.reflectionServerUrl());
        ObjectNode actions;
        try {
          actions =
              ActionWaiter.await(client, keys, request.startupTimeout(), () -> !launched.isAlive());
        } catch (RuntimeUnavailableException e) {
          throw new RuntimeUnavailableException(e.getMessage() + launched.logTail());
        }
        RuntimeInfo info =
            new RuntimeInfo(
                file.reflectionServerUrl(),
                file.genkitVersion(),
                cmd.argv(),
                OptionalLong.of(file.pid()),
                Optional.of(file.id()),
                Optional.of(cmd.logFile().toString()));
        try {
          return execute(request, listener, client, actions, info, started);
        } finally {
          // Idle keep-alive connections would hold the runtime's graceful shutdown open.
          http.connectionPool().evictAll();
        }
      }
    }
    RuntimeInfo info;
    if (request.target() instanceof RuntimeTarget.Url u) {
      OkHttpClient urlHttp =
          u.url().regionMatches(true, 0, "https:", 0, 6) ? ReflectionClient.withTls(http) : http;
      ReflectionClient client = new ReflectionClient(urlHttp, u.url());
      TimingTrace.mark("engine: health check");
      // The health check and the first action listing go out side by side (one round trip before
      // the tests instead of two), unless the caller sent them already; the listing is only used
      // once the runtime has answered healthy.
      RuntimeProbe early = takeProbe(client.baseUrl())
          .or(() -> RuntimeProbe.start(http, client.baseUrl(), RuntimeProbe.HEALTH_TIMEOUT))
          .orElseThrow();
      if (!early.healthy(RuntimeProbe.HEALTH_TIMEOUT.plusSeconds(1))) {
        early.cancel();
        throw new RuntimeUnavailableException(
            "no Genkit runtime answers at " + u.url() + "/api/__health");
      }
      TimingTrace.mark("engine: healthy");
      info = new RuntimeInfo(client.baseUrl(), Optional.empty(), List.of(), OptionalLong.empty(),
          Optional.empty(), Optional.empty());
      ObjectNode actions =
          ActionWaiter.await(client, keys, request.startupTimeout(), () -> false, early.listing());
      TimingTrace.mark("engine: actions listed");
      return execute(request, listener, client, actions, info, started);
    } else {
      RuntimeTarget.Discover d = (RuntimeTarget.Discover) request.target();
      RuntimeFile file =
          d.dirs().list().stream()
              .filter(this::healthy)
              .findFirst()
              .orElseThrow(
                  () ->
                      new RuntimeUnavailableException(
                          "no running Genkit runtime found in "
                              + d.dirs().dirs().get(0)
                              + " (or the working directory's .genkit/runtimes); start the app with"
                              + " GENKIT_ENV=dev, pass --runtime-url URL, or let jgenkit start it:"
                              + " jgenkit test-model ... -- <command>"));
      info = new RuntimeInfo(file.reflectionServerUrl(), file.genkitVersion(), List.of(),
          OptionalLong.of(file.pid()), Optional.of(file.id()), Optional.empty());
    }
    ReflectionClient client = new ReflectionClient(http, info.url());
    ObjectNode actions = ActionWaiter.await(client, keys, request.startupTimeout(), () -> false);
    TimingTrace.mark("engine: actions listed");
    return execute(request, listener, client, actions, info, started);
  }

  /**
   * Runs {@code request} against a runtime the caller started (or reached) and keeps across runs,
   * as the interactive picker does; {@code request.target()} is not used. Waits for the spec's
   * models like {@link #run(Request, RunListener)}.
   */
  public RunResult runOn(RuntimeInfo runtime, Request request, RunListener listener)
      throws RuntimeUnavailableException, InterruptedException {
    Instant started = clock.instant();
    OkHttpClient client0 =
        runtime.url().regionMatches(true, 0, "https:", 0, 6) ? ReflectionClient.withTls(http) : http;
    ReflectionClient client = new ReflectionClient(client0, runtime.url());
    ObjectNode actions =
        ActionWaiter.await(
            client, Planner.requiredKeys(request.specs()), request.startupTimeout(), () -> false);
    try {
      return execute(request, listener, client, actions, runtime, started);
    } finally {
      http.connectionPool().evictAll();
    }
  }

  private RunResult execute(
      Request request,
      RunListener listener,
      ReflectionClient client,
      ObjectNode actions,
      RuntimeInfo info,
      Instant started)
      throws InterruptedException {
    Map<String, JsonNode> byKey = new HashMap<>();
    for (Map.Entry<String, JsonNode> e : actions.properties()) {
      byKey.put(e.getKey(), e.getValue());
    }
    listener.runtimeReady(info);
    List<PlannedTest> plan = Planner.plan(request.specs(), request.plan(), byKey);
    if (request.selection().isPresent()) {
      plan = Planner.select(plan, request.selection().get());
    }
    TimingTrace.mark("engine: planned");
    TestExecutor executor = new TestExecutor(client, request.execution(), listener);
    this.executor = executor;
    List<TestResult> results = executor.run(plan);
    TimingTrace.mark("engine: tests done");
    if (info.genkitVersion().isEmpty() && executor.observedGenkitVersion().isPresent()) {
      info = new RuntimeInfo(info.url(), executor.observedGenkitVersion(), info.command(), info.pid(),
          info.runtimeId(), info.logFile());
    }
    return new RunResult(
        "jgenkit",
        request.toolVersion(),
        request.specNames(),
        info,
        started,
        clock.instant(),
        results,
        false);
  }

  /**
   * The request's planned tests, each given {@code verdict} and {@code reason}, with nothing called:
   * the record of a run whose runtime could not be reached (ERROR), or of one not run at all (SKIP).
   * Without a runtime there is no model metadata, so {@code --supports auto} plans as if none were
   * declared. The listener sees the plan and each result, as in a real run.
   */
  public RunResult notRun(
      Request request, RunListener listener, Verdict verdict, String reason, RuntimeInfo runtime,
      Instant started) {
    List<PlannedTest> plan = Planner.plan(request.specs(), request.plan(), Map.of());
    if (request.selection().isPresent()) {
      plan = Planner.select(plan, request.selection().get());
    }
    listener.planStarted(plan);
    List<TestResult> results = new ArrayList<>();
    for (PlannedTest t : plan) {
      TestResult r =
          verdict == Verdict.SKIP
              ? TestResult.skipped(t, reason)
              : new TestResult(t, verdict, reason, 0, 0, OptionalLong.empty(), 0, Optional.empty(),
                  Optional.empty(), Optional.empty());
      listener.testFinished(r);
      results.add(r);
    }
    listener.planFinished(results);
    return new RunResult("jgenkit", request.toolVersion(), request.specNames(), runtime, started,
        clock.instant(), results, false);
  }

  /** What is known of a runtime that was not reached: its URL or its command and log. */
  public static RuntimeInfo unreached(RuntimeTarget target) {
    String url = target instanceof RuntimeTarget.Url u ? u.url() : "";
    List<String> command = target instanceof RuntimeTarget.Command c ? c.argv() : List.of();
    Optional<String> log =
        target instanceof RuntimeTarget.Command c
            ? Optional.of(c.logFile().toString())
            : Optional.empty();
    return new RuntimeInfo(url, Optional.empty(), command, OptionalLong.empty(), Optional.empty(),
        log);
  }

  /**
   * Aborts every call in flight and drops pooled connections: on Ctrl-C this lets a started
   * runtime shut down at once instead of waiting for its open requests.
   */
  public void abortCalls() {
    TestExecutor running = executor;
    if (running != null) {
      running.cancelInFlight();
    }
    http.dispatcher().cancelAll();
    http.connectionPool().evictAll();
  }

  boolean healthy(RuntimeFile f) {
    return RuntimeHealth.healthy(http, f);
  }

}
