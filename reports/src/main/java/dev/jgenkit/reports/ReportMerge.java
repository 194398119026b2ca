package dev.jgenkit.reports;

import dev.jgenkit.runners.results.RunResult;
import dev.jgenkit.runners.results.SampleInfo;
import dev.jgenkit.runners.results.TestResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * Joins runs of the same command on the same Genkit version (CI shards) into one: suites and tests
 * in input order, renumbered; the earliest start and the latest finish; interrupted when any was.
 */
public final class ReportMerge {
  private ReportMerge() {}

  /** Why runs cannot be merged into one. */
  public static final class IncompatibleRunsException extends Exception {
    private static final long serialVersionUID = 1L;

    IncompatibleRunsException(String message) {
      super(message);
    }
  }

  public static RunResult merge(List<RunResult> runs) throws IncompatibleRunsException {
    if (runs.isEmpty()) {
      throw new IllegalArgumentException("nothing to merge");
    }
    RunResult first = runs.get(0);
    for (RunResult r : runs) {
      if (!r.command().equals(first.command())) {
        throw new IncompatibleRunsException("cannot merge a " + first.command() + " run with a "
            + r.command() + " run");
      }
      if (!Objects.equals(r.runtime().genkitVersion(), first.runtime().genkitVersion())) {
        throw new IncompatibleRunsException("the runs are on different runtimes (Genkit "
            + first.runtime().genkitVersion().orElse("?") + " and " + r.runtime().genkitVersion().orElse("?")
            + "): merging is for shards of one runtime; compare runtimes with `jgenkit report diff`");
      }
    }
    List<TestResult> results = new ArrayList<>();
    List<SampleInfo> samples = new ArrayList<>();
    LinkedHashSet<String> specs = new LinkedHashSet<>();
    int suiteOffset = 0;
    boolean interrupted = false;
    for (RunResult r : runs) {
      int maxSuite = -1;
      for (TestResult t : r.results()) {
        maxSuite = Math.max(maxSuite, t.test().suiteIndex());
        results.add(t.at(results.size(), suiteOffset + t.test().suiteIndex()));
      }
      suiteOffset += maxSuite + 1;
      samples.addAll(r.samples());
      specs.addAll(r.specFiles());
      interrupted |= r.interrupted();
    }
    Instant start = runs.stream().map(RunResult::startedAt).min(Comparator.naturalOrder()).get();
    Instant end = runs.stream().map(RunResult::finishedAt).max(Comparator.naturalOrder()).get();
    return new RunResult(first.tool(), first.toolVersion(), new ArrayList<>(specs), first.runtime(),
        start, end, results, interrupted, first.command(), samples);
  }
}
