package dev.jgenkit.cli;

import dev.jgenkit.reports.ConsoleReport;
import dev.jgenkit.reports.ConsoleStyle;
import dev.jgenkit.runners.results.SampleInfo;
import dev.jgenkit.runners.results.TestResult;
import dev.jgenkit.runners.samples.SampleListener;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Prints each sample (phase header, sample header, one row per flow) once it and every sample
 * before it in run order are done, so the output is in plan order whatever {@code -j}; on a
 * terminal a live line says which samples are running.
 */
final class SampleConsoleListener implements SampleListener {
  private final PrintWriter out;
  private final ConsoleStyle style;
  private final boolean live;
  private List<String> names = List.of();
  private Object[][] done = new Object[0][];
  private final List<String> running = new ArrayList<>();
  private int next;
  private OptionalInt lastPhase = OptionalInt.empty();
  private boolean anyPrinted;
  private boolean progressShown;
  private boolean muted;

  SampleConsoleListener(PrintWriter out, ConsoleStyle style, boolean live) {
    this.out = out;
    this.style = style;
    this.live = live;
  }

  @Override
  public synchronized void runStarted(List<String> samples) {
    names = List.copyOf(samples);
    done = new Object[samples.size()][];
    showProgress();
  }

  @Override
  public synchronized void sampleStarted(int position, SampleInfo sample) {
    running.add(sample.name());
    showProgress();
  }

  @Override
  public synchronized void sampleFinished(int position, SampleInfo sample, List<TestResult> results) {
    running.remove(sample.name());
    if (muted) {
      return;
    }
    done[position] = new Object[] {sample, results};
    clearProgress();
    while (next < done.length && done[next] != null) {
      SampleInfo s = (SampleInfo) done[next][0];
      @SuppressWarnings("unchecked")
      List<TestResult> rs = (List<TestResult>) done[next][1];
      next++;
      if (!Objects.equals(s.phase(), lastPhase) || !anyPrinted) {
        if (s.phase().isPresent()) {
          out.println(ConsoleReport.phaseHeader(s.phase().getAsInt(), s.phaseTitle(), style));
        } else if (lastPhase.isPresent() || !anyPrinted) {
          out.println(ConsoleReport.modelHeader("Not in the plan", style));
        }
        lastPhase = s.phase();
      }
      anyPrinted = true;
      out.println(ConsoleReport.sampleHeader(s, style));
      int width = rs.stream().mapToInt(r -> r.test().name().length()).max().orElse(0);
      for (TestResult r : rs) {
        out.println("  " + ConsoleReport.treeRow(r, style, width));
      }
    }
    showProgress();
    out.flush();
  }

  synchronized void mute() {
    clearProgress();
    muted = true;
    out.flush();
  }

  private void showProgress() {
    if (!live || muted || names.isEmpty()) {
      return;
    }
    out.print("\r\u001b[2K  [" + next + "/" + names.size() + " samples] running: " + String.join(", ", running));
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
