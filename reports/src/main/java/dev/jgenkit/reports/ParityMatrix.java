package dev.jgenkit.reports;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jgenkit.runners.plan.PlannedTest;
import dev.jgenkit.runners.results.RunResult;
import dev.jgenkit.runners.results.RuntimeInfo;
import dev.jgenkit.runners.results.SampleInfo;
import dev.jgenkit.runners.results.TestResult;
import dev.jgenkit.runners.results.Verdict;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The parity matrix of one or more runs, shared by the Markdown and HTML views: which runtime and
 * model (or sample) passes which capability, test or flow.
 *
 * <p>For {@code test-model} runs rows are capabilities (built-in tests, keyed by capability) and
 * custom tests (keyed by name), columns are runtime × model, ordered model first so one model's
 * runtimes sit side by side. For {@code sample-flows} runs rows are sample › flow and columns are
 * runtimes. Rows and columns are in order of first appearance (runs in the given order, tests in
 * plan order), so the matrix is as deterministic as its input. A cell holds every check for its row
 * and column, usually one; it is empty when the test was not planned there.
 *
 * <p>A check's runtime is the one it ran on: a named runtime of a multi-runtime run ({@code
 * jgenkit.yaml}, conform, merged runs of named runtimes) is labelled with its name. An unnamed
 * runtime is labelled {@code Genkit <version>}, or its URL when the version is unknown. When
 * two test-model runs on the same version but different URLs test the same model, their labels get
 * {@code @ <url>} so their columns stay apart. A sample's runtime is the one started for it; a
 * sample that never started counts under its run's most common label.
 *
 * @param kind which command's checks the matrix holds
 * @param columns column headers, in order
 * @param rows row headers, in order
 * @param cells {@code cells.get(row).get(column)}: the checks of that cell in input order
 */
public record ParityMatrix(
    Kind kind, List<Column> columns, List<Row> rows, List<List<List<Check>>> cells) {
  /** What the matrix compares. */
  public enum Kind {
    /** test-model runs: capabilities and custom tests × runtime × model. */
    MODELS,
    /** sample-flows runs: sample flows × runtime. */
    SAMPLES
  }

  /**
   * One check of a report with the runtime it ran on.
   *
   * @param runtime the runtime label (see the class comment)
   * @param model the model as written in the spec, or the sample's name
   * @param result what happened
   * @param run the run it belongs to
   * @param index position among all checks of the report (runs in order, then plan order)
   */
  public record Check(String runtime, String model, TestResult result, RunResult run, int index) {
    public Check {
      Objects.requireNonNull(runtime, "runtime");
      Objects.requireNonNull(model, "model");
      Objects.requireNonNull(result, "result");
      Objects.requireNonNull(run, "run");
    }

    public PlannedTest test() {
      return result.test();
    }

    public Verdict verdict() {
      return result.verdict();
    }

    public boolean sampleFlow() {
      return result.test().kind() == PlannedTest.Kind.SAMPLE_FLOW;
    }

    /**
     * {@code first chunk 85 ms, 7 chunks, 162 tokens, 2 attempts}; empty when there is nothing to
     * say (always for skipped checks).
     */
    public String facts() {
      if (result.verdict() == Verdict.SKIP) {
        return "";
      }
      List<String> facts = new ArrayList<>();
      if (result.test().stream()) {
        result
            .timeToFirstChunkMillis()
            .ifPresent(ms -> facts.add("first chunk " + Text.duration(ms)));
        facts.add(result.chunkCount() + (result.chunkCount() == 1 ? " chunk" : " chunks"));
      }
      result.usage().flatMap(ParityMatrix::tokens).ifPresent(t -> facts.add(t + " tokens"));
      if (result.attempts() > 1) {
        facts.add(result.attempts() + " attempts");
      }
      return String.join(", ", facts);
    }
  }

  /**
   * A column: a runtime and a model; for sample flows the model is {@code ""}.
   *
   * @param runtime the runtime label
   * @param model the model as written, {@code ""} in a sample matrix
   */
  public record Column(String runtime, String model) {
    public Column {
      Objects.requireNonNull(runtime, "runtime");
      Objects.requireNonNull(model, "model");
    }

    // Written out (the same as the generated ones): a record's generated equals and hashCode are
    // bootstrapped through method handles on first use, tens of milliseconds of a CLI run's report
    // writing, and columns are map keys.
    @Override
    public boolean equals(Object o) {
      return o instanceof Column c && runtime.equals(c.runtime) && model.equals(c.model);
    }

    @Override
    public int hashCode() {
      return 31 * runtime.hashCode() + model.hashCode();
    }
  }

  /**
   * A row: a capability, a custom test, or a sample's flow.
   *
   * @param key what identifies the row across columns
   * @param capability the built-in capability, empty for custom tests and flows
   * @param name the test's name (of its first check), or the flow's name
   * @param sample the sample's name for flows, {@code ""} otherwise
   * @param phase the sample's plan phase for flows, empty otherwise or when unplanned
   */
  public record Row(
      String key, Optional<String> capability, String name, String sample, OptionalInt phase) {
    public Row {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(capability, "capability");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(sample, "sample");
      Objects.requireNonNull(phase, "phase");
    }

    /** The capability of a built-in test, else the test or flow name. */
    public String label() {
      return capability.orElse(name);
    }
  }

  public ParityMatrix {
    Objects.requireNonNull(kind, "kind");
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
    cells = cells.stream().map(r -> r.stream().map(List::copyOf).toList()).toList();
    int width = columns.size();
    if (cells.size() != rows.size() || cells.stream().anyMatch(r -> r.size() != width)) {
      throw new IllegalArgumentException("cells must be rows × columns");
    }
  }

  /**
   * Every check of {@code runs} with its runtime label, runs in the given order and each run's
   * results in plan order.
   */
  public static List<Check> checks(List<RunResult> runs) {
    Map<RunResult, String> runLabels = runLabels(runs);
    List<Check> checks = new ArrayList<>();
    for (RunResult run : runs) {
      Map<String, SampleInfo> samples = new HashMap<>();
      run.samples().forEach(s -> samples.putIfAbsent(s.name(), s));
      for (TestResult r : run.results()) {
        String label = runLabels.get(run);
        if (!r.test().runtime().isEmpty()) {
          label = r.test().runtime();
        } else if (r.test().kind() == PlannedTest.Kind.SAMPLE_FLOW) {
          Optional<RuntimeInfo> rt =
              Optional.ofNullable(samples.get(r.test().model())).flatMap(SampleInfo::runtime);
          label = rt.map(ParityMatrix::label).orElse(label);
        }
        checks.add(new Check(label, r.test().model(), r, run, checks.size()));
      }
    }
    return List.copyOf(checks);
  }

  /** The matrices of {@code runs}: test-model checks first, then sample flows; none when empty. */
  public static List<ParityMatrix> of(List<RunResult> runs) {
    List<Check> checks = checks(runs);
    List<ParityMatrix> matrices = new ArrayList<>();
    List<Check> models = checks.stream().filter(c -> !c.sampleFlow()).toList();
    List<Check> flows = checks.stream().filter(Check::sampleFlow).toList();
    if (!models.isEmpty()) {
      matrices.add(build(Kind.MODELS, models));
    }
    if (!flows.isEmpty()) {
      matrices.add(build(Kind.SAMPLES, flows));
    }
    return List.copyOf(matrices);
  }

  /** The distinct runtime labels of {@code checks}, in order of first appearance. */
  public static List<String> runtimes(List<Check> checks) {
    return List.copyOf(checks.stream().map(Check::runtime).collect(toOrderedSet()));
  }

  /** True when the columns span more than one runtime. */
  public boolean multiRuntime() {
    return columns.stream().map(Column::runtime).distinct().count() > 1;
  }

  /** The cell of {@code row} and {@code column}. */
  public List<Check> cell(int row, int column) {
    return cells.get(row).get(column);
  }

  /** The runtime label {@code run}'s checks carry, else its runtime's own label. */
  /**
   * The sample-flows checks grouped by runtime label, each group as one run (its results joined,
   * the first description of each of its samples kept) so {@link PhaseTable} can tabulate it.
   */
  static Map<String, RunResult> sampleRuns(List<Check> checks) {
    Map<String, List<Check>> groups = new LinkedHashMap<>();
    checks.stream()
        .filter(Check::sampleFlow)
        .forEach(c -> groups.computeIfAbsent(c.runtime(), k -> new ArrayList<>()).add(c));
    Map<String, RunResult> runs = new LinkedHashMap<>();
    for (Map.Entry<String, List<Check>> e : groups.entrySet()) {
      List<TestResult> results = e.getValue().stream().map(Check::result).toList();
      Map<String, SampleInfo> samples = new LinkedHashMap<>();
      Map<RunResult, Boolean> seen = new IdentityHashMap<>();
      for (Check c : e.getValue()) {
        if (seen.put(c.run(), true) == null) {
          for (SampleInfo s : c.run().samples()) {
            if (results.stream().anyMatch(r -> r.test().model().equals(s.name()))) {
              samples.putIfAbsent(s.name(), s);
            }
          }
        }
      }
      RunResult base = e.getValue().get(0).run();
      runs.put(e.getKey(), new RunResult(base.tool(), base.toolVersion(), base.specFiles(),
          base.runtime(), base.startedAt(), base.finishedAt(), results, base.interrupted(),
          RunResult.SAMPLE_FLOWS, List.copyOf(samples.values())));
    }
    return runs;
  }

  static String runtimeOf(List<Check> checks, RunResult run) {
    return checks.stream()
        .filter(c -> c.run() == run)
        .map(Check::runtime)
        .findFirst()
        .orElse(label(run.runtime()));
  }

  /** Every runtime label of {@code run}'s checks, in order, else its runtime's own label. */
  static List<String> runtimesOf(List<Check> checks, RunResult run) {
    List<String> labels =
        runtimes(checks.stream().filter(c -> c.run() == run).toList());
    return labels.isEmpty() ? List.of(label(run.runtime())) : labels;
  }

  /** {@code name (Genkit 1.42.0, http://..., started)} for a named runtime of a multi-runtime run. */
  static String describe(RuntimeInfo rt) {
    List<String> facts = new ArrayList<>();
    rt.genkitVersion().ifPresent(v -> facts.add("Genkit " + v));
    if (!rt.url().isBlank()) {
      facts.add(rt.url());
    }
    facts.add(rt.url().isBlank() ? "not reached" : rt.attached() ? "attached" : "started");
    return rt.name().orElse(label(rt)) + " (" + String.join(", ", facts) + ")";
  }

  /** {@code Genkit <version>}, else the URL, else {@code unknown runtime}. */
  static String label(RuntimeInfo rt) {
    if (rt.genkitVersion().isPresent()) {
      return "Genkit " + rt.genkitVersion().get();
    }
    return rt.url().isBlank() ? "unknown runtime" : rt.url();
  }

  /** The total token count a {@code usage} object reports, when it reports one. */
  static Optional<Long> tokens(JsonNode usage) {
    if (usage.path("totalTokens").canConvertToLong()) {
      return Optional.of(usage.path("totalTokens").asLong());
    }
    JsonNode in = usage.path("inputTokens");
    JsonNode out = usage.path("outputTokens");
    if (in.canConvertToLong() && out.canConvertToLong() && in.isNumber() && out.isNumber()) {
      return Optional.of(in.asLong() + out.asLong());
    }
    return Optional.empty();
  }

  private static ParityMatrix build(Kind kind, List<Check> checks) {
    Map<Column, Integer> columns = new LinkedHashMap<>();
    Map<String, Integer> modelOrder = new LinkedHashMap<>();
    Map<String, Integer> runtimeOrder = new LinkedHashMap<>();
    Map<String, Row> rows = new LinkedHashMap<>();
    for (Check c : checks) {
      modelOrder.putIfAbsent(c.model(), modelOrder.size());
      runtimeOrder.putIfAbsent(c.runtime(), runtimeOrder.size());
      columns.putIfAbsent(column(kind, c), columns.size());
      rows.putIfAbsent(rowKey(kind, c), row(kind, c));
    }
    // Model first, then runtime: one model's runtimes sit side by side.
    List<Column> ordered =
        columns.keySet().stream()
            .sorted(
                (a, b) -> {
                  int byModel =
                      Integer.compare(modelOrder.get(a.model()), modelOrder.get(b.model()));
                  if (kind == Kind.MODELS && byModel != 0) {
                    return byModel;
                  }
                  return Integer.compare(
                      runtimeOrder.get(a.runtime()), runtimeOrder.get(b.runtime()));
                })
            .toList();
    List<String> rowKeys = List.copyOf(rows.keySet());
    List<List<List<Check>>> cells = new ArrayList<>();
    for (int i = 0; i < rowKeys.size(); i++) {
      List<List<Check>> line = new ArrayList<>();
      for (int j = 0; j < ordered.size(); j++) {
        line.add(new ArrayList<>());
      }
      cells.add(line);
    }
    Map<Column, Integer> columnIndex = new HashMap<>();
    for (int j = 0; j < ordered.size(); j++) {
      columnIndex.put(ordered.get(j), j);
    }
    Map<String, Integer> rowIndex = new HashMap<>();
    for (int i = 0; i < rowKeys.size(); i++) {
      rowIndex.put(rowKeys.get(i), i);
    }
    for (Check c : checks) {
      cells.get(rowIndex.get(rowKey(kind, c))).get(columnIndex.get(column(kind, c))).add(c);
    }
    return new ParityMatrix(kind, ordered, List.copyOf(rows.values()), cells);
  }

  private static Column column(Kind kind, Check c) {
    return new Column(c.runtime(), kind == Kind.MODELS ? c.model() : "");
  }

  private static String rowKey(Kind kind, Check c) {
    PlannedTest t = c.test();
    if (kind == Kind.SAMPLES) {
      return "flow\u0000" + t.model() + "\u0000" + t.name();
    }
    return t.capability().map(cap -> "capability\u0000" + cap).orElse("test\u0000" + t.name());
  }

  private static Row row(Kind kind, Check c) {
    PlannedTest t = c.test();
    if (kind == Kind.SAMPLES) {
      return new Row(rowKey(kind, c), Optional.empty(), t.name(), t.model(), t.phase());
    }
    return new Row(rowKey(kind, c), t.capability(), t.name(), "", OptionalInt.empty());
  }

  /**
   * The label of each run: its runtime's for test-model runs, its samples' most common one for
   * sample-flows runs (the label of samples that never started).
   */
  private static Map<RunResult, String> runLabels(List<RunResult> runs) {
    // By identity: records compare by value, and two identical shards are still two runs.
    Map<RunResult, String> labels = new IdentityHashMap<>();
    for (RunResult run : runs) {
      if (ResultsJson.sampleFlows(run)) {
        labels.put(run, mostCommonSampleLabel(run));
      } else {
        labels.put(run, label(run.runtime()));
      }
    }
    // Same version, different URL, same model tested: two runtimes a version cannot tell apart.
    Set<RunResult> qualify = Collections.newSetFromMap(new IdentityHashMap<>());
    List<RunResult> models =
        runs.stream().filter(r -> !ResultsJson.sampleFlows(r) && !r.multiRuntime()).toList();
    for (int i = 0; i < models.size(); i++) {
      for (int j = i + 1; j < models.size(); j++) {
        RunResult a = models.get(i);
        RunResult b = models.get(j);
        if (labels.get(a).equals(labels.get(b))
            && !a.runtime().url().equals(b.runtime().url())
            && sharesModel(a, b)) {
          qualify.add(a);
          qualify.add(b);
        }
      }
    }
    for (RunResult run : qualify) {
      if (!labels.get(run).equals(run.runtime().url())) {
        labels.put(run, labels.get(run) + " @ " + run.runtime().url());
      }
    }
    return labels;
  }

  private static boolean sharesModel(RunResult a, RunResult b) {
    Set<String> models = new HashSet<>();
    a.results().forEach(r -> models.add(r.test().model()));
    return b.results().stream().anyMatch(r -> models.contains(r.test().model()));
  }

  private static String mostCommonSampleLabel(RunResult run) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (SampleInfo s : run.samples()) {
      s.runtime().ifPresent(rt -> counts.merge(label(rt), 1, Integer::sum));
    }
    String best = "not started";
    int max = 0;
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      if (e.getValue() > max) {
        best = e.getKey();
        max = e.getValue();
      }
    }
    return best;
  }

  private static <T> java.util.stream.Collector<T, ?, LinkedHashSet<T>> toOrderedSet() {
    return java.util.stream.Collectors.toCollection(LinkedHashSet::new);
  }
}
