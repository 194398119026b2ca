package dev.jgenkit.reports;

import dev.jgenkit.runners.plan.PlannedTest;
import dev.jgenkit.runners.results.RunResult;
import dev.jgenkit.runners.results.RuntimeInfo;
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
 * <p>Reasons are shown as their first line, at most {@value #MAX_REASON_CHARS} characters, with
 * terminal control characters escaped. Every line ends with {@code \n}.
 */
public final class ConsoleReport {
  /** Longest reason (in code points) shown on a test line. */
  public static final int MAX_REASON_CHARS = 100;

  private static final int DURATION_WIDTH = 7;

  // Names longer than this do not widen the column for everyone else.
  private static final int MAX_NAME_COLUMN = 60;

  private static final String RESET = "\u001B[0m";
  private static final String BOLD = "\u001B[1m";
  private static final String DIM = "\u001B[2m";
  private static final String RED = "\u001B[31m";
  private static final String GREEN = "\u001B[32m";
  private static final String YELLOW = "\u001B[33m";

  private ConsoleReport() {}

  /** The whole report: tree, blank line, optional interruption note, summary, runtime. */
  public static String render(RunResult run, ConsoleStyle style) {
    int nameWidth =
        Math.min(
            MAX_NAME_COLUMN,
            run.results().stream()
                .mapToInt(r -> Text.width(Text.escapeControls(r.test().name())))
                .max()
                .orElse(0));
    int durationWidth =
        run.results().stream()
            .filter(r -> r.verdict() != Verdict.SKIP)
            .mapToInt(r -> Text.width(Text.duration(r.durationMillis())))
            .max()
            .orElse(0);
    StringBuilder out = new StringBuilder();
    for (List<TestResult> suite : run.bySuite()) {
      String model = Text.escapeControls(suite.get(0).test().model());
      out.append(paint(style, BOLD, model)).append('\n');
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
    out.append(runtimeLine(run.runtime())).append('\n');
    return out.toString();
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

  /** {@code 14 passed, 2 failed, 1 error, 3 skipped in 4.2 s}. */
  public static String summary(RunResult run, ConsoleStyle style) {
    List<String> parts = new ArrayList<>();
    parts.add(count(style, GREEN, run.count(Verdict.PASS), "passed", "passed"));
    parts.add(count(style, RED, run.count(Verdict.FAIL), "failed", "failed"));
    parts.add(count(style, YELLOW, run.count(Verdict.ERROR), "error", "errors"));
    parts.add(count(style, DIM, run.count(Verdict.SKIP), "skipped", "skipped"));
    return String.join(", ", parts) + " in " + Text.duration(ResultsJson.runMillis(run));
  }

  /** {@code Runtime: <url>, Genkit <version>, started (pid N), log <file>}, or {@code attached}. */
  public static String runtimeLine(RuntimeInfo rt) {
    StringBuilder sb = new StringBuilder("Runtime: ").append(rt.url());
    sb.append(", Genkit ").append(rt.genkitVersion().orElse("version unknown"));
    sb.append(rt.attached() ? ", attached" : ", started");
    if (rt.pid().isPresent()) {
      sb.append(" (pid ").append(rt.pid().getAsLong()).append(')');
    }
    rt.logFile().ifPresent(log -> sb.append(", log ").append(log));
    return Text.escapeControls(sb.toString());
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
