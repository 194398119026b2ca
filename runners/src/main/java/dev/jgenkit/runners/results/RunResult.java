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
    List<SampleInfo> samples) {
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
