package dev.jgenkit.runners.results;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A whole test-model run: results in plan order.
 *
 * @param specFiles the spec files (as given) the plan came from
 * @param interrupted true when the run was cut short (Ctrl-C, SIGTERM, fail-fast)
 * @param command which jgenkit command produced it: {@code test-model} or {@code sample-flows}
 * @param samples for {@code sample-flows}: the samples in run order (empty for test-model)
 * @param runtimes for {@code test-model}: every runtime the run's tests ran on, in run order, never
 *     empty ({@code [runtime]} for a plain run; named ones for a multi-runtime run, where each
 *     test's {@link dev.jgenkit.runners.plan.PlannedTest#runtime} names one of them and {@code
 *     runtime} is the first); empty for {@code sample-flows}, whose runtimes are its samples'
 */
public record RunResult(
    String tool,
    String toolVersion,
    List<String> specFiles,
    RuntimeInfo runtime,
    Instant startedAt,
    Instant finishedAt,
    List<TestResult> results,
    boolean interrupted,
    String command,
    List<SampleInfo> samples,
    List<RuntimeInfo> runtimes) {
  public static final String TEST_MODEL = "test-model";
  public static final String SAMPLE_FLOWS = "sample-flows";

  /** A test-model run. */
  public RunResult(
      String tool,
      String toolVersion,
      List<String> specFiles,
      RuntimeInfo runtime,
      Instant startedAt,
      Instant finishedAt,
      List<TestResult> results,
      boolean interrupted) {
    this(tool, toolVersion, specFiles, runtime, startedAt, finishedAt, results, interrupted,
        TEST_MODEL, List.of());
  }

  /** A run on one runtime (test-model) or on its samples' runtimes (sample-flows). */
  public RunResult(
      String tool,
      String toolVersion,
      List<String> specFiles,
      RuntimeInfo runtime,
      Instant startedAt,
      Instant finishedAt,
      List<TestResult> results,
      boolean interrupted,
      String command,
      List<SampleInfo> samples) {
    this(tool, toolVersion, specFiles, runtime, startedAt, finishedAt, results, interrupted, command,
        samples, List.of());
  }

  public RunResult {
    Objects.requireNonNull(tool, "tool");
    Objects.requireNonNull(toolVersion, "toolVersion");
    specFiles = List.copyOf(specFiles);
    Objects.requireNonNull(runtime, "runtime");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(finishedAt, "finishedAt");
    results = List.copyOf(results);
    Objects.requireNonNull(command, "command");
    samples = List.copyOf(samples);
    runtimes =
        runtimes.isEmpty() && !SAMPLE_FLOWS.equals(command) ? List.of(runtime) : List.copyOf(runtimes);
  }

  /** True when the run's tests ran on more than one runtime, or on a named one. */
  public boolean multiRuntime() {
    return runtimes.size() > 1 || runtimes.stream().anyMatch(r -> r.name().isPresent());
  }

  /** The runtime {@code result} ran on: the one its runtime name names, else {@code runtime}. */
  public RuntimeInfo runtimeOf(TestResult result) {
    return runtimeNamed(result.test().runtime());
  }

  /** The runtime named {@code name}; {@code runtime} for {@code ""} or a name not in the run. */
  public RuntimeInfo runtimeNamed(String name) {
    if (!name.isEmpty()) {
      for (RuntimeInfo r : runtimes) {
        if (r.name().filter(name::equals).isPresent()) {
          return r;
        }
      }
    }
    return runtime;
  }

  /**
   * One test-model run of runs on different runtimes (each test labelled with its runtime's name)
   * or shards of one: tests and suites in input order, renumbered; the runtimes of all, by name,
   * in order; the earliest start and the latest finish; interrupted when any was. The caller
   * checks that the runs belong together.
   */
  public static RunResult join(List<RunResult> runs) {
    if (runs.isEmpty()) {
      throw new IllegalArgumentException("nothing to join");
    }
    RunResult first = runs.get(0);
    List<TestResult> joined = new java.util.ArrayList<>();
    List<SampleInfo> samples = new java.util.ArrayList<>();
    java.util.LinkedHashSet<String> specs = new java.util.LinkedHashSet<>();
    Map<String, RuntimeInfo> named = new java.util.LinkedHashMap<>();
    int suiteOffset = 0;
    boolean interrupted = false;
    for (RunResult r : runs) {
      int maxSuite = -1;
      for (TestResult t : r.results()) {
        maxSuite = Math.max(maxSuite, t.test().suiteIndex());
        joined.add(t.at(joined.size(), suiteOffset + t.test().suiteIndex()));
      }
      suiteOffset += maxSuite + 1;
      samples.addAll(r.samples());
      specs.addAll(r.specFiles());
      interrupted |= r.interrupted();
      for (RuntimeInfo rt : r.runtimes()) {
        // One name, several processes (conform starts one per plugin): keep one that was reached.
        named.merge(rt.name().orElse(""), rt,
            (kept, other) -> kept.url().isBlank() && !other.url().isBlank() ? other : kept);
      }
    }
    Instant start = runs.stream().map(RunResult::startedAt).min(java.util.Comparator.naturalOrder()).get();
    Instant end = runs.stream().map(RunResult::finishedAt).max(java.util.Comparator.naturalOrder()).get();
    List<RuntimeInfo> runtimes = List.copyOf(named.values());
    RuntimeInfo primary = runtimes.isEmpty() ? first.runtime() : runtimes.get(0);
    return new RunResult(first.tool(), first.toolVersion(), List.copyOf(specs), primary, start, end,
        joined, interrupted, first.command(), samples, runtimes);
  }

  public Map<Verdict, Long> counts() {
    Map<Verdict, Long> counts =
        results.stream()
            .collect(Collectors.groupingBy(TestResult::verdict, Collectors.counting()));
    for (Verdict v : Verdict.values()) {
      counts.putIfAbsent(v, 0L);
    }
    return counts;
  }

  public long count(Verdict verdict) {
    return results.stream().filter(r -> r.verdict() == verdict).count();
  }

  public boolean anyFailed() {
    return results.stream().anyMatch(r -> r.verdict().failed());
  }

  /** Results grouped by suite, suites in spec order, tests in plan order within each. */
  public List<List<TestResult>> bySuite() {
    return List.copyOf(
        results.stream()
            .collect(
                Collectors.groupingBy(
                    r -> r.test().suiteIndex(), TreeMap::new, Collectors.toList()))
            .values());
  }
}
