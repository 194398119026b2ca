package dev.jgenkit.cli;

import dev.jgenkit.reports.ResultsJson;
import dev.jgenkit.runners.exec.RunListener;
import dev.jgenkit.runners.results.SampleInfo;
import dev.jgenkit.runners.results.TestResult;
import dev.jgenkit.runners.samples.SampleListener;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * {@code results.jsonl}: one line per check, appended and flushed the moment it finishes, so a
 * crash or a kill keeps everything that ran. (results.json, written at the end, is the canonical
 * record.)
 */
final class JsonlLog implements RunListener, SampleListener, AutoCloseable {
  static final String FILE_NAME = "results.jsonl";

  private final BufferedWriter out;

  private JsonlLog(BufferedWriter out) {
    this.out = out;
  }

  /** Starts a fresh {@code results.jsonl} in {@code reportDir}. */
  static JsonlLog open(Path reportDir) {
    try {
      return new JsonlLog(Files.newBufferedWriter(reportDir.resolve(FILE_NAME), StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE));
    } catch (IOException e) {
      throw new UserException(ExitCode.USAGE, "cannot write " + reportDir.resolve(FILE_NAME) + ": " + e.getMessage(), e);
    }
  }

  private synchronized void append(TestResult r) {
    try {
      out.write(ResultsJson.testNode(r).toString());
      out.write('\n');
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void testFinished(TestResult result) {
    append(result);
  }

  @Override
  public void sampleFinished(int position, SampleInfo sample, List<TestResult> results) {
    results.forEach(this::append);
  }

  @Override
  public synchronized void close() {
    try {
      out.close();
    } catch (IOException e) {
      // the lines written so far are flushed already
    }
  }
}
