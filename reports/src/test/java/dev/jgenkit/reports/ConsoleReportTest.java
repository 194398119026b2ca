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
  void sampleFlowsPlainMatchesTheGoldenFile() throws Exception {
    Golden.assertMatches(
        "console-sample-flows-plain.txt", ConsoleReport.render(SampleRuns.sampleFlows(), PLAIN));
  }

  @Test
  void sampleFlowsAsciiMatchesTheGoldenFile() throws Exception {
    Golden.assertMatches(
        "console-sample-flows-ascii.txt", ConsoleReport.render(SampleRuns.sampleFlows(), ASCII));
  }

  @Test
  void sampleFlowsColourMatchesTheGoldenFile() throws Exception {
    Golden.assertMatches(
        "console-sample-flows-color.txt", ConsoleReport.render(SampleRuns.sampleFlows(), RICH));
  }

  @Test
  void sampleFlowsReportHasNoEscapesWithoutColourAndOnlyAsciiWithoutUnicode() {
    // given
    RunResult run = SampleRuns.sampleFlows();

    // when
    String plain = ConsoleReport.render(run, PLAIN);
    String ascii = ConsoleReport.render(run, ASCII);

    // then
    assertThat(plain).doesNotContain("\u001B").doesNotContain("Runtime: ");
    assertThat(ascii.chars()).allMatch(c -> c == '\n' || (c >= 0x20 && c < 0x7f));
  }

  @Test
  void sampleFlowsReportGroupsSamplesUnderPhaseHeadersInRunOrder() {
    // given
    String report = ConsoleReport.render(SampleRuns.sampleFlows(), PLAIN);

    // when
    List<String> headers =
        report.lines().filter(l -> l.matches("Phase \\d.*") || l.startsWith("Not in")).toList();

    // then
    assertThat(headers)
        .containsExactly(
            "Phase 1 · Core Framework",
            "Phase 2 · Google GenAI",
            "Phase 3 · Multi-Provider",
            "Not in the plan");
    assertThat(report)
        .containsSubsequence(
            "  framework-tool-interrupts  Genkit 1.21.0, log .jgenkit/samples/runtime-5001.log\n",
            "    ✓ interruptFlow ",
            "  framework-format-demo",
            "    ✗ customFormatFlow ",
            "  provider-google-genai-hello\n",
            "    ○ (start) ",
            "  provider-ollama-hello",
            "    ! (start) ",
            "  local-echo",
            "    ✓ echoFlow");
  }

  @Test
  void sampleFlowsReportEndsWithTheFlowSummaryAndTheMissingVariables() {
    // given
    String[] lines = ConsoleReport.render(SampleRuns.sampleFlows(), PLAIN).split("\n");

    // when
    int n = lines.length;

    // then
    assertThat(lines[n - 3]).isEqualTo("4 flows passed, 1 failed, 1 error, 2 skipped in 124.3 s");
    assertThat(lines[n - 2]).isEqualTo("Samples: 2 passed, 2 failed, 1 skipped");
    assertThat(lines[n - 1]).isEqualTo("○ provider-google-genai-hello needs GEMINI_API_KEY");
  }

  @Test
  void phaseTableAlignsItsColumnsAndShowsEachPhaseOnce() {
    // given
    PhaseTable table = PhaseTable.of(SampleRuns.sampleFlows());

    // when
    String[] lines = ConsoleReport.phaseTable(table, PLAIN).split("\n");

    // then
    assertThat(lines)
        .containsExactly(
            "Phase  Sample                       Passed  Failed  Errored  Skipped  Status",
            "1      framework-tool-interrupts         2       0        0        0  ✓",
            "       framework-format-demo             1       1        0        1  ✗",
            "2      provider-google-genai-hello       0       0        0        1  ○",
            "3      provider-ollama-hello             0       0        1        0  ✗",
            "-      local-echo                        1       0        0        0  ✓");
  }

  @Test
  void featureMatrixAlignsEmojiCellsByTerminalColumns() {
    // given
    FeatureCoverage coverage = FeatureCoverage.of(SampleRuns.sampleFlows());

    // when
    String plain = ConsoleReport.featureCoverage(coverage, PLAIN);
    String ascii = ConsoleReport.featureCoverage(coverage, ASCII);

    // then
    assertThat(plain.split("\n"))
        .containsExactly(
            "Feature            Phase 1  Phase 2  Phase 3",
            "Tool interrupts    ✅       ·        ·",
            "@ai.tool() basic   ✅       ⏭        ❌",
            "Streaming          ❌       ⏭        ❌",
            "Structured output  ❌       ⏭        ·",
            "Vision/multimodal  ·        ⏭        ·",
            "RAG/retrieval      ·        ·        ❌");
    assertThat(ascii.split("\n"))
        .contains(
            "Feature            Phase 1  Phase 2  Phase 3",
            "@ai.tool() basic   ok       skip     FAIL",
            "Vision/multimodal  -        skip     -");
  }

  @Test
  void headersForStreamingProgress() {
    // given
    RunResult run = SampleRuns.sampleFlows();

    // when / then
    assertThat(ConsoleReport.phaseHeader(1, "Core Framework", PLAIN))
        .isEqualTo("Phase 1 · Core Framework");
    assertThat(ConsoleReport.phaseHeader(2, "Google GenAI", ASCII))
        .isEqualTo("Phase 2 - Google GenAI");
    assertThat(ConsoleReport.phaseHeader(4, "", PLAIN)).isEqualTo("Phase 4");
    assertThat(ConsoleReport.phaseHeader(1, "Core", RICH))
        .isEqualTo("\u001B[1mPhase 1 · Core\u001B[0m");
    assertThat(ConsoleReport.unplannedHeader(PLAIN)).isEqualTo("Not in the plan");
    assertThat(ConsoleReport.sampleHeader(run.samples().get(2), PLAIN))
        .isEqualTo("  provider-google-genai-hello");
    assertThat(ConsoleReport.sampleHeader(run.samples().get(0), ASCII))
        .isEqualTo(
            "  framework-tool-interrupts  Genkit 1.21.0, log .jgenkit/samples/runtime-5001.log");
    assertThat(ConsoleReport.flowRow(run.results().get(0), PLAIN, 16))
        .isEqualTo("    ✓ interruptFlow       12 ms");
    assertThat(ConsoleReport.testLine(run.results().get(0), PLAIN))
        .isEqualTo("✓ framework-tool-interrupts › interruptFlow (12 ms)");
  }

  @Test
  void sampleSummaryIsWhatTheReportPrintsAfterTheTree() {
    // given: a CLI that streamed the tree prints a blank line and the sample summary
    RunResult run = SampleRuns.sampleFlows();
    String report = ConsoleReport.render(run, PLAIN);

    // when
    String summary = ConsoleReport.sampleSummary(run, PLAIN);

    // then
    assertThat(report).endsWith("\n\n" + summary);
    assertThat(summary).startsWith("Phase  Sample ").endsWith("needs GEMINI_API_KEY\n");
    assertThat(ConsoleReport.samplesLine(PhaseTable.of(run), ASCII))
        .isEqualTo("Samples: 2 passed, 2 failed, 1 skipped");
  }

  @Test
  void interruptedSampleFlowsRunSaysSoBeforeTheSummary() {
    // given
    RunResult full = SampleRuns.sampleFlows();
    RunResult run =
        new RunResult(
            full.tool(),
            full.toolVersion(),
            full.specFiles(),
            full.runtime(),
            full.startedAt(),
            full.finishedAt(),
            full.results().subList(0, 2),
            true,
            RunResult.SAMPLE_FLOWS,
            full.samples().subList(0, 1));

    // when
    String summary = ConsoleReport.sampleSummary(run, PLAIN);

    // then
    assertThat(summary)
        .contains(
            "Interrupted: results are incomplete.\n"
                + "2 flows passed, 0 failed, 0 errors, 0 skipped in 124.3 s\n"
                + "Samples: 1 passed, 0 failed, 0 skipped\n");
  }

  @Test
  void summarySaysFlowsForSampleFlowsRuns() {
    // given
    RunResult one =
        SampleRuns.sampleFlows(
            List.of(SampleRuns.sampleFlows().samples().get(4)),
            List.of(SampleRuns.sampleFlows().results().get(7)));

    // when / then
    assertThat(ConsoleReport.summary(SampleRuns.sampleFlows(), PLAIN))
        .isEqualTo("4 flows passed, 1 failed, 1 error, 2 skipped in 124.3 s");
    assertThat(ConsoleReport.summary(one, PLAIN))
        .isEqualTo("1 flow passed, 0 failed, 0 errors, 0 skipped in 124.3 s");
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
