package dev.jgenkit.reports;

import static dev.jgenkit.reports.SampleRuns.pass;
import static dev.jgenkit.reports.SampleRuns.planned;
import static dev.jgenkit.reports.SampleRuns.result;

import dev.jgenkit.runners.results.RunResult;
import dev.jgenkit.runners.results.RuntimeInfo;
import dev.jgenkit.runners.results.TestResult;
import dev.jgenkit.runners.results.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Two test-model runs of overlapping specs on two Genkit versions, for the multi-runtime views. */
final class MultiRuntimeRuns {
  static final Instant STARTED_B = Instant.parse("2025-06-01T10:05:00Z");
  static final Instant FINISHED_B = Instant.parse("2025-06-01T10:05:42.500Z");

  private MultiRuntimeRuns() {}

  /**
   * {@link SampleRuns#full()} on Genkit 1.21.0, then a run on Genkit 1.22.0 where reference/good
   * fares differently and a third model (only there) errors with a reason full of table syntax.
   */
  static List<RunResult> twoRuntimes() {
    String good = "reference/good";
    String flash = "googleai/gemini-2.5-flash";
    List<TestResult> results =
        List.of(
            result(
                planned(0, 0, good, "Tool Request Conformance", "tool-request", false, 3, 5),
                Verdict.FAIL,
                "no toolRequest part in the response",
                1,
                15,
                OptionalLong.empty(),
                0),
            pass(
                planned(
                    1, 0, good, "Structured Output Conformance", "structured-output", false, 3, 5),
                9,
                Optional.empty(),
                "trace-b-2"),
            pass(
                planned(
                    2, 0, good, "Streaming Multi-turn Conformance", "streaming-multiturn", true, 3,
                    5),
                1100,
                Optional.empty(),
                null),
            TestResult.skipped(
                planned(
                    3, 0, good, "Image Input (URL) Conformance", "input-image-url", false, 3, 5),
                "model declares media: false"),
            pass(planned(4, 0, good, "Hang", null, false, 12, 7), 2_000, Optional.empty(), null),
            result(
                planned(5, 1, flash, "Tool Request Conformance", "tool-request", false, 40, 5),
                Verdict.ERROR,
                "429 | quota exceeded\n| col | x |\nAuthorization: Bearer sk-live-123456",
                3,
                310,
                OptionalLong.empty(),
                0),
            TestResult.skipped(
                planned(
                    6, 1, flash, "Structured Output Conformance", "structured-output", false, 40,
                    5),
                "GEMINI_API_KEY not set"));
    RuntimeInfo runtime =
        new RuntimeInfo(
            "http://127.0.0.1:3200",
            Optional.of("1.22.0"),
            List.of("npx", "tsx", "src/index.ts"),
            OptionalLong.of(4343),
            Optional.of("4343-3200"),
            Optional.of(".jgenkit/runtime-4343.log"));
    RunResult b =
        new RunResult(
            "jgenkit",
            "0.1.0-test",
            List.of(SampleRuns.SPEC.toString()),
            runtime,
            STARTED_B,
            FINISHED_B,
            results,
            false);
    return List.of(SampleRuns.full(), b);
  }

  /**
   * {@link #twoRuntimes()} as a jgenkit.yaml run names them: runtime {@code a} (Genkit 1.21.0) and
   * {@code b} (Genkit 1.22.0), each run's tests labelled with its runtime's name, joined into one
   * multi-runtime run.
   */
  static RunResult namedRuntimes() {
    List<RunResult> runs = twoRuntimes();
    return RunResult.join(List.of(named(runs.get(0), "a"), named(runs.get(1), "b")));
  }

  /** {@code run} as the runtime called {@code name} ran it. */
  static RunResult named(RunResult run, String name) {
    RuntimeInfo rt = run.runtime().named(name);
    List<TestResult> results =
        run.results().stream().map(r -> r.withTest(r.test().onRuntime(name))).toList();
    return new RunResult(run.tool(), run.toolVersion(), run.specFiles(), rt, run.startedAt(),
        run.finishedAt(), results, run.interrupted(), run.command(), List.of(), List.of(rt));
  }
}
