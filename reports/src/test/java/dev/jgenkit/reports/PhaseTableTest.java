package dev.jgenkit.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgenkit.reports.PhaseTable.Counts;
import dev.jgenkit.reports.PhaseTable.Group;
import dev.jgenkit.reports.PhaseTable.Status;
import dev.jgenkit.runners.results.RunResult;
import dev.jgenkit.runners.results.SampleInfo;
import dev.jgenkit.runners.results.TestResult;
import dev.jgenkit.runners.results.Verdict;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class PhaseTableTest {
  @Test
  void groupsSamplesByPhaseInPlanOrderWithUnplannedSamplesLast() {
    // given
    RunResult run = SampleRuns.sampleFlows();

    // when
    PhaseTable table = PhaseTable.of(run);

    // then
    assertThat(table.groups())
        .extracting(Group::phase)
        .containsExactly(
            OptionalInt.of(1), OptionalInt.of(2), OptionalInt.of(3), OptionalInt.empty());
    assertThat(table.groups())
        .extracting(Group::title)
        .containsExactly("Core Framework", "Google GenAI", "Multi-Provider", "");
    assertThat(table.groups().get(0).samples())
        .extracting(PhaseTable.Row::name)
        .containsExactly("framework-tool-interrupts", "framework-format-demo");
    assertThat(table.groups().get(3).unplanned()).isTrue();
    assertThat(table.rows())
        .extracting(PhaseTable.Row::name)
        .containsExactly(
            "framework-tool-interrupts",
            "framework-format-demo",
            "provider-google-genai-hello",
            "provider-ollama-hello",
            "local-echo");
  }

  @Test
  void countsEachSamplesFlowsAndDerivesItsStatus() {
    // given
    List<PhaseTable.Row> rows = PhaseTable.of(SampleRuns.sampleFlows()).rows();

    // when / then
    assertThat(rows.get(0).counts()).isEqualTo(new Counts(2, 0, 0, 0));
    assertThat(rows.get(0).status()).isEqualTo(Status.PASS);
    assertThat(rows.get(1).counts()).isEqualTo(new Counts(1, 1, 0, 1));
    assertThat(rows.get(1).status()).isEqualTo(Status.FAIL);
    assertThat(rows.get(2).counts()).isEqualTo(new Counts(0, 0, 0, 1));
    assertThat(rows.get(2).status()).isEqualTo(Status.SKIP);
    assertThat(rows.get(3).counts()).isEqualTo(new Counts(0, 0, 1, 0));
    assertThat(rows.get(3).status()).isEqualTo(Status.FAIL);
    assertThat(rows.get(4).status()).isEqualTo(Status.PASS);
  }

  @Test
  void phaseTotalsAddUpTheirSamples() {
    // given
    List<Group> groups = PhaseTable.of(SampleRuns.sampleFlows()).groups();

    // when / then
    assertThat(groups.get(0).counts()).isEqualTo(new Counts(3, 1, 0, 1));
    assertThat(groups.get(0).status()).isEqualTo(Status.FAIL);
    assertThat(groups.get(1).status()).isEqualTo(Status.SKIP);
    assertThat(groups.get(3).status()).isEqualTo(Status.PASS);
  }

  @Test
  void statusIsPassWhenRunFlowsPassedAndTheRestSkippedAndSkipWhenNothingRan() {
    assertThat(new Counts(1, 0, 0, 5).status()).isEqualTo(Status.PASS);
    assertThat(new Counts(0, 0, 0, 5).status()).isEqualTo(Status.SKIP);
    assertThat(Counts.ZERO.status()).isEqualTo(Status.SKIP);
    assertThat(new Counts(9, 0, 1, 0).status()).isEqualTo(Status.FAIL);
    assertThat(new Counts(9, 1, 0, 0).status()).isEqualTo(Status.FAIL);
  }

  @Test
  void keepsPlanOrderOfPhasesAndSamplesWithoutResults() {
    // given: the plan lists phase 2 first; a sample never ran; an unplanned one ran in between
    SampleInfo late = SampleRuns.sample("late", 2, "Second", List.of(), List.of(), null);
    SampleInfo stray = unplanned("stray");
    SampleInfo early = SampleRuns.sample("early", 1, "First", List.of(), List.of(), null);
    List<TestResult> results =
        List.of(
            SampleRuns.pass(SampleRuns.flow(0, 0, late, "a", false, 1), 1, Optional.empty(), null),
            SampleRuns.pass(
                SampleRuns.flow(1, 1, stray, "b", false, 1), 1, Optional.empty(), null));

    // when
    PhaseTable table = PhaseTable.of(SampleRuns.sampleFlows(List.of(late, stray, early), results));

    // then
    assertThat(table.groups())
        .extracting(Group::phase)
        .containsExactly(OptionalInt.of(2), OptionalInt.of(1), OptionalInt.empty());
    PhaseTable.Row never = table.groups().get(1).samples().get(0);
    assertThat(never.results()).isEmpty();
    assertThat(never.status()).isEqualTo(Status.SKIP);
  }

  @Test
  void resultsOfAnUndescribedSampleStillGetARowAmongTheUnplanned() {
    // given
    SampleInfo ghost = unplanned("ghost");
    TestResult r =
        SampleRuns.result(
            SampleRuns.flow(0, 0, ghost, "f", false, 1),
            Verdict.ERROR,
            "boom",
            1,
            5,
            OptionalLong.empty(),
            0);

    // when
    PhaseTable table = PhaseTable.of(SampleRuns.sampleFlows(List.of(), List.of(r)));

    // then
    assertThat(table.groups()).hasSize(1);
    assertThat(table.groups().get(0).unplanned()).isTrue();
    assertThat(table.rows().get(0).name()).isEqualTo("ghost");
    assertThat(table.rows().get(0).status()).isEqualTo(Status.FAIL);
  }

  @Test
  void isEmptyForATestModelRun() {
    assertThat(PhaseTable.of(SampleRuns.full()).isEmpty()).isTrue();
    assertThat(FeatureCoverage.of(SampleRuns.full()).isEmpty()).isTrue();
  }

  static SampleInfo unplanned(String name) {
    return new SampleInfo(
        name,
        OptionalInt.empty(),
        "",
        List.of(),
        List.of(),
        List.of(),
        Optional.empty(),
        Optional.empty());
  }
}
