package dev.jgenkit.runners.samples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jgenkit.runners.exec.ExecutionOptions;
import dev.jgenkit.runners.exec.RunListener;
import dev.jgenkit.runners.exec.TestExecutor;
import dev.jgenkit.runners.flows.InputSynthesizer;
import dev.jgenkit.runners.flows.Synthesis;
import dev.jgenkit.runners.plan.PlannedTest;
import dev.jgenkit.runners.reflection.ReflectionClient;
import dev.jgenkit.runners.reflection.ReflectionException;
import dev.jgenkit.runners.results.RunResult;
import dev.jgenkit.runners.results.RuntimeInfo;
import dev.jgenkit.runners.results.SampleInfo;
import dev.jgenkit.runners.results.TestResult;
import dev.jgenkit.runners.results.Verdict;
import dev.jgenkit.runners.runtime.LaunchedRuntime;
import dev.jgenkit.runners.runtime.RuntimeDirectories;
import dev.jgenkit.runners.runtime.RuntimeFile;
import dev.jgenkit.runners.runtime.RuntimeHealth;
import dev.jgenkit.runners.runtime.RuntimeUnavailableException;
import dev.jgenkit.specs.Location;
import dev.jgenkit.specs.samples.FlowSpec;
import dev.jgenkit.specs.samples.Plan;
import dev.jgenkit.specs.samples.SampleFile;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;

/**
 * The sample-flows engine: for each sample in plan order (then the unplanned ones by name), skip it
 * when its variables are unset, else start it with discovery scoped to its own process tree, list
 * its flows, run each with an input from the sample file or synthesised from the flow's input
 * schema, judge the output against the flow's output schema and the sample file's validators, and
 * stop its process tree. Several samples may run at once; results are in run order regardless.
 */
public final class SampleFlowsEngine {
  /** The name of the synthetic test that stands for a sample that was skipped or did not start. */
  public static final String START = "(start)";

  private static final Duration POLL = Duration.ofMillis(100);

  /**
   * One sample-flows run.
   *
   * @param samples the samples to consider, already ordered and filtered (see {@link SamplePlanner})
   * @param jobs how many samples run at once
   * @param flowExecution per flow: timeout, retries; its {@code jobs} is flows at once per sample
   * @param env the environment (for gating on required variables)
   * @param logDir where each sample's log goes ({@code <name>.log})
   * @param flows per sample, the only flows to run (flow-level selection); a sample that is not in
   *     the map runs all its flows, a selected flow the sample does not register is SKIPPED
   */
  public record Request(
      List<SamplePlanner.Entry> samples,
      Optional<Plan> plan,
      int jobs,
      boolean failFast,
      ExecutionOptions flowExecution,
      Duration startupTimeout,
      Map<String, String> env,
      Path logDir,
      List<String> sources,
      String toolVersion,
      Map<String, Set<String>> flows) {
    /** A run of every flow of each sample. */
    public Request(
        List<SamplePlanner.Entry> samples,
        Optional<Plan> plan,
        int jobs,
        boolean failFast,
        ExecutionOptions flowExecution,
        Duration startupTimeout,
        Map<String, String> env,
        Path logDir,
        List<String> sources,
        String toolVersion) {
      this(samples, plan, jobs, failFast, flowExecution, startupTimeout, env, logDir, sources,
          toolVersion, Map.of());
    }

    public Request {
      samples = List.copyOf(samples);
      Objects.requireNonNull(plan, "plan");
      if (jobs < 1) {
        throw new IllegalArgumentException("jobs must be at least 1");
      }
      Objects.requireNonNull(flowExecution, "flowExecution");
      Objects.requireNonNull(startupTimeout, "startupTimeout");
      env = Map.copyOf(env);
      Objects.requireNonNull(logDir, "logDir");
      sources = List.copyOf(sources);
      Objects.requireNonNull(toolVersion, "toolVersion");
      Map<String, Set<String>> copy = new java.util.HashMap<>();
      flows.forEach((sample, names) -> copy.put(sample, Set.copyOf(names)));
      flows = Map.copyOf(copy);
    }
  }

  private final OkHttpClient http;
  private final Clock clock;
  private final SampleRuntimes runtimes;
  private final AtomicBoolean aborted = new AtomicBoolean();
  private final java.util.concurrent.Semaphore startLock = new java.util.concurrent.Semaphore(1);
  private final Set<TestExecutor> running = java.util.concurrent.ConcurrentHashMap.newKeySet();

  public SampleFlowsEngine(OkHttpClient http, Clock clock) {
    this(http, clock, null);
  }

  /**
   * @param runtimes where started samples are kept between runs (interactive mode); null to stop
   *     each sample when its flows are done
   */
  public SampleFlowsEngine(OkHttpClient http, Clock clock, SampleRuntimes runtimes) {
    this.http = http;
    this.clock = clock;
    this.runtimes = runtimes;
  }

  /** Ctrl-C: start no more samples or flows, cancel the flows in flight. */
  public void abort() {
    aborted.set(true);
    for (TestExecutor e : running) {
      e.cancelInFlight();
    }
    http.dispatcher().cancelAll();
    http.connectionPool().evictAll();
  }

  public RunResult run(Request request, SampleListener listener) throws InterruptedException {
    Instant started = clock.instant();
    List<SamplePlanner.Entry> entries = request.samples();
    listener.runStarted(entries.stream().map(SamplePlanner.Entry::name).toList());
    int n = entries.size();
    SampleOutcome[] outcomes = new SampleOutcome[n];
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger n2 = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.max(1, Math.min(request.jobs(), n)),
            r -> {
              Thread t = new Thread(r, "jgenkit-sample-" + n2.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<SampleOutcome>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        final int position = i;
        futures.add(
            pool.submit(
                () -> {
                  SamplePlanner.Entry e = entries.get(position);
                  SampleOutcome o;
                  if (aborted.get()) {
                    o = notRun(e, "not run: interrupted");
                  } else if (stop.get()) {
                    o = notRun(e, "not run: --fail-fast stopped the run after an earlier sample failed");
                  } else {
                    o = runSample(e, request, position, listener);
                  }
                  if (request.failFast() && o.failed()) {
                    stop.set(true);
                  }
                  listener.sampleFinished(position, o.info(), o.results());
                  return o;
                }));
      }
      for (int i = 0; i < n; i++) {
        try {
          outcomes[i] = futures.get(i).get();
        } catch (ExecutionException ex) {
          throw new IllegalStateException("bug while running sample " + entries.get(i).name(), ex.getCause());
        }
      }
    } finally {
      pool.shutdownNow();
    }
    // Fail-fast is decided in run order: with several samples at once, a later sample may have
    // started before an earlier one failed; report it as run, since it did run.
    List<TestResult> all = new ArrayList<>();
    List<SampleInfo> infos = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      SampleOutcome o = outcomes[i];
      infos.add(o.info());
      for (TestResult r : o.results()) {
        all.add(r.at(all.size(), i));
      }
    }
    RuntimeInfo placeholder =
        new RuntimeInfo("", Optional.empty(), List.of(), OptionalLong.empty(), Optional.empty(),
            Optional.empty());
    return new RunResult("jgenkit", request.toolVersion(), request.sources(), placeholder, started,
        clock.instant(), all, aborted.get(), RunResult.SAMPLE_FLOWS, infos);
  }

  /** What one sample produced. */
  private record SampleOutcome(SampleInfo info, List<TestResult> results) {
    boolean failed() {
      return results.stream().anyMatch(r -> r.verdict().failed());
    }
  }

  private SampleOutcome notRun(SamplePlanner.Entry e, String reason) {
    SampleInfo info = info(e, List.of(), Optional.empty());
    return new SampleOutcome(info, List.of(start(e, Verdict.SKIP, reason)));
  }

  private SampleOutcome runSample(
      SamplePlanner.Entry e, Request request, int position, SampleListener listener)
      throws InterruptedException {
    if (e.directory().isEmpty()) {
      return new SampleOutcome(info(e, List.of(), Optional.empty()),
          List.of(start(e, Verdict.SKIP, "not found: the plan names it but there is no such directory")));
    }
    SampleDirectory dir = e.directory().get();
    if (!dir.isSample()) {
      return new SampleOutcome(info(e, List.of(), Optional.empty()),
          List.of(start(e, Verdict.SKIP, dir.notASample().get())));
    }
    List<String> missing = new ArrayList<>();
    for (String var : e.requiredEnv()) {
      String v = request.env().get(var);
      if (v == null || v.isBlank()) {
        missing.add(var);
      }
    }
    if (!missing.isEmpty()) {
      StringBuilder reason = new StringBuilder("missing environment variable")
          .append(missing.size() == 1 ? " " : "s ").append(String.join(", ", missing));
      request.plan().ifPresent(p -> {
        for (String var : missing) {
          String help = p.envHelp().get(var);
          if (help != null) {
            reason.append("; ").append(var).append(": ").append(help);
          }
        }
      });
      return new SampleOutcome(info(e, missing, Optional.empty()),
          List.of(start(e, Verdict.SKIP, reason.toString())));
    }
    Path log = request.logDir().resolve(e.name() + ".log");
    Duration startup = dir.sampleFile().flatMap(SampleFile::timeout).orElse(request.startupTimeout());
    listener.sampleStarted(position, info(e, List.of(), Optional.empty()));
    // Starts are staggered: Genkit JS probes for a free port from 3100 and binds it only later, so
    // two runtimes starting at once can pick the same port (EADDRINUSE). The next sample starts
    // once the previous one has written its runtime file; flows still run concurrently.
    LaunchedRuntime rt;
    RuntimeFile file;
    Optional<SampleRuntimes.Kept> kept = runtimes == null ? Optional.empty() : runtimes.alive(e.name());
    if (kept.isPresent()) {
      rt = kept.get().runtime();
      file = kept.get().file();
    } else {
      startLock.acquire();
      try {
        rt = LaunchedRuntime.spawn(dir.start(), dir.cwd(), Map.of(), log);
        try {
          file = rt.awaitRuntimeFile(RuntimeDirectories.of(dir.cwd(), dir.cwd()), startup,
              f -> RuntimeHealth.healthy(http, f));
        } catch (RuntimeUnavailableException ex) {
          rt.close();
          return failedStart(e, ex.getMessage(), rt, log);
        }
      } catch (RuntimeUnavailableException ex) {
        return new SampleOutcome(info(e, List.of(), Optional.empty()),
            List.of(start(e, Verdict.ERROR, ex.getMessage())));
      } finally {
        startLock.release();
      }
      if (runtimes != null) {
        runtimes.keep(e.name(), rt, file);
      }
    }
    try {
      RuntimeInfo runtime = new RuntimeInfo(file.reflectionServerUrl(), file.genkitVersion(),
          dir.start(), OptionalLong.of(file.pid()), Optional.of(file.id()), Optional.of(log.toString()));
      ReflectionClient client = new ReflectionClient(http, file.reflectionServerUrl());
      ObjectNode actions;
      try {
        actions = awaitFlows(client, dir, startup, rt);
      } catch (RuntimeUnavailableException ex) {
        return new SampleOutcome(info(e, List.of(), Optional.of(runtime)),
            List.of(start(e, Verdict.ERROR, ex.getMessage() + rt.logTail())));
      }
      List<PlannedTest> plan = selectFlows(planFlows(e, dir, actions), request.flows().get(e.name()));
      if (aborted.get()) {
        return notRun(e, "not run: interrupted");
      }
      ExecutionOptions flowOptions = request.flowExecution();
      Optional<Duration> own = dir.sampleFile().flatMap(SampleFile::timeout);
      if (own.isPresent()) {
        flowOptions = flowOptions.with(flowOptions.jobs(), own.get());
      }
      TestExecutor executor = new TestExecutor(client, flowOptions, new RunListener() {
        @Override
        public void testStarted(PlannedTest test) {
          listener.flowStarted(position, test);
        }

        @Override
        public void testFinished(TestResult result) {
          listener.flowFinished(position, result);
        }
      });
      running.add(executor);
      List<TestResult> results;
      try {
        results = executor.run(plan);
      } finally {
        running.remove(executor);
        http.connectionPool().evictAll();
      }
      if (results.isEmpty()) {
        results = List.of(start(e, Verdict.SKIP, "the sample registers no flows (/flow/*)"));
      }
      return new SampleOutcome(info(e, List.of(), Optional.of(runtime)), results);
    } finally {
      if (runtimes == null) {
        rt.close();
      }
    }
  }

  private SampleOutcome failedStart(SamplePlanner.Entry e, String message, LaunchedRuntime rt, Path log) {
    RuntimeInfo runtime = new RuntimeInfo("", Optional.empty(), rt.command(), OptionalLong.of(rt.pid()),
        Optional.empty(), Optional.of(log.toString()));
    return new SampleOutcome(info(e, List.of(), Optional.of(runtime)),
        List.of(start(e, Verdict.ERROR, message)));
  }

  /**
   * Waits until {@code /api/actions} answers with the flows the sample file names (or, without
   * one, with at least one flow), bounded; a sample that registers no flow at all is reported as
   * such after a short grace period.
   */
  private static ObjectNode awaitFlows(
      ReflectionClient client, SampleDirectory dir, Duration timeout, LaunchedRuntime rt)
      throws RuntimeUnavailableException, InterruptedException {
    Set<String> wanted = new LinkedHashSet<>();
    dir.sampleFile().ifPresent(sf -> sf.flows().keySet().forEach(f -> wanted.add("/flow/" + f)));
    long deadline = System.nanoTime() + timeout.toNanos();
    long graceForNoFlows = System.nanoTime() + Math.min(timeout.toNanos(), Duration.ofSeconds(3).toNanos());
    String last = "";
    while (true) {
      try {
        ObjectNode actions = client.listActions(Duration.ofSeconds(10));
        boolean anyFlow = false;
        for (Iterator<String> it = actions.fieldNames(); it.hasNext(); ) {
          if (it.next().startsWith("/flow/")) {
            anyFlow = true;
          }
        }
        List<String> missing = wanted.stream().filter(k -> !actions.has(k)).toList();
        if (missing.isEmpty() && (anyFlow || System.nanoTime() > graceForNoFlows)) {
          return actions;
        }
        last = missing.isEmpty() ? "no flow registered yet" : "not registered: " + String.join(", ", missing);
      } catch (ReflectionException ex) {
        last = ex.getMessage();
      }
      if (!rt.isAlive()) {
        throw new RuntimeUnavailableException("the sample exited with code "
            + rt.exitCode().map(String::valueOf).orElse("?") + " while registering its flows");
      }
      if (System.nanoTime() > deadline) {
        throw new RuntimeUnavailableException("flows not ready after "
            + ReflectionClient.formatSeconds(timeout) + ": " + last);
      }
      Thread.sleep(POLL.toMillis());
    }
  }

  /** The sample's flows in name order, each with its input, validators and output schema. */
  static List<PlannedTest> planFlows(SamplePlanner.Entry e, SampleDirectory dir, ObjectNode actions) {
    Map<String, JsonNode> flows = new TreeMap<>();
    for (Map.Entry<String, JsonNode> a : actions.properties()) {
      if (a.getKey().startsWith("/flow/")) {
        flows.put(a.getKey().substring("/flow/".length()), a.getValue());
      }
    }
    Map<String, FlowSpec> specs = dir.sampleFile().map(SampleFile::flows).orElse(Map.of());
    Location where = dir.sampleFile().map(SampleFile::location)
        .orElse(new Location(dir.dir(), 0, 0));
    List<PlannedTest> plan = new ArrayList<>();
    for (Map.Entry<String, JsonNode> f : flows.entrySet()) {
      String name = f.getKey();
      JsonNode desc = f.getValue();
      Optional<FlowSpec> spec = Optional.ofNullable(specs.get(name));
      Optional<String> skip = spec.flatMap(FlowSpec::skip);
      JsonNode input = JsonNodeFactory.instance.nullNode();
      String how = "";
      if (skip.isEmpty()) {
        if (spec.flatMap(FlowSpec::input).isPresent()) {
          input = spec.get().input().get();
        } else {
          Synthesis s = InputSynthesizer.synthesize(desc.get("inputSchema"));
          if (s instanceof Synthesis.Value v) {
            input = v.value();
          } else if (s instanceof Synthesis.Impossible imp) {
            skip = Optional.of("cannot synthesise an input from the flow's inputSchema: " + imp.reason()
                + " (give one under flows." + name + ".input in " + SampleDirectory.SAMPLE_FILE + ")");
          }
        }
      }
      JsonNode out = desc.get("outputSchema");
      Optional<JsonNode> outputSchema =
          out != null && out.isObject() && out.size() > 0 ? Optional.of(out) : Optional.empty();
      plan.add(new PlannedTest(plan.size(), 0, e.name(), "/flow/" + name, name, Optional.empty(),
          input, spec.map(FlowSpec::validators).orElse(List.of()),
          spec.map(FlowSpec::stream).orElse(false), skip.map(r -> r.isBlank() ? "skipped in "
              + SampleDirectory.SAMPLE_FILE : r), Optional.empty(),
          spec.map(FlowSpec::location).orElse(where), PlannedTest.Kind.SAMPLE_FLOW, e.phase(),
          outputSchema));
    }
    for (String listed : specs.keySet()) {
      if (!flows.containsKey(listed)) {
        plan.add(new PlannedTest(plan.size(), 0, e.name(), "/flow/" + listed, listed, Optional.empty(),
            JsonNodeFactory.instance.nullNode(), List.of(), false,
            Optional.of("listed in " + SampleDirectory.SAMPLE_FILE + " but not registered by the sample"),
            Optional.empty(), specs.get(listed).location(), PlannedTest.Kind.SAMPLE_FLOW, e.phase(),
            Optional.empty()));
      }
    }
    return plan;
  }

  /**
   * The planned flows named in {@code selected} (all of them when it is null), renumbered; a
   * selected flow the sample does not register is planned as SKIP, after the others, by name.
   */
  static List<PlannedTest> selectFlows(List<PlannedTest> plan, Set<String> selected) {
    if (selected == null) {
      return plan;
    }
    List<PlannedTest> kept = new ArrayList<>();
    Set<String> seen = new java.util.HashSet<>();
    for (PlannedTest t : plan) {
      if (selected.contains(t.name())) {
        seen.add(t.name());
        kept.add(t.withPosition(kept.size(), t.suiteIndex()));
      }
    }
    for (String name : new java.util.TreeSet<>(selected)) {
      if (!seen.contains(name) && !plan.isEmpty()) {
        PlannedTest any = plan.get(0);
        kept.add(new PlannedTest(kept.size(), 0, any.model(), "/flow/" + name, name, Optional.empty(),
            JsonNodeFactory.instance.nullNode(), List.of(), false,
            Optional.of("selected, but the sample does not register this flow"), Optional.empty(),
            any.location(), PlannedTest.Kind.SAMPLE_FLOW, any.phase(), Optional.empty()));
      }
    }
    return kept;
  }

  private static TestResult start(SamplePlanner.Entry e, Verdict verdict, String reason) {
    Location where = e.location();
    PlannedTest t = new PlannedTest(0, 0, e.name(), "", START, Optional.empty(),
        JsonNodeFactory.instance.nullNode(), List.of(), false,
        verdict == Verdict.SKIP ? Optional.of(reason) : Optional.empty(), Optional.empty(), where,
        PlannedTest.Kind.SAMPLE_FLOW, e.phase(), Optional.empty());
    return new TestResult(t, verdict, reason, verdict == Verdict.SKIP ? 0 : 1, 0, OptionalLong.empty(),
        0, Optional.empty(), Optional.empty(), Optional.empty());
  }

  private static SampleInfo info(SamplePlanner.Entry e, List<String> missing, Optional<RuntimeInfo> rt) {
    return new SampleInfo(e.name(), e.phase(), e.phaseTitle(), e.features(), e.requiredEnv(), missing,
        e.directory().map(d -> d.dir().toString()), rt);
  }

}
