package dev.jgenkit.cli;

import dev.jgenkit.reports.HtmlReport;
import dev.jgenkit.reports.MarkdownReport;
import dev.jgenkit.reports.ReportWriter;
import dev.jgenkit.runners.results.RunResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** The views `jgenkit report` can write besides results.json and junit.xml. */
final class ViewFormats {
  static final Set<String> KNOWN = Set.of("json", "junit", "md", "html");
  static final String DEFAULT = "json,junit,md,html";

  private ViewFormats() {}

  static void write(RunResult run, Set<String> formats, Path dir, List<Path> written) throws IOException {
    if (formats.contains("md")) {
      Path p = dir.resolve(MarkdownReport.FILE_NAME);
      ReportWriter.writeAtomically(p, MarkdownReport.renderBytes(List.of(run)));
      written.add(p);
    }
    if (formats.contains("html")) {
      Path p = dir.resolve(HtmlReport.FILE_NAME);
      ReportWriter.writeAtomically(p, HtmlReport.renderBytes(List.of(run)));
      written.add(p);
    }
  }
}
