package dev.jgenkit.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgenkit.reports.FeatureCoverage.Cell;
import dev.jgenkit.runners.results.SampleInfo;
import dev.jgenkit.runners.results.TestResult;
import dev.jgenkit.runners.results.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class FeatureCoverageTest {
  private static final OptionalInt P1 = OptionalInt.of(1);
  private static final OptionalInt P2 = OptionalInt.of(2);
  private static final OptionalInt P3 = OptionalInt.of(3);

  @Test
  void rowsAreFeaturesInOrderOfFirstAppearanceAndColumnsThePhases() {
    // given
    FeatureCoverage coverage = FeatureCoverage.of(SampleRuns.sampleFlows());

    // when / then: the unplanned sample declares no feature, so it is not a column
    assertThat(coverage.features())
        .containsExactly(
            "Tool interrupts",
            "@ai.tool() basic",
            "Streaming",
            "Structured output",
            "Vision/multimodal",
            "RAG/retrieval");
    assertThat(coverage.phases()).containsExactly(P1, P2, P3);
  }

  @Test
  void cellsFollowTheSamplesStatuses() {
    // given
    FeatureCoverage coverage = FeatureCoverage.of(SampleRuns.sampleFlows());

    // when / then
    assertThat(coverage.cell("Tool interrupts", P1)).isEqualTo(Cell.PASS);
    assertThat(coverage.cell("@ai.tool() basic", P1)).isEqualTo(Cell.PASS);
    // one phase-1 sample with streaming passed, the other failed: a failure wins
    assertThat(coverage.cell("Streaming", P1)).isEqualTo(Cell.FAIL);
    assertThat(coverage.cell("Streaming", P2)).isEqualTo(Cell.SKIP);
    // a start ERROR counts as a failure of every feature the sample has
    assertThat(coverage.cell("Streaming", P3)).isEqualTo(Cell.FAIL);
    assertThat(coverage.cell("Vision/multimodal", P1)).isEqualTo(Cell.NONE);
    assertThat(coverage.cell("no such feature", P1)).isEqualTo(Cell.NONE);
    assertThat(coverage.cell("Streaming", OptionalInt.of(9))).isEqualTo(Cell.NONE);
    assertThat(coverage.cells())
        .hasSize(coverage.features().size())
        .allSatisfy(row -> assertThat(row).hasSize(coverage.phases().size()));
  }

  @Test
  void aPassBeatsASkipInTheSamePhase() {
    // given
    SampleInfo ran = SampleRuns.sample("ran", 1, "", List.of("Streaming"), List.of(), null);
    SampleInfo skipped = SampleRuns.sample("skipped", 1, "", List.of("Streaming"), List.of(), null);
    List<TestResult> results =
        List.of(
            TestResult.skipped(SampleRuns.flow(0, 0, skipped, "(start)", false, 1), "no key"),
            SampleRuns.pass(SampleRuns.flow(1, 1, ran, "f", true, 1), 5, Optional.empty(), null));

    // when
    FeatureCoverage coverage =
        FeatureCoverage.of(SampleRuns.sampleFlows(List.of(skipped, ran), results));

    // then
    assertThat(coverage.cell("Streaming", P1)).isEqualTo(Cell.PASS);
  }

  @Test
  void unplannedSamplesWithFeaturesFormALastColumn() {
    // given
    SampleInfo planned = SampleRuns.sample("planned", 2, "", List.of("Tools"), List.of(), null);
    SampleInfo own =
        new SampleInfo(
            "own",
            OptionalInt.empty(),
            "",
            List.of("Tools", "Sessions"),
            List.of(),
            List.of(),
            Optional.empty(),
            Optional.empty());
    List<TestResult> results = new ArrayList<>();
    results.add(
        SampleRuns.result(
            SampleRuns.flow(0, 0, planned, "f", false, 1),
            Verdict.FAIL,
            "no",
            1,
            5,
            OptionalLong.empty(),
            0));
    results.add(
        SampleRuns.pass(SampleRuns.flow(1, 1, own, "g", false, 1), 5, Optional.empty(), null));

    // when
    FeatureCoverage coverage =
        FeatureCoverage.of(SampleRuns.sampleFlows(List.of(planned, own), results));

    // then
    assertThat(coverage.phases()).containsExactly(P2, OptionalInt.empty());
    assertThat(coverage.features()).containsExactly("Tools", "Sessions");
    assertThat(coverage.cells())
        .containsExactly(List.of(Cell.FAIL, Cell.PASS), List.of(Cell.NONE, Cell.PASS));
  }

  @Test
  void cellsMustBeFeaturesByPhases() {
    assertThatThrownBy(
            () -> new FeatureCoverage(List.of("a"), List.of(P1, P2), List.of(List.of(Cell.PASS))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new FeatureCoverage(List.of("a"), List.of(P1), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void cellsAreWrittenInLowerCase() {
    assertThat(List.of(Cell.values()))
        .extracting(Cell::json)
        .containsExactly("pass", "fail", "skip", "none");
  }
}
