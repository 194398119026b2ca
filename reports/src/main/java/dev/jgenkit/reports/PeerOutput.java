package dev.jgenkit.reports;

import dev.jgenkit.runners.results.RunResult;
import dev.jgenkit.runners.results.TestResult;
import dev.jgenkit.runners.results.Verdict;
import java.util.List;

/**
 * The lines {@code genkit dev:test-model} prints when stdout is not a terminal, for scripts that
 * parse them (conform's {@code --runner cli} reads {@code Tests Completed: <P> Passed, <F>
 * Failed}).
 *
 * <p>Per suite in spec order: {@code Testing model: <model>}, a {@code Running test: <name>...}
 * line per test, then {@code ✅ Passed: <name>} or {@code Error: ❌ Failed: <name> - <reason>} per
 * test (the peer's winston logger prefixes error lines with {@code Error: }; FAIL and ERROR look
 * the same). The peer has no skip state, so SKIP tests are left out entirely. Then a line of 50
 * {@code -} and the totals, where Failed counts FAIL and ERROR. Unlike the peer, whose suites run
 * tests concurrently and interleave their lines, results come in plan order. Test names and models
 * are printed as written; reasons are redacted and have terminal control characters escaped.
 */
public final class PeerOutput {
  /** The separator the peer prints before the totals. */
  public static final String SEPARATOR = "-".repeat(50);

  private static final String TOTALS_PREFIX = "Tests Completed:";

  private PeerOutput() {}

  /** All lines, each ending with {@code \n}. */
  public static String render(RunResult run) {
    StringBuilder out = new StringBuilder();
    long passed = 0;
    long failed = 0;
    for (List<TestResult> suite : run.bySuite()) {
      line(out, "Testing model: " + suite.get(0).test().model());
      List<TestResult> ran = suite.stream().filter(r -> r.verdict() != Verdict.SKIP).toList();
      for (TestResult r : ran) {
        line(out, "Running test: " + r.test().name() + "...");
      }
      for (TestResult r : ran) {
        if (r.verdict() == Verdict.PASS) {
          passed++;
          line(out, "✅ Passed: " + r.test().name());
        } else {
          failed++;
          line(out, "Error: ❌ Failed: " + r.test().name() + " - " + reason(r));
        }
      }
    }
    line(out, SEPARATOR);
    line(out, TOTALS_PREFIX + " " + passed + " Passed, " + failed + " Failed");
    return out.toString();
  }

  /**
   * The redacted reason, line breaks kept (the peer prints multi-line stack traces) but other
   * control characters escaped, and any {@code Tests Completed:} inside it defused so that text a
   * model produced cannot forge the totals line a script greps for.
   */
  private static String reason(TestResult r) {
    String text = Text.escapeControls(Redaction.redact(r.reason()), true);
    return text.replace(TOTALS_PREFIX, "Tests Completed -");
  }

  private static void line(StringBuilder out, String text) {
    out.append(text).append('\n');
  }
}
