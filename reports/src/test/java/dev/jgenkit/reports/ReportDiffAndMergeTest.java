package dev.jgenkit.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgenkit.runners.plan.PlannedTest;
import dev.jgenkit.runners.results.RunResult;
import dev.jgenkit.runners.results.TestResult;
import dev.jgenkit.runners.results.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ReportDiffAndMergeTest {
  private static TestResult r(int i, String model, String name, Verdict v, long ms) {
    PlannedTest t = SampleRuns.planned(i, 0, model, name, null, false, 1, 1);
    return SampleRuns.result(t, v, v == Verdict.PASS ? "" : "because " + name, 1, ms, OptionalLong.empty(), 0);
  }

  private static RunResult run(TestResult... results) {
    return SampleRuns.withResults(List.of(results));
  }

  @Test
  void classifiesEveryKindOfChangeAndFlagsRegressions() {
    // given
    RunResult base = run(
        r(0, "m", "stays", Verdict.PASS, 100),
        r(1, "m", "breaks", Verdict.PASS, 100),
        r(2, "m", "heals", Verdict.FAIL, 100),
        r(3, "m", "skips", Verdict.PASS, 100),
        r(4, "m", "unskips", Verdict.SKIP, 0),
        r(5, "m", "slows", Verdict.PASS, 100),
        r(6, "m", "speeds", Verdict.PASS, 1000),
        r(7, "m", "goes", Verdict.PASS, 100));
    RunResult now = run(
        r(0, "m", "stays", Verdict.PASS, 120),
        r(1, "m", "breaks", Verdict.ERROR, 100),
        r(2, "m", "heals", Verdict.PASS, 100),
        r(3, "m", "skips", Verdict.SKIP, 0),
        r(4, "m", "unskips", Verdict.PASS, 100),
        r(5, "m", "slows", Verdict.PASS, 900),
        r(6, "m", "speeds", Verdict.PASS, 100),
        r(8, "m", "arrives", Verdict.PASS, 100));

    // when
    ReportDiff diff = ReportDiff.of(base, now, 1.5, 100);

    // then
    assertThat(diff.changes()).extracting(c -> c.kind() + " " + c.key().substring(c.key().indexOf(' ') + 1))
        .containsExactly(
            "NEW_FAILURE m › breaks", "FIXED m › heals", "NEWLY_SKIPPED m › skips", "UNSKIPPED m › unskips",
            "SLOWER m › slows", "FASTER m › speeds", "NEW_CHECK m › arrives", "REMOVED_CHECK m › goes");
    assertThat(diff.regressed()).isTrue();
    assertThat(diff.render()).contains("New failures (1)\n  m › breaks  PASS → ERROR  because breaks\n");
  }

  @Test
  void duplicateNamesAreMatchedByOccurrence() {
    RunResult base = run(r(0, "m", "same", Verdict.PASS, 10), r(1, "m", "same", Verdict.PASS, 10));
    RunResult now = run(r(0, "m", "same", Verdict.PASS, 10), r(1, "m", "same", Verdict.FAIL, 10));

    ReportDiff diff = ReportDiff.of(base, now, 1.5, 100);

    assertThat(diff.changes()).singleElement().satisfies(c -> assertThat(c.key()).endsWith("same #2"));
  }

  @Test
  void noChangeIsSaidPlainly() {
    RunResult base = run(r(0, "m", "a", Verdict.PASS, 10));

    ReportDiff diff = ReportDiff.of(base, base, 1.5, 100);

    assertThat(diff.regressed()).isFalse();
    assertThat(diff.render()).startsWith("No changes");
  }

  @Test
  void mergingShardsRenumbersSuitesAndKeepsOrder() throws Exception {
    RunResult a = run(r(0, "m1", "a", Verdict.PASS, 10), r(1, "m1", "b", Verdict.FAIL, 10));
    RunResult b = run(r(0, "m2", "c", Verdict.SKIP, 0));

    RunResult merged = ReportMerge.merge(List.of(a, b));

    assertThat(merged.results()).extracting(t -> t.test().index() + ":" + t.test().suiteIndex() + ":" + t.test().name())
        .containsExactly("0:0:a", "1:0:b", "2:1:c");
    assertThat(merged.count(Verdict.FAIL)).isEqualTo(1);
    assertThat(ResultsJson.writeString(merged)).contains("\"total\": 3");
  }

  @Test
  void runsOfDifferentCommandsDoNotMerge() {
    List<RunResult> runs = new ArrayList<>(List.of(SampleRuns.full(), SampleRuns.sampleFlows()));

    assertThatThrownBy(() -> ReportMerge.merge(runs)).hasMessageContaining("cannot merge a test-model run with a sample-flows run");
  }
}
