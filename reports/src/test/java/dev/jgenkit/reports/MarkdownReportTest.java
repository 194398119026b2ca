package dev.jgenkit.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgenkit.runners.plan.PlannedTest;
import dev.jgenkit.runners.results.RunResult;
import dev.jgenkit.runners.results.TestResult;
import dev.jgenkit.runners.results.Verdict;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class MarkdownReportTest {
  @Test
  void matchesTheGoldenFileForATestModelRun() throws Exception {
    // given
    RunResult run = SampleRuns.full();

    // when
    String md = MarkdownReport.render(List.of(run));

    // then
    Golden.assertMatches("report.md", md);
  }

  @Test
  void matchesTheGoldenFileForASampleFlowsRun() throws Exception {
    Golden.assertMatches(
        "report-sample-flows.md", MarkdownReport.render(List.of(SampleRuns.sampleFlows())));
  }

  @Test
  void matchesTheGoldenFileForTwoRuntimes() throws Exception {
    Golden.assertMatches(
        "report-two-runtimes.md", MarkdownReport.render(MultiRuntimeRuns.twoRuntimes()));
  }

  @Test
  void startsWithTheSummaryLineOfAllRuns() {
    // when
    String md = MarkdownReport.render(MultiRuntimeRuns.twoRuntimes());

    // then: 8 + 7 checks; passes 3 + 3, fails 2 + 1, errors 2 + 1, skips 1 + 2
    assertThat(md.lines().toList().get(2))
        .isEqualTo(
            "**15 tests: ✅ 6 passed · ❌ 3 failed · 💥 3 errors · ⏭️ 3 skipped** in 166.8 s");
  }

  @Test
  void putsOneModelsRuntimesSideBySideInTheMatrixHeader() {
    // when
    String md = MarkdownReport.render(MultiRuntimeRuns.twoRuntimes());

    // then
    assertThat(md)
        .contains(
            "| Capability / test | reference/good<br>Genkit 1.21.0 | reference/good<br>Genkit"
                + " 1.22.0 | /model/other/echo<br>Genkit 1.21.0 |"
                + " googleai/gemini-2.5-flash<br>Genkit 1.22.0 |");
  }

  @Test
  void labelsASingleRuntimesColumnsWithTheModelOnly() {
    // when
    String md = MarkdownReport.render(List.of(SampleRuns.full()));

    // then
    assertThat(md).contains("| Capability / test | reference/good | /model/other/echo |");
  }

  @Test
  void reasonsAreRedactedNumberedNotesSharedByIdenticalReasons() {
    // when
    String md = MarkdownReport.render(MultiRuntimeRuns.twoRuntimes());

    // then: "model declares media: false" is skipped on both runtimes, one note
    assertThat(md).contains("| `input-image-url` | ⏭️<sup>5</sup> | ⏭️<sup>5</sup> | · | · |");
    assertThat(md).contains("\n5. model declares media: false\n");
    assertThat(md).doesNotContain("sk-live-123456").contains("Authorization: \\*\\*\\*");
  }

  @Test
  void escapesPipesNewlinesAndMarkupInReasonsSoTablesAndListsHold() {
    // given
    String reason = "a | b\n<script>alert(1)</script> [x](http://e.vil) `code` $x$ *em* &amp;";
    RunResult run =
        SampleRuns.withResults(
            List.of(
                SampleRuns.result(
                    SampleRuns.planned(0, 0, "m|x", "T", "tool-request", false, 1, 1),
                    Verdict.FAIL,
                    reason,
                    1,
                    1,
                    OptionalLong.empty(),
                    0)));

    // when
    String md = MarkdownReport.render(List.of(run));

    // then
    assertThat(md).contains("| Capability / test | m\\|x |");
    assertThat(md)
        .contains(
            "1. a \\| b \\<script\\>alert(1)\\</script\\> \\[x\\](http://e.vil) \\`code\\`"
                + " \\$x\\$ \\*em\\* \\&amp;\n");
    assertThat(md).doesNotContain("<script>");
  }

  @Test
  void aNoteThatLooksLikeABlockStaysText() {
    // given
    RunResult run =
        SampleRuns.withResults(
            List.of(
                failing(0, "- not a list"), failing(1, "12. not a list"), failing(2, "# no")));

    // when
    String md = MarkdownReport.render(List.of(run));

    // then
    assertThat(md).contains("1. \\- not a list\n", "2. 12\\. not a list\n", "3. \\# no\n");
  }

  @Test
  void staysUnderOneMebibyteByDroppingPassingDetailThenNotes() {
    // given: 4000 distinct 500-character reasons (about 2 MB of notes) and 4000 passes
    List<TestResult> results = new ArrayList<>();
    for (int i = 0; i < 4000; i++) {
      results.add(failing(2 * i, i + " " + "x".repeat(600)));
      results.add(SampleRuns.pass(test(2 * i + 1), 5, java.util.Optional.empty(), null));
    }
    RunResult run = SampleRuns.withResults(results);

    // when
    String md = MarkdownReport.render(List.of(run));

    // then
    assertThat(md.getBytes(StandardCharsets.UTF_8).length)
        .isLessThanOrEqualTo(MarkdownReport.MAX_BYTES);
    assertThat(md)
        .contains("1. 0 xxx")
        .containsPattern("> Notes \\d+–4000 \\(\\d+ notes\\) are left out to keep this report")
        .contains("Left out to keep this report under 1 MiB")
        .endsWith("</details>\n");
  }

  @Test
  void aSmallCapDropsThePassingDetailFirst() {
    // given
    RunResult run = SampleRuns.full();
    int full = MarkdownReport.render(List.of(run)).getBytes(StandardCharsets.UTF_8).length;

    // when
    String md = MarkdownReport.render(List.of(run), full - 1);

    // then
    assertThat(md).contains("Left out to keep this report under 1 MiB");
    assertThat(md).doesNotContain("> Notes ");
    assertThat(md.getBytes(StandardCharsets.UTF_8).length).isLessThan(full);
  }

  @Test
  void aCapTooSmallForTheMatrixCutsAtALineAndSaysSo() {
    // when
    String md = MarkdownReport.render(List.of(SampleRuns.full()), 400);

    // then
    assertThat(md.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(400);
    assertThat(md).startsWith("# jgenkit report\n").endsWith("see report.html or results.json.\n");
  }

  @Test
  void anEmptyRunSaysSo() throws Exception {
    // when
    String md = MarkdownReport.render(List.of(SampleRuns.emptyAttached()));

    // then
    Golden.assertMatches("report-empty.md", md);
    assertThat(md).contains("No checks ran.", "> ⚠️ **Interrupted**");
  }

  private static TestResult failing(int index, String reason) {
    return SampleRuns.result(
        test(index), Verdict.FAIL, reason, 1, 1, OptionalLong.empty(), 0);
  }

  private static PlannedTest test(int index) {
    return SampleRuns.planned(index, 0, "m", "Test " + index, null, false, 1, 1);
  }
}
