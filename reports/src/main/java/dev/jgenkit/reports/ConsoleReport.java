package dev.jgenkit.reports;

import dev.jgenkit.runners.plan.PlannedTest;
import dev.jgenkit.runners.results.RunResult;
import dev.jgenkit.runners.results.RuntimeInfo;
import dev.jgenkit.runners.results.SampleInfo;
import dev.jgenkit.runners.results.TestResult;
import dev.jgenkit.runners.results.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * The human report: a tree of models and their tests with aligned columns, then a summary line and
 * the runtime line.
 *
 * <pre>
 * reference/good
 *   ✓ Tool Request Conformance            12 ms
 *   ✗ Structured Output Conformance        8 ms  Response text is not valid JSON. Text: {"name"
 *   ✓ Streaming Multi-turn Conformance    1.2 s  first chunk 85 ms, 7 chunks
 *   ○ Image Input (URL) Conformance              skipped: model declares media: false
 *   ! Hang                              120.0 s  timed out after 120 s (cancelled)
 *
 * 2 passed, 1 failed, 1 error, 1 skipped in 124.2 s
 * Runtime: http://127.0.0.1:3100, Genkit 1.21.0, started (pid 4242), log .genkit/runtime.log
 * </pre>
 *
 * <p>In a multi-runtime run each model header names its runtime ({@code reference/good @ a}) and
 * a runtime line per runtime ends the report ({@code Runtime a: ...}).
 *
 * <p>A sample-flows run is grouped by plan phase (plan order, then the samples not in the plan),
 * each sample under its phase with its flows; then come the phase table, the feature coverage by
 * phase, the summary in flows and samples, and a line per sample skipped for unset variables. Each
 * sample's runtime is on its header; there is no run-level runtime line.
 *
 * <pre>
 * Phase 1 · Core Framework
 *   framework-format-demo  Genkit 1.21.0, log .jgenkit/samples/runtime-5002.log
 *     ✓ jsonFlow            8 ms
 *     ✗ customFormatFlow   10 ms  output does not match the flow's outputSchema: ...
 * Phase 2 · Google GenAI
 *   provider-google-genai-hello
 *     ○ (start)                   skipped: GEMINI_API_KEY not set
 *
 * Phase  Sample                       Passed  Failed  Errored  Skipped  Status
 * 1      framework-format-demo             1       1        0        0  ✗
 * 2      provider-google-genai-hello       0       0        0        1  ○
 *
 * Feature            Phase 1  Phase 2
 * Streaming          ❌       ⏭
 * Structured output  ❌       ·
 *
 * 1 flow passed, 1 failed, 0 errors, 1 skipped in 3.2 s
 * Samples: 0 passed, 1 failed, 1 skipped
 * ○ provider-google-genai-hello needs GEMINI_API_KEY
 * </pre>
 *
 * <p>Reasons are shown as their first line, at most {@value #MAX_REASON_CHARS} characters, with
 * terminal control characters escaped. Every line ends with {@code \n}.
 */
public final class ConsoleReport {
  /** Longest reason (in code points) shown on a test line. */
  public static final int MAX_REASON_CHARS = 100;

  private static final int DURATION_WIDTH = 7;

  // Names longer than this do not widen the column for everyone else.
  private static final int MAX_NAME_COLUMN = 60;

  private static final String UNPLANNED_TITLE = "Not in the plan";

  private static final String RESET = "\u001B[0m";
  private static final String BOLD = "\u001B[1m";
  private static final String DIM = "\u001B[2m";
  private static final String RED = "\u001B[31m";
  private static final String GREEN = "\u001B[32m";
  private static final String YELLOW = "\u001B[33m";

  private ConsoleReport() {}

  /**
   * The whole report. For test-model: tree, blank line, optional interruption note, summary,
   * runtime. For sample-flows: per phase (plan order, unplanned samples last) a {@link #phaseHeader
   * phase header}, per sample a {@link #sampleHeader sample header} and its {@link #flowRow flow
   * rows}; a blank line; then {@link #sampleSummary}: phase table, feature coverage, summary and
   * the variables skipped samples need.
   */
  public static String render(RunResult run, ConsoleStyle style) {
    if (ResultsJson.sampleFlows(run)) {
      return renderSampleFlows(run, style);
    }
    int nameWidth = nameWidth(run);
    int durationWidth = durationWidth(run);
    StringBuilder out = new StringBuilder();
    for (List<TestResult> suite : run.bySuite()) {
      out.append(modelHeader(suiteTitle(suite.get(0).test()), style)).append('\n');
      for (TestResult r : suite) {
        out.append("  ").append(row(r, style, nameWidth, durationWidth)).append('\n');
      }
    }
    if (!run.results().isEmpty()) {
      out.append('\n');
    }
    if (run.interrupted()) {
      out.append(paint(style, YELLOW, "Interrupted: results are incomplete.")).append('\n');
    }
    out.append(summary(run, style)).append('\n');
    out.append(runtimeLines(run));
    return out.toString();
  }

  /** The model, and its runtime's name in a multi-runtime run: {@code reference/good @ a}. */
  public static String suiteTitle(PlannedTest test) {
    return test.runtime().isEmpty() ? test.model() : test.model() + " @ " + test.runtime();
  }

  /** {@link #runtimeLine} of the run's runtime, or one line per runtime of a multi-runtime run. */
  public static String runtimeLines(RunResult run) {
    if (!run.multiRuntime()) {
      return runtimeLine(run.runtime()) + "\n";
    }
    StringBuilder sb = new StringBuilder();
    for (RuntimeInfo rt : run.runtimes()) {
      sb.append(runtimeLine(rt)).append('\n');
    }
    return sb.toString();
  }

  private static String renderSampleFlows(RunResult run, ConsoleStyle style) {
    PhaseTable table = PhaseTable.of(run);
    int nameWidth = nameWidth(run);
    int durationWidth = durationWidth(run);
    StringBuilder out = new StringBuilder();
    for (PhaseTable.Group group : table.groups()) {
      out.append(groupHeader(group, style)).append('\n');
      for (PhaseTable.Row row : group.samples()) {
        out.append(sampleHeader(row.sample(), style)).append('\n');
        if (row.results().isEmpty()) {
          out.append("    ").append(paint(style, DIM, "no flows")).append('\n');
        }
        for (TestResult r : row.results()) {
          out.append("    ").append(row(r, style, nameWidth, durationWidth)).append('\n');
        }
      }
    }
    if (!table.isEmpty()) {
      out.append('\n');
    }
    return out.append(sampleSummary(run, style)).toString();
  }

  /**
   * What a sample-flows report prints after its tree, each line ending with {@code \n}: the {@link
   * #phaseTable phase table} and the {@link #featureCoverage feature coverage} (each followed by a
   * blank line; left out when there are no samples or no features), the optional interruption note,
   * the {@link #summary summary}, the {@link #samplesLine samples line}, and a {@link
   * #missingEnvLine line} per sample skipped for unset variables. For a CLI that streamed the tree.
   */
  public static String sampleSummary(RunResult run, ConsoleStyle style) {
    PhaseTable table = PhaseTable.of(run);
    StringBuilder out = new StringBuilder();
    if (!table.isEmpty()) {
      out.append(phaseTable(table, style)).append('\n');
    }
    FeatureCoverage coverage = FeatureCoverage.of(table);
    if (!coverage.isEmpty()) {
      out.append(featureCoverage(coverage, style)).append('\n');
    }
    if (run.interrupted()) {
      out.append(paint(style, YELLOW, "Interrupted: results are incomplete.")).append('\n');
    }
    out.append(summary(run, style)).append('\n');
    if (!table.isEmpty()) {
      out.append(samplesLine(table, style)).append('\n');
    }
    for (PhaseTable.Row row : table.rows()) {
      if (!row.sample().missingEnv().isEmpty()) {
        out.append(missingEnvLine(row.sample(), style)).append('\n');
      }
    }
    return out.toString();
  }

  /** {@code Phase 1 · Core Framework} (ASCII {@code Phase 1 - Core Framework}), bold. */
  public static String phaseHeader(int phase, String title, ConsoleStyle style) {
    String text = "Phase " + phase;
    if (title != null && !title.isBlank()) {
      text += (style.unicode() ? " · " : " - ") + title.strip();
    }
    return paint(style, BOLD, Text.escapeControls(text));
  }

  /** The header of the samples that are not in the plan: {@code Not in the plan}, bold. */
  public static String unplannedHeader(ConsoleStyle style) {
    return paint(style, BOLD, UNPLANNED_TITLE);
  }

  /**
   * A sample's header under its phase header, indented two spaces: the name in bold, then (dim) the
   * Genkit version and log file of the runtime started for it, when one was. No trailing newline.
   */
  public static String sampleHeader(SampleInfo sample, ConsoleStyle style) {
    String header = "  " + paint(style, BOLD, Text.escapeControls(sample.name()));
    if (sample.runtime().isEmpty()) {
      return header;
    }
    RuntimeInfo rt = sample.runtime().get();
    StringBuilder facts =
        new StringBuilder("Genkit ").append(rt.genkitVersion().orElse("version unknown"));
    rt.logFile().ifPresent(log -> facts.append(", log ").append(log));
    return header + "  " + paint(style, DIM, Text.escapeControls(facts.toString()));
  }

  /**
   * One flow row under its {@link #sampleHeader sample header}, indented four spaces, as {@link
   * #treeRow} lays it out. No trailing newline.
   */
  public static String flowRow(TestResult r, ConsoleStyle style, int nameWidth) {
    return "    " + row(r, style, Math.min(MAX_NAME_COLUMN, nameWidth), DURATION_WIDTH);
  }

  /**
   * The phase table, one line per sample (each ending with {@code \n}) under a header line: phase
   * (on a group's first row only; {@code -} for unplanned samples), sample, passed, failed,
   * errored, skipped, and the status mark ({@code ✓ ✗ ○}, ASCII {@code PASS FAIL SKIP}).
   */
  public static String phaseTable(PhaseTable table, ConsoleStyle style) {
    List<String[]> cells = new ArrayList<>();
    List<PhaseTable.Status> statuses = new ArrayList<>();
    for (PhaseTable.Group group : table.groups()) {
      boolean first = true;
      for (PhaseTable.Row row : group.samples()) {
        String phase =
            !first ? "" : group.unplanned() ? "-" : Integer.toString(group.phase().getAsInt());
        PhaseTable.Counts c = row.counts();
        cells.add(
            new String[] {
              phase,
              Text.escapeControls(row.name()),
              Long.toString(c.passed()),
              Long.toString(c.failed()),
              Long.toString(c.errored()),
              Long.toString(c.skipped())
            });
        statuses.add(row.status());
        first = false;
      }
    }
    String[] header = {"Phase", "Sample", "Passed", "Failed", "Errored", "Skipped"};
    int[] widths = new int[header.length];
    for (int i = 0; i < header.length; i++) {
      widths[i] = Text.displayWidth(header[i]);
      for (String[] line : cells) {
        widths[i] = Math.max(widths[i], Text.displayWidth(line[i]));
      }
    }
    widths[1] = Math.min(widths[1], MAX_NAME_COLUMN);
    StringBuilder out = new StringBuilder();
    out.append(tableLine(header, widths)).append("  Status\n");
    for (int i = 0; i < cells.size(); i++) {
      out.append(tableLine(cells.get(i), widths))
          .append("  ")
          .append(statusMark(statuses.get(i), style))
          .append('\n');
    }
    return out.toString();
  }

  /**
   * The feature coverage matrix, one line per feature (each ending with {@code \n}) under a header
   * of phases ({@code Phase N}, {@code Unplanned}); cells {@code ✅ ❌ ⏭ ·}, ASCII {@code ok FAIL
   * skip -}, for pass, fail, skip, none. Empty when there are no features.
   */
  public static String featureCoverage(FeatureCoverage coverage, ConsoleStyle style) {
    if (coverage.isEmpty()) {
      return "";
    }
    int featureWidth = Text.displayWidth("Feature");
    for (String f : coverage.features()) {
      featureWidth = Math.max(featureWidth, Text.displayWidth(Text.escapeControls(f)));
    }
    featureWidth = Math.min(featureWidth, MAX_NAME_COLUMN);
    List<String> headers =
        coverage.phases().stream()
            .map(p -> p.isPresent() ? "Phase " + p.getAsInt() : "Unplanned")
            .toList();
    int[] widths = new int[headers.size()];
    for (int j = 0; j < widths.length; j++) {
      widths[j] = Math.max(Text.displayWidth(headers.get(j)), 4);
    }
    StringBuilder out = new StringBuilder(Text.padRightColumns("Feature", featureWidth));
    for (int j = 0; j < widths.length; j++) {
      out.append("  ").append(Text.padRightColumns(headers.get(j), widths[j]));
    }
    out = new StringBuilder(out.toString().stripTrailing()).append('\n');
    for (int i = 0; i < coverage.features().size(); i++) {
      StringBuilder line =
          new StringBuilder(
              Text.padRightColumns(Text.escapeControls(coverage.features().get(i)), featureWidth));
      for (int j = 0; j < widths.length; j++) {
        FeatureCoverage.Cell cell = coverage.cells().get(i).get(j);
        String text = cellText(cell, style);
        line.append("  ").append(paintCell(cell, text, style));
        if (j < widths.length - 1) {
          line.append(" ".repeat(Math.max(0, widths[j] - Text.displayWidth(text))));
        }
      }
      out.append(line).append('\n');
    }
    return out.toString();
  }

  /** {@code Samples: 2 passed, 2 failed, 1 skipped}, by {@link PhaseTable.Status status}. */
  public static String samplesLine(PhaseTable table, ConsoleStyle style) {
    long passed = table.rows().stream().filter(r -> r.status() == PhaseTable.Status.PASS).count();
    long failed = table.rows().stream().filter(r -> r.status() == PhaseTable.Status.FAIL).count();
    long skipped = table.rows().stream().filter(r -> r.status() == PhaseTable.Status.SKIP).count();
    return "Samples: "
        + String.join(
            ", ",
            count(style, GREEN, passed, "passed", "passed"),
            count(style, RED, failed, "failed", "failed"),
            count(style, DIM, skipped, "skipped", "skipped"));
  }

  /**
   * For a sample skipped because variables are unset: {@code ○ provider-x needs GEMINI_API_KEY}
   * (ASCII {@code SKIP ...}), the variables comma-separated. No trailing newline.
   */
  public static String missingEnvLine(SampleInfo sample, ConsoleStyle style) {
    return statusMark(PhaseTable.Status.SKIP, style)
        + " "
        + Text.escapeControls(sample.name() + " needs " + String.join(", ", sample.missingEnv()));
  }

  /**
   * One self-contained line for a test that just finished, for streaming progress: {@code ✓
   * reference/good › Tool Request Conformance (12 ms)}; passes add stream facts inside the
   * parentheses, failures and errors add {@code : <reason>}. No trailing newline.
   */
  public static String testLine(TestResult r, ConsoleStyle style) {
    PlannedTest t = r.test();
    String arrow = style.unicode() ? " › " : " > ";
    String title = Text.escapeControls(t.model() + arrow + t.name());
    StringBuilder sb = new StringBuilder(mark(r.verdict(), style)).append(' ');
    if (r.verdict() == Verdict.SKIP) {
      return sb.append(paint(style, DIM, title + " skipped: " + reason(r, style))).toString();
    }
    sb.append(title).append(" (").append(Text.duration(r.durationMillis()));
    if (r.verdict() == Verdict.PASS) {
      String facts = facts(r);
      return sb.append(facts.isEmpty() ? "" : ", " + facts).append(')').toString();
    }
    return sb.append("): ").append(reason(r, style)).toString();
  }

  /**
   * One row of the tree for a test that just finished, indented under its model header, for
   * progress printed in plan order: mark, name padded to {@code nameWidth}, duration, then the
   * stream facts or the one-line reason. No trailing newline.
   */
  public static String treeRow(TestResult r, ConsoleStyle style, int nameWidth) {
    return "  " + row(r, style, Math.min(MAX_NAME_COLUMN, nameWidth), DURATION_WIDTH);
  }

  /** The model header line of the tree. */
  public static String modelHeader(String model, ConsoleStyle style) {
    return paint(style, BOLD, Text.escapeControls(model));
  }

  /**
   * {@code 14 passed, 2 failed, 1 error, 3 skipped in 4.2 s}; for sample-flows {@code 14 flows
   * passed, ...} (a sample's {@code (start)} placeholder counts as a flow).
   */
  public static String summary(RunResult run, ConsoleStyle style) {
    List<String> parts = new ArrayList<>();
    if (ResultsJson.sampleFlows(run)) {
      parts.add(count(style, GREEN, run.count(Verdict.PASS), "flow passed", "flows passed"));
    } else {
      parts.add(count(style, GREEN, run.count(Verdict.PASS), "passed", "passed"));
    }
    parts.add(count(style, RED, run.count(Verdict.FAIL), "failed", "failed"));
    parts.add(count(style, YELLOW, run.count(Verdict.ERROR), "error", "errors"));
    parts.add(count(style, DIM, run.count(Verdict.SKIP), "skipped", "skipped"));
    return String.join(", ", parts) + " in " + Text.duration(ResultsJson.runMillis(run));
  }

  /** {@code Runtime: <url>, Genkit <version>, started (pid N), log <file>}, or {@code attached}. */
  public static String runtimeLine(RuntimeInfo rt) {
    StringBuilder sb = new StringBuilder("Runtime");
    rt.name().ifPresent(n -> sb.append(' ').append(n));
    sb.append(": ");
    if (rt.url().isBlank() && rt.name().isPresent()) {
      sb.append("not reached");
      if (!rt.command().isEmpty()) {
        sb.append(" (").append(Redaction.redact(String.join(" ", rt.command()))).append(')');
      }
      return Text.escapeControls(sb.toString());
    }
    sb.append(rt.url());
    sb.append(", Genkit ").append(rt.genkitVersion().orElse("version unknown"));
    sb.append(rt.attached() ? ", attached" : ", started");
    if (rt.pid().isPresent()) {
      sb.append(" (pid ").append(rt.pid().getAsLong()).append(')');
    }
    rt.logFile().ifPresent(log -> sb.append(", log ").append(log));
    return Text.escapeControls(sb.toString());
  }

  private static int nameWidth(RunResult run) {
    return Math.min(
        MAX_NAME_COLUMN,
        run.results().stream()
            .mapToInt(r -> Text.width(Text.escapeControls(r.test().name())))
            .max()
            .orElse(0));
  }

  private static int durationWidth(RunResult run) {
    return run.results().stream()
        .filter(r -> r.verdict() != Verdict.SKIP)
        .mapToInt(r -> Text.width(Text.duration(r.durationMillis())))
        .max()
        .orElse(0);
  }

  private static String groupHeader(PhaseTable.Group group, ConsoleStyle style) {
    return group.unplanned()
        ? unplannedHeader(style)
        : phaseHeader(group.phase().getAsInt(), group.title(), style);
  }

  /** Columns padded (text left, counts right) and joined by two spaces; no status column. */
  private static String tableLine(String[] cells, int[] widths) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        sb.append("  ");
      }
      sb.append(
          i < 2 ? Text.padRightColumns(cells[i], widths[i]) : Text.padLeft(cells[i], widths[i]));
    }
    return sb.toString();
  }

  private static String statusMark(PhaseTable.Status status, ConsoleStyle style) {
    switch (status) {
      case PASS:
        return mark(Verdict.PASS, style);
      case FAIL:
        return mark(Verdict.FAIL, style);
      case SKIP:
      default:
        return mark(Verdict.SKIP, style);
    }
  }

  private static String cellText(FeatureCoverage.Cell cell, ConsoleStyle style) {
    switch (cell) {
      case PASS:
        return style.unicode() ? "✅" : "ok";
      case FAIL:
        return style.unicode() ? "❌" : "FAIL";
      case SKIP:
        return style.unicode() ? "⏭" : "skip";
      case NONE:
      default:
        return style.unicode() ? "·" : "-";
    }
  }

  /** Emoji bring their own colour; the ASCII words and the dot are painted. */
  private static String paintCell(FeatureCoverage.Cell cell, String text, ConsoleStyle style) {
    switch (cell) {
      case PASS:
        return style.unicode() ? text : paint(style, GREEN, text);
      case FAIL:
        return style.unicode() ? text : paint(style, RED, text);
      case SKIP:
      case NONE:
      default:
        return paint(style, DIM, text);
    }
  }

  private static String row(TestResult r, ConsoleStyle style, int nameWidth, int durationWidth) {
    String name = Text.padRight(Text.escapeControls(r.test().name()), nameWidth);
    String mark = mark(r.verdict(), style);
    if (r.verdict() == Verdict.SKIP) {
      String rest = name + "  " + " ".repeat(durationWidth) + "  skipped: " + reason(r, style);
      return mark + " " + paint(style, DIM, rest.stripTrailing());
    }
    String duration = Text.padLeft(Text.duration(r.durationMillis()), durationWidth);
    String detail = detail(r, style);
    String line = mark + " " + name + "  " + duration;
    return detail.isEmpty() ? line : line + "  " + detail;
  }

  /** The reason for FAIL/ERROR; stream facts and retries for PASS. */
  private static String detail(TestResult r, ConsoleStyle style) {
    if (r.verdict() != Verdict.PASS) {
      return reason(r, style);
    }
    String facts = facts(r);
    return facts.isEmpty() ? "" : paint(style, DIM, facts);
  }

  /** {@code first chunk 85 ms, 7 chunks, 2 attempts}, or empty when there is nothing to say. */
  private static String facts(TestResult r) {
    List<String> facts = new ArrayList<>();
    if (r.test().stream()) {
      r.timeToFirstChunkMillis().ifPresent(ms -> facts.add("first chunk " + Text.duration(ms)));
      facts.add(r.chunkCount() + (r.chunkCount() == 1 ? " chunk" : " chunks"));
    }
    if (r.attempts() > 1) {
      facts.add(r.attempts() + " attempts");
    }
    return String.join(", ", facts);
  }

  private static String reason(TestResult r, ConsoleStyle style) {
    String reason = Redaction.redact(r.reason()).strip();
    String ellipsis = style.unicode() ? "…" : "...";
    if (!style.unicode()) {
      reason = reason.replace("…", "...");
    }
    // Multi-line reasons (pretty-printed JSON in the peer's messages) are folded onto one line;
    // results.json and junit.xml keep them whole.
    String folded = Text.escapeControls(reason.replaceAll("\\s*\\R\\s*", " ")).strip();
    return Text.truncate(folded, MAX_REASON_CHARS, ellipsis);
  }

  private static String mark(Verdict verdict, ConsoleStyle style) {
    switch (verdict) {
      case PASS:
        return paint(style, GREEN, style.unicode() ? "✓" : "PASS");
      case FAIL:
        return paint(style, RED, style.unicode() ? "✗" : "FAIL");
      case ERROR:
        return paint(style, YELLOW, style.unicode() ? "!" : "ERR ");
      case SKIP:
      default:
        return paint(style, DIM, style.unicode() ? "○" : "SKIP");
    }
  }

  private static String count(
      ConsoleStyle style, String color, long n, String singular, String plural) {
    String text = n + " " + (n == 1 ? singular : plural);
    return n > 0 ? paint(style, color, text) : text;
  }

  private static String paint(ConsoleStyle style, String color, String text) {
    return style.color() ? color + text + RESET : text;
  }
}
