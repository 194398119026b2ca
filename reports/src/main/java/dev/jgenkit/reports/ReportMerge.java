package dev.jgenkit.reports;

import dev.jgenkit.runners.results.RunResult;
import dev.jgenkit.runners.results.RuntimeInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Joins runs of the same command into one ({@link RunResult#join}): suites and tests in input
 * order, renumbered; the earliest start and the latest finish; interrupted when any was.
 *
 * <p>Runs on unnamed runtimes (plain runs) are CI shards of one runtime and must be on the same
 * Genkit version. Runs on named runtimes ({@code jgenkit.yaml}, conform) join into one
 * multi-runtime result whatever their names; the same name must mean the same runtime, so one name
 * on two Genkit versions is refused, as is a mix of named and unnamed runtimes.
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
    }
    boolean named = named(first);
    if (!ResultsJson.sampleFlows(first) && runs.stream().anyMatch(r -> named(r) != named)) {
      throw new IncompatibleRunsException("some runs are on named runtimes (jgenkit.yaml or conform)"
          + " and others on an unnamed one: a merged report needs every check's runtime named;"
          + " run the unnamed ones through a jgenkit.yaml runtime, or merge them separately");
    }
    if (named && !ResultsJson.sampleFlows(first)) {
      checkNames(runs);
    } else {
      for (RunResult r : runs) {
        if (!Objects.equals(r.runtime().genkitVersion(), first.runtime().genkitVersion())) {
          throw new IncompatibleRunsException("the runs are on different runtimes (Genkit "
              + first.runtime().genkitVersion().orElse("?") + " and "
              + r.runtime().genkitVersion().orElse("?")
              + "): merging unnamed runs is for shards of one runtime; name the runtimes in a"
              + " jgenkit.yaml to join them into one matrix, or compare them with `jgenkit report"
              + " diff`");
        }
      }
    }
    return RunResult.join(runs);
  }

  private static boolean named(RunResult run) {
    return run.runtimes().stream().allMatch(rt -> rt.name().isPresent())
        && !run.runtimes().isEmpty();
  }

  /** The same runtime name on two different Genkit versions is two runtimes: refuse. */
  private static void checkNames(List<RunResult> runs) throws IncompatibleRunsException {
    Map<String, Optional<String>> versions = new LinkedHashMap<>();
    for (RunResult r : runs) {
      for (RuntimeInfo rt : r.runtimes()) {
        String name = rt.name().orElseThrow();
        Optional<String> seen = versions.get(name);
        if (seen == null || seen.isEmpty()) {
          versions.put(name, rt.genkitVersion());
        } else if (rt.genkitVersion().isPresent() && !rt.genkitVersion().equals(seen)) {
          throw new IncompatibleRunsException("runtime '" + name + "' is Genkit " + seen.get()
              + " in one run and Genkit " + rt.genkitVersion().get() + " in another: one name"
              + " must mean one runtime; give the two different names in jgenkit.yaml");
        }
      }
    }
  }
}
