package dev.jgenkit.cli.picker;

import dev.jgenkit.cli.ExitCode;
import dev.jgenkit.reports.ConsoleReport;
import dev.jgenkit.reports.ConsoleStyle;
import dev.jgenkit.reports.Redaction;
import dev.jgenkit.reports.Reports;
import dev.jgenkit.runners.reflection.ReflectionClient;
import dev.jgenkit.runners.results.RunResult;
import dev.jgenkit.runners.results.TestResult;
import dev.jgenkit.runners.results.Verdict;
import dev.jgenkit.runners.samples.SampleDirectory;
import dev.jgenkit.runners.samples.SampleFlowsEngine;
import dev.jgenkit.runners.samples.SamplePlanner;
import dev.jgenkit.specs.samples.FlowSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import okhttp3.OkHttpClient;

/**
 * {@code sample-flows -i}: one item per sample in plan order, each followed by its flows (those its
 * {@code jgenkit-sample.yaml} names and those seen when it ran, in this session or an earlier
 * one). Picking a sample runs all its flows; picking flows runs only those. A sample started for
 * a run stays running for the session's later runs and is stopped when the session ends.
 */
public final class SampleFlowsSession implements PickerSession {
  static final String ARROW = " › ";

  private final SampleFlowsEngine.Request base;
  private final Path reportDir;
  private final ConsoleStyle style;
  private final String title;
  private final String memoryKey;
  private final List<String> reopenArgs;
  private final Function<Runnable, AutoCloseable> onInterrupt;
  private final OkHttpClient http = ReflectionClient.defaultHttpClient();
  /** The samples this session started, kept running between runs and stopped on exit. */
  private final dev.jgenkit.runners.samples.SampleRuntimes runtimes =
      new dev.jgenkit.runners.samples.SampleRuntimes();
  private final Map<String, SamplePlanner.Entry> entries = new LinkedHashMap<>();
  private final Map<String, TreeSet<String>> flows = new LinkedHashMap<>();

  /**
   * @param base the request a plain {@code sample-flows} run would make, with every sample the
   *     command line selects; each pick runs a part of it
   * @param onInterrupt registers a hook for Ctrl-C/SIGTERM during a run, until the handle closes
   */
  public SampleFlowsSession(
      SampleFlowsEngine.Request base,
      Path samplesDir,
      Path reportDir,
      ConsoleStyle style,
      Function<Runnable, AutoCloseable> onInterrupt) {
    this.base = base;
    this.reportDir = reportDir;
    this.style = style;
    this.title = "jgenkit sample-flows · " + samplesDir;
    this.memoryKey = "sample-flows " + samplesDir;
    this.reopenArgs = List.of("sample-flows", "--samples-dir", samplesDir.toString());
    this.onInterrupt = onInterrupt;
    for (SamplePlanner.Entry e : base.samples()) {
      entries.put(e.name(), e);
      TreeSet<String> known = new TreeSet<>();
      e.directory().flatMap(SampleDirectory::sampleFile).ifPresent(sf -> known.addAll(sf.flows().keySet()));
      flows.put(e.name(), known);
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
  public void restore(SelectionMemory.Remembered remembered) {
    remembered.flows().forEach((sample, names) -> {
      if (flows.containsKey(sample)) {
        flows.get(sample).addAll(names);
      }
    });
  }

  @Override
  public Map<String, List<String>> knownFlows() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    flows.forEach((s, f) -> {
      if (!f.isEmpty()) {
        out.put(s, List.copyOf(f));
      }
    });
    return out;
  }

  @Override
  public List<PickerItem> items() {
    List<PickerItem> items = new ArrayList<>();
    for (SamplePlanner.Entry e : entries.values()) {
      items.add(new PickerItem(e.name(), e.name(), sampleDetail(e)));
      for (String f : flows.get(e.name())) {
        items.add(new PickerItem(e.name() + ARROW + f, e.name() + ARROW + f, "flow"));
      }
    }
    return items;
  }

  private static String sampleDetail(SamplePlanner.Entry e) {
    List<String> parts = new ArrayList<>();
    parts.add(e.phase().isPresent() ? "phase " + e.phase().getAsInt() : "not in the plan");
    if (e.directory().isEmpty()) {
      parts.add("missing");
    } else if (!e.directory().get().isSample()) {
      parts.add("not a sample");
    }
    if (!e.requiredEnv().isEmpty()) {
      parts.add("needs " + String.join(", ", e.requiredEnv()));
    }
    return String.join(" · ", parts);
  }

  @Override
  public String preview(PickerItem item) {
    int cut = item.key().indexOf(ARROW);
    String sample = cut < 0 ? item.key() : item.key().substring(0, cut);
    SamplePlanner.Entry e = entries.get(sample);
    if (e == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    if (cut >= 0) {
      String flow = item.key().substring(cut + ARROW.length());
      sb.append("flow: ").append(flow).append('\n');
      Optional<FlowSpec> spec = e.directory().flatMap(SampleDirectory::sampleFile).flatMap(sf -> sf.flow(flow));
      if (spec.isEmpty()) {
        sb.append("input: synthesised from the flow's inputSchema\n");
      } else {
        FlowSpec f = spec.get();
        f.skip().ifPresent(r -> sb.append("skip: ").append(r.isBlank() ? "yes" : r).append('\n'));
        if (f.stream()) {
          sb.append("stream: true\n");
        }
        if (!f.validators().isEmpty()) {
          sb.append("validators: ").append(String.join(", ", f.validators())).append('\n');
        }
        if (f.input().isPresent()) {
          sb.append("input:\n");
          Preview.yaml(f.input().get()).lines().forEach(l -> sb.append("  ").append(l).append('\n'));
        } else {
          sb.append("input: synthesised from the flow's inputSchema\n");
        }
      }
      sb.append('\n');
    }
    sb.append("sample: ").append(e.name()).append('\n');
    if (e.phase().isPresent()) {
      sb.append("phase: ").append(e.phase().getAsInt())
          .append(e.phaseTitle().isBlank() ? "" : " · " + e.phaseTitle()).append('\n');
    }
    if (!e.features().isEmpty()) {
      sb.append("features: ").append(String.join(", ", e.features())).append('\n');
    }
    if (!e.requiredEnv().isEmpty()) {
      sb.append("needs: ").append(String.join(", ", e.requiredEnv())).append('\n');
    }
    if (e.directory().isEmpty()) {
      return sb.append("not found: the plan names it but there is no such directory\n").toString();
    }
    SampleDirectory dir = e.directory().get();
    dir.notASample().ifPresent(r -> sb.append(r).append('\n'));
    if (dir.isSample()) {
      sb.append("start: ").append(String.join(" ", dir.start())).append('\n');
    }
    sb.append('\n').append(readme(dir.dir()));
    return sb.toString();
  }

  private static String readme(Path dir) {
    for (String name : List.of("README.md", "readme.md", "README", "README.txt")) {
      Path p = dir.resolve(name);
      if (Files.isRegularFile(p)) {
        try {
          String text = Files.readString(p);
          return text.length() > 20_000 ? text.substring(0, 20_000) : text;
        } catch (IOException | RuntimeException e) {
          return "(cannot read " + p + ": " + e.getMessage() + ")";
        }
      }
    }
    return "(no README in " + dir + ")";
  }

  @Override
  @SuppressWarnings("try") // the interrupt hook is registered for the run's duration
  public Outcome run(List<PickerItem> chosen, PrintWriter out) throws InterruptedException {
    Set<String> whole = new HashSet<>();
    Map<String, Set<String>> some = new HashMap<>();
    for (PickerItem i : chosen) {
      int cut = i.key().indexOf(ARROW);
      if (cut < 0) {
        whole.add(i.key());
      } else {
        some.computeIfAbsent(i.key().substring(0, cut), s -> new TreeSet<>())
            .add(i.key().substring(cut + ARROW.length()));
      }
    }
    whole.forEach(some::remove);
    List<SamplePlanner.Entry> picked = entries.values().stream()
        .filter(e -> whole.contains(e.name()) || some.containsKey(e.name())).toList();
    SampleFlowsEngine.Request request = new SampleFlowsEngine.Request(picked, base.plan(), base.jobs(),
        base.failFast(), base.flowExecution(), base.startupTimeout(), base.env(), base.logDir(),
        base.sources(), base.toolVersion(), some);
    out.println("Running " + picked.size() + (picked.size() == 1 ? " sample" : " samples") + "…");
    out.flush();
    RunScreen screen = new RunScreen(out, style);
    // A new engine per run: an engine that was aborted stays aborted.
    SampleFlowsEngine engine = new SampleFlowsEngine(http, Clock.systemUTC(), runtimes);
    RunResult result;
    java.util.concurrent.atomic.AtomicBoolean interrupted = new java.util.concurrent.atomic.AtomicBoolean();
    dev.jgenkit.cli.SampleRunRecorder recorder = new dev.jgenkit.cli.SampleRunRecorder();
    java.time.Instant startedAt = java.time.Instant.now();
    try (AutoCloseable h = onInterrupt.apply(() -> {
      interrupted.set(true);
      screen.mute();
      engine.abort();
      // The JVM exits right after the hooks: the partial report is written here.
      try {
        Reports.writeAll(reportDir, recorder.partial(base.toolVersion(), base.sources(), startedAt,
            java.time.Instant.now()));
      } catch (IOException e) {
        // exiting anyway; the runs before this one left their reports
      }
    })) {
      result = engine.run(request, new dev.jgenkit.runners.samples.SampleListener() {
        @Override
        public void runStarted(List<String> samples) {
          screen.runStarted(samples);
          recorder.runStarted(samples);
        }

        @Override
        public void sampleStarted(int position, dev.jgenkit.runners.results.SampleInfo sample) {
          screen.sampleStarted(position, sample);
        }

        @Override
        public void flowStarted(int position, dev.jgenkit.runners.plan.PlannedTest flow) {
          screen.flowStarted(position, flow);
        }

        @Override
        public void flowFinished(int position, TestResult r) {
          screen.flowFinished(position, r);
        }

        @Override
        public void sampleFinished(int position, dev.jgenkit.runners.results.SampleInfo sample, List<TestResult> results) {
          screen.sampleFinished(position, sample, results);
          recorder.sampleFinished(position, sample, results);
        }
      });
    } catch (InterruptedException e) {
      throw e;
    } catch (Exception e) {
      out.println("jgenkit: internal error: " + Redaction.redact(String.valueOf(e)));
      return new Outcome(ExitCode.INTERNAL, Map.of());
    }
    if (interrupted.get()) {
      return new Outcome(ExitCode.INTERRUPTED, Map.of()); // jgenkit is exiting with 130
    }
    out.println();
    out.print(ConsoleReport.sampleSummary(result, style));
    int exit = result.anyFailed() ? ExitCode.TESTS_FAILED : ExitCode.OK;
    try {
      List<Path> written = Reports.writeAll(reportDir, result);
      out.println("Reports: " + String.join(", ", written.stream().map(Path::toString).toList()));
    } catch (IOException e) {
      out.println("jgenkit: cannot write reports to " + reportDir + ": " + e.getMessage());
      exit = ExitCode.USAGE;
    }
    out.flush();
    return new Outcome(exit, verdicts(result.results(), whole));
  }

  /**
   * Each flow's verdict by its key, and a sample's overall verdict (the worst of its flows) when
   * it ran whole or could not start; flows seen for the first time become items.
   */
  Map<String, ItemResult> verdicts(List<TestResult> results, Set<String> whole) {
    Map<String, ItemResult> out = new HashMap<>();
    Map<String, List<TestResult>> bySample = new LinkedHashMap<>();
    for (TestResult r : results) {
      String sample = r.test().model();
      bySample.computeIfAbsent(sample, s -> new ArrayList<>()).add(r);
      if (r.test().name().equals(SampleFlowsEngine.START)) {
        continue;
      }
      flows.computeIfAbsent(sample, s -> new TreeSet<>()).add(r.test().name());
      out.put(sample + ARROW + r.test().name(), new ItemResult(r.verdict(), r.reason(), r.durationMillis()));
    }
    bySample.forEach((sample, rs) -> {
      boolean start = rs.stream().anyMatch(r -> r.test().name().equals(SampleFlowsEngine.START));
      if (whole.contains(sample) || start) {
        out.put(sample, overall(rs));
      }
    });
    return out;
  }

  /** FAIL if any failed, else ERROR if any errored, else PASS if any passed, else SKIP. */
  static ItemResult overall(List<TestResult> rs) {
    Verdict worst = Verdict.SKIP;
    for (Verdict v : List.of(Verdict.PASS, Verdict.ERROR, Verdict.FAIL)) {
      if (rs.stream().anyMatch(r -> r.verdict() == v)) {
        worst = v;
      }
    }
    Verdict w = worst;
    String reason = rs.stream().filter(r -> r.verdict() == w && !r.reason().isBlank())
        .map(r -> (r.test().name().equals(SampleFlowsEngine.START) ? "" : r.test().name() + ": ") + r.reason())
        .findFirst().orElse("");
    long millis = rs.stream().mapToLong(TestResult::durationMillis).sum();
    return new ItemResult(worst, reason, millis);
  }

  @Override
  public void close() {
    http.dispatcher().cancelAll();
    http.connectionPool().evictAll();
    runtimes.close();
  }
}
