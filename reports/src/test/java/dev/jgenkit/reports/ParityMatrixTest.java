package dev.jgenkit.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgenkit.runners.results.RunResult;
import dev.jgenkit.runners.results.RuntimeInfo;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ParityMatrixTest {
  @Test
  void twoRuntimesOnOneVersionTestingTheSameModelAreToldApartByUrl() {
    // given
    RunResult a = on(SampleRuns.full(), "http://127.0.0.1:3100", "1.21.0");
    RunResult b = on(SampleRuns.full(), "http://127.0.0.1:3200", "1.21.0");

    // when
    List<String> runtimes = ParityMatrix.runtimes(ParityMatrix.checks(List.of(a, b)));

    // then
    assertThat(runtimes)
        .containsExactly(
            "Genkit 1.21.0 @ http://127.0.0.1:3100", "Genkit 1.21.0 @ http://127.0.0.1:3200");
  }

  @Test
  void shardsOfOneVersionOnDisjointModelsShareAColumnLabel() {
    // given: the two suites of the full run, as two shards on different ports
    RunResult full = SampleRuns.full();
    RunResult a = on(SampleRuns.withResults(full.results().subList(0, 5)), "http://h:1", "1.21.0");
    RunResult b = on(SampleRuns.withResults(full.results().subList(5, 8)), "http://h:2", "1.21.0");

    // when
    ParityMatrix m = ParityMatrix.of(List.of(a, b)).get(0);

    // then
    assertThat(ParityMatrix.runtimes(ParityMatrix.checks(List.of(a, b))))
        .containsExactly("Genkit 1.21.0");
    assertThat(m.multiRuntime()).isFalse();
    assertThat(m.columns()).extracting(ParityMatrix.Column::model)
        .containsExactly("reference/good", "/model/other/echo");
  }

  @Test
  void anUnknownVersionIsLabelledByUrl() {
    RunResult a = on(SampleRuns.full(), "http://127.0.0.1:3100", null);
    assertThat(ParityMatrix.checks(List.of(a)).get(0).runtime()).isEqualTo("http://127.0.0.1:3100");
  }

  @Test
  void aSampleThatNeverStartedCountsUnderItsRunsRuntime() {
    // when
    List<ParityMatrix.Check> checks = ParityMatrix.checks(List.of(SampleRuns.sampleFlows()));

    // then: provider-google-genai-hello has no runtime, the others run Genkit 1.21.0
    assertThat(checks).extracting(ParityMatrix.Check::runtime).containsOnly("Genkit 1.21.0");
    assertThat(ParityMatrix.of(List.of(SampleRuns.sampleFlows())).get(0).kind())
        .isEqualTo(ParityMatrix.Kind.SAMPLES);
  }

  private static RunResult on(RunResult run, String url, String version) {
    RuntimeInfo rt =
        new RuntimeInfo(
            url, Optional.ofNullable(version), List.of(), OptionalLong.empty(), Optional.empty(),
            Optional.empty());
    return new RunResult(
        run.tool(), run.toolVersion(), run.specFiles(), rt, run.startedAt(), run.finishedAt(),
        run.results(), run.interrupted());
  }
}
