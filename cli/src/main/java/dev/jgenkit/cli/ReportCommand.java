package dev.jgenkit.cli;

import dev.jgenkit.reports.JUnitXml;
import dev.jgenkit.reports.ReportDiff;
import dev.jgenkit.reports.ReportMerge;
import dev.jgenkit.reports.ReportWriter;
import dev.jgenkit.reports.ResultsJson;
import dev.jgenkit.reports.ResultsJsonReader;
import dev.jgenkit.runners.results.RunResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jgenkit report}: re-render, merge and compare results.json files. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Re-render, merge and compare results.json files.",
    footer = {"", ExitCode.TABLE})
final class ReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return ExitCode.USAGE;
  }

  static List<RunResult> read(List<Path> files, Path workingDir) {
    List<RunResult> runs = new ArrayList<>();
    for (Path f : files) {
      try {
        runs.add(ResultsJsonReader.read(workingDir.resolve(f).normalize()));
      } catch (ResultsJsonReader.InvalidResultsException e) {
        throw new UserException(ExitCode.USAGE, e.getMessage());
      }
    }
    return runs;
  }

  /** Writes the views of {@code run} that {@code formats} names into {@code dir}. */
  static List<Path> write(RunResult run, Set<String> formats, Path dir) {
    List<Path> written = new ArrayList<>();
    try {
      if (formats.contains("json")) {
        Path p = dir.resolve(ResultsJson.FILE_NAME);
        ReportWriter.writeAtomically(p, ResultsJson.write(run));
        written.add(p);
      }
      if (formats.contains("junit")) {
        Path p = dir.resolve("junit.xml");
        ReportWriter.writeAtomically(p, JUnitXml.write(run).getBytes(StandardCharsets.UTF_8));
        written.add(p);
      }
      ViewFormats.write(run, formats, dir, written);
    } catch (IOException e) {
      throw new UserException(ExitCode.USAGE, "cannot write to " + dir + " (" + e.getClass().getSimpleName()
          + ": " + e.getMessage() + ")", e);
    }
    return written;
  }

  static Set<String> formats(String csv, Set<String> known) {
    Set<String> out = new LinkedHashSet<>();
    for (String f : csv.split(",")) {
      String t = f.trim().toLowerCase(java.util.Locale.ROOT);
      if (t.isEmpty()) {
        continue;
      }
      if (!known.contains(t)) {
        throw new UserException(ExitCode.USAGE, "--format: unknown format '" + t + "' (known: " + String.join(", ", known) + ")");
      }
      out.add(t);
    }
    return out;
  }

  /** {@code jgenkit report render RESULTS.json [--format ...] [-o DIR]}. */
  @Command(name = "render", mixinStandardHelpOptions = true, description = "Re-render the views of a results.json.")
  static final class Render implements Callable<Integer> {
    private final CliEnvironment env;

    Render(CliEnvironment env) {
      this.env = env;
    }

    @Spec CommandSpec spec;

    @Parameters(paramLabel = "RESULTS.json", arity = "1", description = "A results.json written by jgenkit.")
    Path results;

    @Option(names = "--format", paramLabel = "LIST", description = "Views to write (default: ${DEFAULT-VALUE}).")
    String format = ViewFormats.DEFAULT;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Where to write them (default: the directory of RESULTS.json).")
    Path output;

    @Override
    public Integer call() {
      Path wd = env.workingDir();
      RunResult run = read(List.of(results), wd).get(0);
      Path dir = output != null ? wd.resolve(output) : wd.resolve(results).toAbsolutePath().getParent();
      List<Path> written = write(run, formats(format, ViewFormats.KNOWN), dir);
      PrintWriter out = spec.commandLine().getOut();
      written.forEach(p -> out.println("wrote " + p));
      out.flush();
      return ExitCode.OK;
    }
  }

  /** {@code jgenkit report merge A.json B.json ... -o DIR}. */
  @Command(name = "merge", mixinStandardHelpOptions = true, description = "Join results.json files of CI shards, or of named runtimes (jgenkit.yaml, conform), into one report.")
  static final class Merge implements Callable<Integer> {
    private final CliEnvironment env;

    Merge(CliEnvironment env) {
      this.env = env;
    }

    @Spec CommandSpec spec;

    @Parameters(paramLabel = "RESULTS.json", arity = "2..*", description = "results.json files, in the order their suites should appear.")
    List<Path> results;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", required = true, description = "Where the merged report goes.")
    Path output;

    @Option(names = "--format", paramLabel = "LIST", description = "Views to write besides results.json (default: ${DEFAULT-VALUE}).")
    String format = ViewFormats.DEFAULT;

    @Override
    public Integer call() {
      Path wd = env.workingDir();
      RunResult merged;
      try {
        merged = ReportMerge.merge(read(results, wd));
      } catch (ReportMerge.IncompatibleRunsException e) {
        throw new UserException(ExitCode.USAGE, e.getMessage());
      }
      Set<String> formats = formats(format, ViewFormats.KNOWN);
      formats.add("json");
      List<Path> written = write(merged, formats, wd.resolve(output));
      PrintWriter out = spec.commandLine().getOut();
      out.println("merged " + results.size() + " runs: " + merged.results().size() + " checks, "
          + merged.count(dev.jgenkit.runners.results.Verdict.PASS) + " passed");
      written.forEach(p -> out.println("wrote " + p));
      out.flush();
      return merged.anyFailed() ? ExitCode.TESTS_FAILED : ExitCode.OK;
    }
  }

  /** {@code jgenkit report diff BASELINE.json CURRENT.json}. */
  @Command(name = "diff", mixinStandardHelpOptions = true,
      description = {"Compare two results.json: new failures, fixed checks, newly skipped or unskipped, new and",
          "removed checks, and passing checks whose duration changed beyond the threshold."},
      footer = {"", "Exit: 0, or 1 with --fail-on-regression when a check that passed (or was skipped) in the",
          "baseline fails or errors now; 2 on bad input."})
  static final class Diff implements Callable<Integer> {
    private final CliEnvironment env;

    Diff(CliEnvironment env) {
      this.env = env;
    }

    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BASELINE.json")
    Path baseline;

    @Parameters(index = "1", paramLabel = "CURRENT.json")
    Path current;

    @Option(names = "--fail-on-regression", description = "Exit 1 when a check that passed in the baseline fails or errors now.")
    boolean failOnRegression;

    @Option(names = "--latency-factor", paramLabel = "X", description = "A passing check is slower/faster when its duration changed by this factor (default: ${DEFAULT-VALUE}) ...")
    double factor = 1.5;

    @Option(names = "--latency-min-ms", paramLabel = "MS", description = "... and by at least this many milliseconds (default: ${DEFAULT-VALUE}).")
    long minDelta = 200;

    @Override
    public Integer call() {
      if (!(factor >= 1)) {
        throw new UserException(ExitCode.USAGE, "--latency-factor must be at least 1");
      }
      Path wd = env.workingDir();
      List<RunResult> runs = read(List.of(baseline, current), wd);
      ReportDiff diff = ReportDiff.of(runs.get(0), runs.get(1), factor, minDelta);
      PrintWriter out = spec.commandLine().getOut();
      out.print(diff.render());
      out.flush();
      return failOnRegression && diff.regressed() ? ExitCode.TESTS_FAILED : ExitCode.OK;
    }
  }
}
