package dev.jgenkit.cli;

import dev.jgenkit.reports.GitHubAnnotations;
import dev.jgenkit.reports.Reports;
import dev.jgenkit.runners.results.RunResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a run's reports (results.json, junit.xml, report.md, report.html; report.md also to
 * {@code $GITHUB_STEP_SUMMARY}) and, on GitHub Actions, prints the failures as annotations.
 */
final class ReportOutput {
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
}
