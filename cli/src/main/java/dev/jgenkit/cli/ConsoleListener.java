package dev.jgenkit.cli;

import dev.jgenkit.reports.ConsoleReport;
import dev.jgenkit.reports.ConsoleStyle;
import dev.jgenkit.runners.exec.RunListener;
import dev.jgenkit.runners.plan.PlannedTest;
import dev.jgenkit.runners.results.TestResult;
import java.io.PrintWriter;
import java.util.List;

/**
 * Prints each test's line as soon as it and every test before it in plan order have finished, so
 * the output is in spec order whatever the completion order; on a terminal a live progress line
 * shows what is running.
 */
final class ConsoleListener implements RunListener {
  private final PrintWriter out;
  private final ConsoleStyle style;
  private final boolean live;
  private TestResult[] done = new TestResult[0];
  private List<PlannedTest> plan = List.of();
  private int nameWidth;
  private int next;
  private int finished;
  private int lastSuite = -1;
  private boolean progressShown;
  private boolean muted;

  ConsoleListener(PrintWriter out, ConsoleStyle style, boolean live) {
    this.out = out;
    this.style = style;
    this.live = live;
  }

  @Override
  public synchronized void planStarted(List<PlannedTest> plan) {
    this.plan = List.copyOf(plan);
    this.done = new TestResult[plan.size()];
    this.nameWidth = plan.stream().mapToInt(t -> t.name().length()).max().orElse(0);
    showProgress();
  }

  @Override
  public synchronized void testStarted(PlannedTest test) {
    showProgress();
  }

  @Override
  public synchronized void testRetrying(PlannedTest test, int attempt, String reason, long delayMillis) {
    clearProgress();
    out.println("    ↻ " + test.model() + " / " + test.name() + ": attempt " + attempt + " failed ("
        + dev.jgenkit.reports.Redaction.redact(reason) + "), retrying in " + delayMillis + " ms");
    showProgress();
  }

  /** Stops printing (the run was interrupted and its partial report is being written). */
  synchronized void mute() {
    clearProgress();
    out.flush();
    muted = true;
  }

  @Override
  public synchronized void testFinished(TestResult result) {
    if (muted) {
      return;
    }
    done[result.test().index()] = result;
    finished++;
    clearProgress();
    while (next < done.length && done[next] != null) {
      TestResult r = done[next++];
      if (r.test().suiteIndex() != lastSuite) {
        lastSuite = r.test().suiteIndex();
        out.println(ConsoleReport.modelHeader(ConsoleReport.suiteTitle(r.test()), style));
      }
      out.println(ConsoleReport.treeRow(r, style, nameWidth));
    }
    showProgress();
    out.flush();
  }

  @Override
  public synchronized void planFinished(List<TestResult> results) {
    clearProgress();
    out.flush();
  }

  private void showProgress() {
    if (!live || muted || plan.isEmpty()) {
      return;
    }
    String line = String.format("  [%d/%d] running…", finished, plan.size());
    out.print("\r" + line);
    out.flush();
    progressShown = true;
  }

  private void clearProgress() {
    if (progressShown) {
      out.print("\r\u001b[2K");
      progressShown = false;
    }
  }
}
