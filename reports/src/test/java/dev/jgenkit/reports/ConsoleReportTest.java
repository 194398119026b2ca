package dev.jgenkit.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgenkit.runners.results.RunResult;
import dev.jgenkit.runners.results.TestResult;
import dev.jgenkit.runners.results.Verdict;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ConsoleReportTest {
  private static final ConsoleStyle PLAIN = new ConsoleStyle(false, true);
  private static final ConsoleStyle ASCII = new ConsoleStyle(false, false);
  private static final ConsoleStyle RICH = new ConsoleStyle(true, true);

  @Test
  void plainUnicodeMatchesTheGoldenFile() throws Exception {
    Golden.assertMatches("console-plain.txt", ConsoleReport.render(SampleRuns.full(), PLAIN));
  }

  @Test
  void asciiMatchesTheGoldenFile() throws Exception {
    Golden.assertMatches("console-ascii.txt", ConsoleReport.render(SampleRuns.full(), ASCII));
  }

  @Test
  void colourMatchesTheGoldenFile() throws Exception {
    Golden.assertMatches("console-color.txt", ConsoleReport.render(SampleRuns.full(), RICH));
  }

  @Test
  void emptyInterruptedRunMatchesTheGoldenFile() throws Exception {
    Golden.assertMatches(
        "console-empty.txt", ConsoleReport.render(SampleRuns.emptyAttached(), PLAIN));
  }

  @Test
  void withoutColourThereAreNoEscapesAndWithoutUnicodeOnlyAscii() {
    // given
    RunResult run = SampleRuns.full();

    // when
    String plain = ConsoleReport.render(run, PLAIN);
    String ascii = ConsoleReport.render(run, ASCII);

    // then
    assertThat(plain).doesNotContain("\u001B");
    assertThat(ascii.chars()).allMatch(c -> c == '\n' || (c >= 0x20 && c < 0x7f));
  }

  @Test
  void alignsNamesAndRightAlignsDurations() {
    // given
    String[] lines = ConsoleReport.render(SampleRuns.full(), PLAIN).split("\n");

    // when
    String pass = lines[1];
    String hang = lines[5];

    // then
    assertThat(pass).startsWith("  ✓ Tool Request Conformance ");
    assertThat(pass.indexOf("12 ms") + "12 ms".length())
        .isEqualTo(hang.indexOf("120.0 s") + "120.0 s".length());
    assertThat(hang).endsWith("120.0 s  timed out after 120 s (cancelled)");
  }

  @Test
  void foldsAReasonOntoOneLineCappedAtOneHundredChars() {
    // given
    TestResult longReason =
        SampleRuns.result(
            SampleRuns.planned(0, 0, "m", "t", null, false, 1, 1),
            Verdict.FAIL,
            "x".repeat(300),
            1,
            5,
            OptionalLong.empty(),
            0);
    TestResult twoLines =
        SampleRuns.result(
            SampleRuns.planned(1, 0, "m", "u", null, false, 1, 1),
            Verdict.ERROR,
            "\n  first\nsecond",
            1,
            5,
            OptionalLong.empty(),
            0);

    // when
    String[] lines =
        ConsoleReport.render(SampleRuns.withResults(List.of(longReason, twoLines)), PLAIN)
            .split("\n");

    // then
    assertThat(lines[1]).isEqualTo("  ✗ t  5 ms  " + "x".repeat(99) + "…");
    assertThat(lines[2]).isEqualTo("  ! u  5 ms  first second");
  }

  @Test
  void summaryPluralisesAndReportsTheRunDuration() {
    // given
    RunResult run = SampleRuns.full();

    // when
    String summary = ConsoleReport.summary(run, PLAIN);

    // then
    assertThat(summary).isEqualTo("3 passed, 2 failed, 2 errors, 1 skipped in 124.3 s");
  }

  @Test
  void runtimeLineSaysWhetherJgenkitStartedOrAttached() {
    assertThat(ConsoleReport.runtimeLine(SampleRuns.full().runtime()))
        .isEqualTo(
            "Runtime: http://127.0.0.1:3100, Genkit 1.21.0, started (pid 4242),"
                + " log .jgenkit/runtime-4242.log");
    assertThat(ConsoleReport.runtimeLine(SampleRuns.emptyAttached().runtime()))
        .isEqualTo("Runtime: http://localhost:3100, Genkit version unknown, attached");
  }

  @Test
  void testLinesMatchTheGoldenFile() throws Exception {
    // given
    StringBuilder out = new StringBuilder();

    // when
    for (ConsoleStyle style : List.of(PLAIN, ASCII, RICH)) {
      for (TestResult r : SampleRuns.full().results()) {
        out.append(ConsoleReport.testLine(r, style)).append('\n');
      }
    }

    // then
    Golden.assertMatches("console-test-lines.txt", out.toString());
  }

  @Test
  void testLineIsOneSelfContainedLine() {
    // given
    List<TestResult> results = SampleRuns.full().results();

    // when
    String pass = ConsoleReport.testLine(results.get(0), PLAIN);
    String fail = ConsoleReport.testLine(results.get(5), ASCII);
    String skip = ConsoleReport.testLine(results.get(3), PLAIN);

    // then
    assertThat(pass).isEqualTo("✓ reference/good › Tool Request Conformance (12 ms)");
    assertThat(fail)
        .startsWith(
            "FAIL /model/other/echo > Streaming Tool Request Conformance (640 ms): Expected")
        .doesNotContain("\n")
        .contains("red second line")
        .endsWith("...");
    assertThat(skip)
        .isEqualTo(
            "○ reference/good › Image Input (URL) Conformance skipped: model declares media:"
                + " false");
  }

  @Test
  void asciiStyleSpellsTheRedactionEllipsisInAscii() {
    // given
    TestResult dataUrl =
        SampleRuns.result(
            SampleRuns.planned(0, 0, "m", "t", null, false, 1, 1),
            Verdict.FAIL,
            "bad image data:image/png;base64," + SampleRuns.LONG_BASE64,
            1,
            5,
            OptionalLong.empty(),
            0);

    // when
    String line = ConsoleReport.testLine(dataUrl, ASCII);

    // then
    assertThat(line)
        .isEqualTo(
            "FAIL m > t (5 ms): bad image data:image/png;base64,iVBORw0KGgoAAAAN...(150 bytes)");
  }
}
