package dev.jgenkit.reports;

import dev.jgenkit.runners.results.RunResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Writes the file reports of a run into a report directory. */
public final class Reports {
  private Reports() {}

  /**
   * Writes {@value ResultsJson#FILE_NAME} and {@value JUnitXml#FILE_NAME} into {@code reportDir}
   * (created when missing), each atomically.
   *
   * @return the written files, in that order
   * @throws IOException when a file cannot be written
   */
  public static List<Path> writeAll(Path reportDir, RunResult run) throws IOException {
    Path json = reportDir.resolve(ResultsJson.FILE_NAME);
    Path xml = reportDir.resolve(JUnitXml.FILE_NAME);
    ReportWriter.writeAtomically(json, ResultsJson.write(run));
    ReportWriter.writeAtomically(xml, JUnitXml.writeBytes(run));
    return List.of(json, xml);
  }
}
