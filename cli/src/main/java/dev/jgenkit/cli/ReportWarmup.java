package dev.jgenkit.cli;

import dev.jgenkit.reports.ConsoleReport;
import dev.jgenkit.reports.ConsoleStyle;
import dev.jgenkit.reports.HtmlReport;
import dev.jgenkit.reports.JUnitXml;
import dev.jgenkit.reports.MarkdownReport;
import dev.jgenkit.reports.ResultsJson;
import dev.jgenkit.runners.exec.RunListener;
import dev.jgenkit.runners.plan.PlannedTest;
import dev.jgenkit.runners.results.RunResult;
import dev.jgenkit.runners.results.TestResult;
import dev.jgenkit.runners.results.Verdict;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * While the first tests wait on the runtime (once the first wave of tests is under way, so it does
 * not compete with sending them), renders the run as it stands (every test not yet run)
 * into memory with each report and the console summary, and throws the output away: the renderers'
 * classes are then loaded and initialised when the real reports are written at the end, which are
 * on the run's critical path. Nothing is written anywhere. {@link #await} before the main thread
 * renders anything itself.
 */
final class ReportWarmup implements RunListener {
  private final Supplier<Optional<RunResult>> sketch;
  private final ConsoleStyle style;
  private final int jobs;
  private final java.util.concurrent.atomic.AtomicInteger started = new java.util.concurrent.atomic.AtomicInteger();
  private volatile int firstWave;
  private volatile Thread thread;

  /**
   * {@code sketch}: the run so far (the recorder's partial result), called once the first {@code
   * jobs} tests (or all, if fewer) have started, or when the first test finishes.
   */
  ReportWarmup(Supplier<Optional<RunResult>> sketch, ConsoleStyle style, int jobs) {
    this.sketch = sketch;
    this.style = style;
    this.jobs = jobs;
  }

  @Override
  public void planStarted(List<PlannedTest> plan) {
    firstWave = Math.min(plan.size(), jobs);
  }

  @Override
  public void testStarted(PlannedTest test) {
    if (started.incrementAndGet() >= firstWave) {
      begin();
    }
  }

  @Override
  public void testFinished(dev.jgenkit.runners.results.TestResult result) {
    begin(); // tests that never start (skipped) must not keep it from beginning
  }

  private synchronized void begin() {
    if (thread != null || firstWave == 0) {
      return;
    }
    Thread t = new Thread(this::render, "jgenkit-report-warmup");
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    thread = t;
    t.start();
  }

  private void render() {
    try {
      sketch.get().map(ReportWarmup::finishedLike).ifPresent(run -> {
        ResultsJson.write(run);
        JUnitXml.writeBytes(run);
        MarkdownReport.renderBytes(List.of(run));
        HtmlReport.renderBytes(List.of(run));
        ConsoleReport.summary(run, style);
      });
      dev.jgenkit.runners.TimingTrace.mark("report warm-up: done");
    } catch (RuntimeException | LinkageError e) {
      // Only a head start: the real rendering reports any problem itself.
    }
  }

  /**
   * The first few tests of the sketch, given the verdicts and figures a finished run has (mostly
   * PASS, one FAIL, ERROR and SKIP each, durations, trace ids, usage) and not marked interrupted:
   * the renderers then take the paths the real reports take. A few tests are enough to load every
   * renderer's code; rendering a large plan in full would only cost memory and CPU beside the run.
   */
  static RunResult finishedLike(RunResult run) {
    List<TestResult> tests = new java.util.ArrayList<>();
    List<TestResult> sketch = run.results().subList(0, Math.min(WARMUP_TESTS, run.results().size()));
    for (int i = 0; i < sketch.size(); i++) {
      dev.jgenkit.runners.plan.PlannedTest t = sketch.get(i).test();
      Verdict v = i % 8 == 1 ? Verdict.FAIL : i % 8 == 3 ? Verdict.ERROR : i % 8 == 5 ? Verdict.SKIP : Verdict.PASS;
      tests.add(v == Verdict.SKIP
          ? TestResult.skipped(t, "warm-up")
          : new TestResult(t, v, v == Verdict.PASS ? "" : "warm-up", 1, 300 + i,
              t.stream() ? java.util.OptionalLong.of(5) : java.util.OptionalLong.empty(), t.stream() ? 2 : 0,
              Optional.of("0123456789abcdef0123456789abcdef"), Optional.of(USAGE), Optional.of("stop"),
              v == Verdict.PASS ? Optional.empty() : Optional.of(USAGE)));
    }
    return new RunResult(run.tool(), run.toolVersion(), run.specFiles(), run.runtime(), run.startedAt(),
        run.finishedAt(), tests, false, run.command(), run.samples(), run.runtimes());
  }

  private static final com.fasterxml.jackson.databind.JsonNode USAGE =
      com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
          .put("inputTokens", 10).put("outputTokens", 5);

  private static final int WARMUP_TESTS = 16;

  /** Waits (bounded: it only saves time) until the warm-up, if one started, is over. */
  void await() {
    Thread t = thread;
    if (t == null) {
      return;
    }
    try {
      t.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
