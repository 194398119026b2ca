package dev.jgenkit.cli.picker;

import dev.jgenkit.reports.ConsoleReport;
import dev.jgenkit.reports.ConsoleStyle;
import dev.jgenkit.reports.Redaction;
import dev.jgenkit.runners.exec.RunListener;
import dev.jgenkit.runners.plan.PlannedTest;
import dev.jgenkit.runners.results.RunResult;
import dev.jgenkit.runners.results.RuntimeInfo;
import dev.jgenkit.runners.results.SampleInfo;
import dev.jgenkit.runners.results.TestResult;
import dev.jgenkit.runners.results.Verdict;
import dev.jgenkit.runners.samples.SampleListener;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The screen while a pick runs: a live {@code [done/total] running…} line, and each test (or
 * sample with its flows) printed with its ✓ ✗ ! ○ verdict once it and everything before it in
 * plan order is done, as the console report lays them out.
 */
final class RunScreen implements RunListener, SampleListener {
  private final PrintWriter out;
  private final ConsoleStyle style;
  private Object[] done = new Object[0];
  private int total;
  private int next;
  private int finished;
  private int nameWidth;
  private int lastSuite = -1;
  private String lastPhase = "";
  private final List<String> running = new ArrayList<>();
  private boolean progressShown;
  private boolean muted;
  private RuntimeInfo runtime;
  private List<PlannedTest> plan = List.of();
  private boolean[] started = new boolean[0];

  RunScreen(PrintWriter out, ConsoleStyle style) {
    this.out = out;
    this.style = style;
  }

  /** Stops printing (the run is being interrupted). */
  synchronized void mute() {
    clearProgress();
    muted = true;
    out.flush();
  }

  @Override
  public synchronized void runtimeReady(RuntimeInfo runtime) {
    this.runtime = runtime;
  }

  /**
   * A test-model run cut short, as far as it got: finished tests keep their verdicts, running ones
   * are ERROR, the others SKIP; marked interrupted. Empty when the runtime was never reached.
   */
  synchronized Optional<RunResult> partial(String toolVersion, List<String> specNames, Instant startedAt) {
    if (runtime == null) {
      return Optional.empty();
    }
    List<TestResult> results = new ArrayList<>();
    for (PlannedTest t : plan) {
      TestResult r = (TestResult) done[t.index()];
      if (r == null) {
        r = started[t.index()]
            ? new TestResult(t, Verdict.ERROR, "interrupted while running", 1, 0, OptionalLong.empty(), 0,
                Optional.empty(), Optional.empty(), Optional.empty())
            : TestResult.skipped(t, "not run: interrupted");
      }
      results.add(r);
    }
    return Optional.of(new RunResult("jgenkit", toolVersion, specNames, runtime, startedAt, Instant.now(),
        results, true));
  }

  @Override
  public synchronized void planStarted(List<PlannedTest> plan) {
    this.plan = List.copyOf(plan);
    this.started = new boolean[plan.size()];
    total = plan.size();
    done = new Object[total];
    nameWidth = plan.stream().mapToInt(t -> t.name().length()).max().orElse(0);
    progress();
  }

  @Override
  public synchronized void testStarted(PlannedTest test) {
    started[test.index()] = true;
    progress();
  }

  @Override
  public synchronized void testRetrying(PlannedTest test, int attempt, String reason, long delayMillis) {
    if (muted) {
      return;
    }
    clearProgress();
    out.println("    ↻ " + test.model() + " / " + test.name() + ": attempt " + attempt + " failed ("
        + Redaction.redact(reason) + "), retrying in " + delayMillis + " ms");
    progress();
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
      TestResult r = (TestResult) done[next++];
      if (r.test().suiteIndex() != lastSuite) {
        lastSuite = r.test().suiteIndex();
        out.println(ConsoleReport.modelHeader(r.test().model(), style));
      }
      out.println(ConsoleReport.treeRow(r, style, nameWidth));
    }
    progress();
  }

  @Override
  public synchronized void planFinished(List<TestResult> results) {
    clearProgress();
    out.flush();
  }

  @Override
  public synchronized void runStarted(List<String> samples) {
    total = samples.size();
    done = new Object[total];
    progress();
  }

  @Override
  public synchronized void sampleStarted(int position, SampleInfo sample) {
    running.add(sample.name());
    progress();
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
      Object[] d = (Object[]) done[next++];
      SampleInfo s = (SampleInfo) d[0];
      @SuppressWarnings("unchecked")
      List<TestResult> rs = (List<TestResult>) d[1];
      String phase = s.phase().isPresent() ? "Phase " + s.phase().getAsInt() : "-";
      if (!phase.equals(lastPhase)) {
        lastPhase = phase;
        out.println(s.phase().isPresent()
            ? ConsoleReport.phaseHeader(s.phase().getAsInt(), s.phaseTitle(), style)
            : ConsoleReport.unplannedHeader(style));
      }
      out.println(ConsoleReport.sampleHeader(s, style));
      int width = rs.stream().mapToInt(r -> r.test().name().length()).max().orElse(0);
      for (TestResult r : rs) {
        out.println(ConsoleReport.flowRow(r, style, width));
      }
    }
    finished = next;
    progress();
  }

  private void progress() {
    if (muted || total == 0 || finished >= total) {
      return;
    }
    String what = running.isEmpty() ? "running…" : "running: " + String.join(", ", running);
    if (what.length() > 60) {
      what = what.substring(0, 59) + "…";
    }
    out.print("\r\u001b[2K  [" + finished + "/" + total + "] " + what);
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
