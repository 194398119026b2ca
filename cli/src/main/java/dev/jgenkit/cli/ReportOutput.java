package dev.jgenkit.cli;

import dev.jgenkit.reports.GitHubAnnotations;
import dev.jgenkit.reports.Reports;
import dev.jgenkit.runners.results.RunResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes a run's reports (results.json, junit.xml, report.md, report.html; report.md also to
 * {@code $GITHUB_STEP_SUMMARY}) and, on GitHub Actions, prints the failures as annotations.
 */
public final class ReportOutput {
  private ReportOutput() {}

  static List<Path> write(Path dir, RunResult run, CliEnvironment env, PrintWriter out) {
    List<Path> written;
    try {
      written = Reports.writeAll(dir, run, env.env());
    } catch (IOException e) {
      throw new UserException(ExitCode.USAGE, "cannot write reports to " + dir + " ("
          + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
    }
    if (GitHubAnnotations.enabled(env.env())) {
      GitHubAnnotations.render(List.of(run)).forEach(out::println);
      out.flush();
    }
    return written;
  }

  /**
   * From an interrupt hook (the JVM exits right after it): writes the reports of what ran, marked
   * interrupted, and says where; a failure to write is reported on {@code err}, never thrown.
   */
  public static void writePartial(
      Path dir, RunResult partial, Map<String, String> env, PrintWriter out, PrintWriter err) {
    try {
      List<Path> written = Reports.writeAll(dir, partial, env);
      out.println();
      out.println("Interrupted: partial reports written to " + written);
      out.flush();
    } catch (IOException e) {
      err.println("jgenkit: interrupted; cannot write partial reports: " + e.getMessage());
      err.flush();
    }
  }
}
