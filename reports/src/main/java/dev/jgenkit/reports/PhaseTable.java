package dev.jgenkit.reports;

import dev.jgenkit.runners.results.RunResult;
import dev.jgenkit.runners.results.SampleInfo;
import dev.jgenkit.runners.results.TestResult;
import dev.jgenkit.runners.results.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The phase table of a {@code sample-flows} run: phase → sample → how its flows went.
 *
 * <p>Groups are the plan phases in the order their first sample ran (plan order), then one
 * <em>unplanned</em> group (empty {@link Group#phase()}) for the samples that are not in the plan.
 * Within a group samples are in run order. A sample's tests are its results (matched by {@code
 * PlannedTest.model}, the sample name), the {@code (start)} placeholder of a skipped or failed
 * start included. A result whose sample is missing from {@link RunResult#samples()} still gets a
 * row, in the unplanned group. For a {@code test-model} run the table is empty.
 *
 * @param groups the phase groups, unplanned last
 */
public record PhaseTable(List<Group> groups) {
  /** The status of a sample or phase, from the verdicts of its tests. */
  public enum Status {
    /** No test failed or errored, and at least one passed. */
    PASS,
    /** At least one test failed or errored. */
    FAIL,
    /** Nothing ran: every test was skipped (or there were none). */
    SKIP
  }

  /** Verdict counts of a sample's (or phase's) tests. */
  public record Counts(long passed, long failed, long errored, long skipped) {
    public static final Counts ZERO = new Counts(0, 0, 0, 0);

    public Counts {
      if (passed < 0 || failed < 0 || errored < 0 || skipped < 0) {
        throw new IllegalArgumentException("negative count");
      }
    }

    static Counts of(List<TestResult> results) {
      return new Counts(
          count(results, Verdict.PASS),
          count(results, Verdict.FAIL),
          count(results, Verdict.ERROR),
          count(results, Verdict.SKIP));
    }

    Counts plus(Counts o) {
      return new Counts(
          passed + o.passed, failed + o.failed, errored + o.errored, skipped + o.skipped);
    }

    public long total() {
      return passed + failed + errored + skipped;
    }

    /** FAIL when any test failed or errored, else PASS when any passed, else SKIP. */
    public Status status() {
      if (failed + errored > 0) {
        return Status.FAIL;
      }
      return passed > 0 ? Status.PASS : Status.SKIP;
    }

    private static long count(List<TestResult> results, Verdict verdict) {
      return results.stream().filter(r -> r.verdict() == verdict).count();
    }
  }

  /**
   * One sample's row.
   *
   * @param sample what the run knows about the sample
   * @param results its tests in plan order (possibly just {@code (start)}; empty when it never ran)
   */
  public record Row(SampleInfo sample, List<TestResult> results) {
    public Row {
      Objects.requireNonNull(sample, "sample");
      results = List.copyOf(results);
    }

    public String name() {
      return sample.name();
    }

    public Counts counts() {
      return Counts.of(results);
    }

    public Status status() {
      return counts().status();
    }
  }

  /**
   * One phase, or the unplanned samples.
   *
   * @param phase the plan phase, empty for the unplanned group
   * @param title the plan's title of the phase ("" when none or unplanned)
   * @param samples its samples in run order, never empty
   */
  public record Group(OptionalInt phase, String title, List<Row> samples) {
    public Group {
      Objects.requireNonNull(phase, "phase");
      title = title == null ? "" : title;
      samples = List.copyOf(samples);
    }

    public boolean unplanned() {
      return phase.isEmpty();
    }

    public Counts counts() {
      return samples.stream().map(Row::counts).reduce(Counts.ZERO, Counts::plus);
    }

    /** FAIL when any sample failed, else PASS when any passed, else SKIP. */
    public Status status() {
      return counts().status();
    }
  }

  public PhaseTable {
    groups = List.copyOf(groups);
  }

  /** The table of {@code run}; empty for a {@code test-model} run. */
  public static PhaseTable of(RunResult run) {
    if (!ResultsJson.sampleFlows(run)) {
      return new PhaseTable(List.of());
    }
    Map<String, List<TestResult>> bySample = new LinkedHashMap<>();
    for (TestResult r : run.results()) {
      bySample.computeIfAbsent(r.test().model(), k -> new ArrayList<>()).add(r);
    }
    List<SampleInfo> samples = new ArrayList<>(run.samples());
    for (SampleInfo s : run.samples()) {
      bySample.putIfAbsent(s.name(), List.of());
    }
    // Results of a sample the run did not describe: keep them visible rather than drop them.
    for (String name : bySample.keySet()) {
      if (run.samples().stream().noneMatch(s -> s.name().equals(name))) {
        samples.add(
            new SampleInfo(
                name,
                OptionalInt.empty(),
                "",
                List.of(),
                List.of(),
                List.of(),
                Optional.empty(),
                Optional.empty()));
      }
    }
    Map<Integer, List<Row>> planned = new LinkedHashMap<>();
    Map<Integer, String> titles = new LinkedHashMap<>();
    List<Row> unplanned = new ArrayList<>();
    for (SampleInfo s : samples) {
      Row row = new Row(s, bySample.get(s.name()));
      if (s.phase().isEmpty()) {
        unplanned.add(row);
        continue;
      }
      int phase = s.phase().getAsInt();
      planned.computeIfAbsent(phase, k -> new ArrayList<>()).add(row);
      if (titles.getOrDefault(phase, "").isEmpty()) {
        titles.put(phase, s.phaseTitle());
      }
    }
    List<Group> groups = new ArrayList<>();
    planned.forEach(
        (phase, rows) -> groups.add(new Group(OptionalInt.of(phase), titles.get(phase), rows)));
    if (!unplanned.isEmpty()) {
      groups.add(new Group(OptionalInt.empty(), "", unplanned));
    }
    return new PhaseTable(groups);
  }

  public boolean isEmpty() {
    return groups.isEmpty();
  }

  /** All rows, group by group. */
  public List<Row> rows() {
    return groups.stream().flatMap(g -> g.samples().stream()).toList();
  }
}
