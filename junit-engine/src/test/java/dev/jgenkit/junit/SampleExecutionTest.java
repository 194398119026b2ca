package dev.jgenkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.Filter;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * Samples that never get to their flows: not samples, gated on unset variables, failing to start.
 * (Flows of running samples are exercised against the real bundled samples in {@code
 * ReferenceRuntimeIT}.)
 */
class SampleExecutionTest {
  @TempDir Path tmp;

  private Path samples() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("samples"));
    Files.writeString(dir.resolve("jgenkit-plan.yaml"), """
        phases:
          - phase: 1
            title: Core
            samples:
              - name: crashes
          - phase: 2
            title: Keys
            samples:
              - name: needs-key
                env: [JGENKIT_TEST_UNSET_VARIABLE]
        env-help:
          JGENKIT_TEST_UNSET_VARIABLE: "set it to anything"
        """);
    Files.createDirectories(dir.resolve("crashes"));
    Files.writeString(dir.resolve("crashes/jgenkit-sample.yaml"), "start: [sh, -c, 'echo bye; exit 2']\ntimeout: 5\n");
    Files.createDirectories(dir.resolve("needs-key"));
    Files.writeString(dir.resolve("needs-key/package.json"), "{\"main\": \"index.js\"}");
    Files.createDirectories(dir.resolve("docs"));
    return dir;
  }

  private EngineExecutionResults run(Path samples, Filter<?>... filters) {
    EngineExecutionResults r = EngineTestKit.engine(new JGenkitTestEngine())
        .configurationParameters(Map.of(
            JGenkitParameters.SAMPLES_DIR, samples.toString(),
            JGenkitParameters.REPORT_DIR, tmp.resolve("reports").toString()))
        .filters(filters)
        .execute();
    Nesting.assertWellNested(r.allEvents());
    return r;
  }

  private static Event skipped(EngineExecutionResults r, String name) {
    return r.containerEvents().skipped().stream()
        .filter(e -> e.getTestDescriptor().getDisplayName().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void samplesThatAreNotStartedAreSkippedWithTheReason() throws IOException {
    EngineExecutionResults r = run(samples());

    assertThat(skipped(r, "needs-key").getRequiredPayload(String.class))
        .isEqualTo("missing environment variable JGENKIT_TEST_UNSET_VARIABLE; JGENKIT_TEST_UNSET_VARIABLE:"
            + " set it to anything");
    assertThat(skipped(r, "docs").getRequiredPayload(String.class)).startsWith("not a sample:");
  }

  @Test
  void aSampleThatDoesNotStartIsAFailingStartTestWithItsLog() throws IOException {
    EngineExecutionResults r = run(samples());

    assertThat(r.testEvents().dynamicallyRegistered().map(e -> e.getTestDescriptor().getDisplayName()))
        .containsExactly("(start)");
    Event start = r.testEvents().failed().stream().findFirst().orElseThrow();
    assertThat(start.getTestDescriptor().getParent().orElseThrow().getDisplayName()).isEqualTo("crashes");
    assertThat(start.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow())
        .isInstanceOf(TestErroredException.class).hasMessageContaining("exited with code 2")
        .hasMessageContaining("| bye");
    assertThat(tmp.resolve("reports/samples/crashes.log")).content().contains("bye");
  }

  @Test
  void aPhaseTagSelectsThatPhasesSamples() throws IOException {
    EngineExecutionResults r = run(samples(), TagFilter.includeTags("phase-2"));

    assertThat(r.containerEvents().skipped().map(e -> e.getTestDescriptor().getDisplayName()))
        .containsExactly("needs-key");
    r.testEvents().assertStatistics(s -> s.started(0).dynamicallyRegistered(0));
  }
}
