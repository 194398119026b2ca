package dev.jgenkit.reports;

import dev.jgenkit.runners.results.RunResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

/** Writes the file reports of a run into a report directory. */
public final class Reports {
  /** The variable GitHub Actions sets to the file a step's job summary is read from. */
  public static final String STEP_SUMMARY_ENV = "GITHUB_STEP_SUMMARY";

  private Reports() {}

  /**
   * Writes {@value ResultsJson#FILE_NAME}, {@value JUnitXml#FILE_NAME}, {@value
   * MarkdownReport#FILE_NAME} and {@value HtmlReport#FILE_NAME} into {@code reportDir} (created
   * when missing), each atomically. Does not touch the job summary.
   *
   * @return the written files, in that order
   * @throws IOException when a file cannot be written
   */
  public static List<Path> writeAll(Path reportDir, RunResult run) throws IOException {
    return writeAll(reportDir, run, Map.of());
  }

  /**
   * Like {@link #writeAll(Path, RunResult)}, then appends {@code report.md} to the file named by
   * {@value #STEP_SUMMARY_ENV} in {@code env} when that is set (GitHub Actions' job summary).
   *
   * @param env the environment, normally {@code System.getenv()}
   * @return the written report files, in order (not the job summary)
   * @throws IOException when a file cannot be written or the summary cannot be appended to
   */
  public static List<Path> writeAll(Path reportDir, RunResult run, Map<String, String> env)
      throws IOException {
    Path json = reportDir.resolve(ResultsJson.FILE_NAME);
    Path xml = reportDir.resolve(JUnitXml.FILE_NAME);
    // The views are rendered and written on a second thread meanwhile: at the end of a run this
    // is on its critical path, and the renderers are independent of each other.
    java.util.concurrent.FutureTask<List<Path>> views =
        new java.util.concurrent.FutureTask<>(() -> writeViews(reportDir, List.of(run), env));
    Thread viewer = new Thread(views, "jgenkit-report-views");
    viewer.setDaemon(true);
    viewer.start();
    try {
      ReportWriter.writeAtomically(json, ResultsJson.write(run));
      ReportWriter.writeAtomically(xml, JUnitXml.writeBytes(run));
    } finally {
      awaitUninterruptibly(viewer);
    }
    List<Path> written = viewsOf(views);
    return List.of(json, xml, written.get(0), written.get(1));
  }

  private static void awaitUninterruptibly(Thread t) {
    boolean interrupted = false;
    while (t.isAlive()) {
      try {
        t.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private static List<Path> viewsOf(java.util.concurrent.FutureTask<List<Path>> views) throws IOException {
    try {
      return views.get();
    } catch (InterruptedException e) {
      throw new IllegalStateException("the views' thread has ended", e); // joined before: not reached
    } catch (java.util.concurrent.ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    }
  }

  /**
   * Writes {@value MarkdownReport#FILE_NAME} and {@value HtmlReport#FILE_NAME} of {@code runs}
   * (several for merged or multi-runtime reports) into {@code reportDir}, each atomically, then
   * appends the Markdown to the job summary when {@value #STEP_SUMMARY_ENV} is set in {@code env}.
   *
   * @return the two written files, Markdown first
   * @throws IOException when a file cannot be written or the summary cannot be appended to
   */
  public static List<Path> writeViews(Path reportDir, List<RunResult> runs, Map<String, String> env)
      throws IOException {
    Path md = reportDir.resolve(MarkdownReport.FILE_NAME);
    Path html = reportDir.resolve(HtmlReport.FILE_NAME);
    byte[] markdown = MarkdownReport.renderBytes(runs);
    ReportWriter.writeAtomically(md, markdown);
    ReportWriter.writeAtomically(html, HtmlReport.renderBytes(runs));
    appendStepSummary(env, markdown);
    return List.of(md, html);
  }

  /**
   * Appends {@code markdown} to the job summary file named by {@value #STEP_SUMMARY_ENV} in {@code
   * env}, after a blank line when the file already has content; does nothing when it is unset or
   * blank.
   *
   * @return true when something was appended
   * @throws IOException when the file cannot be appended to
   */
  public static boolean appendStepSummary(Map<String, String> env, byte[] markdown)
      throws IOException {
    String target = env.get(STEP_SUMMARY_ENV);
    if (target == null || target.isBlank()) {
      return false;
    }
    Path file = Path.of(target);
    // Other steps' (or jgenkit runs') summaries may precede ours; keep Markdown blocks apart.
    boolean separate = Files.exists(file) && Files.size(file) > 0;
    byte[] prefix = separate ? "\n".getBytes(StandardCharsets.UTF_8) : new byte[0];
    byte[] content = new byte[prefix.length + markdown.length];
    System.arraycopy(prefix, 0, content, 0, prefix.length);
    System.arraycopy(markdown, 0, content, prefix.length, markdown.length);
    Files.write(file, content, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    return true;
  }
}
