package dev.jgenkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;

import dev.jgenkit.runners.runtime.RuntimeUnavailableException;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.Filter;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.FileEntry;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** Execution against a fake reflection server: verdicts, skips, selection, timeouts, failures. */
class ExecutionTest {
  @TempDir Path tmp;
  FakeRuntime runtime;

  @BeforeEach
  void start() throws IOException {
    runtime = new FakeRuntime();
  }

  @AfterEach
  void stop() throws IOException {
    runtime.close();
  }

  private EngineExecutionResults run(Map<String, String> config, List<Filter<?>> filters, DiscoverySelector... selectors) {
    EngineExecutionResults r = EngineTestKit.engine(new JGenkitTestEngine())
        .selectors(selectors)
        .filters(filters.toArray(Filter<?>[]::new))
        .configurationParameter(JGenkitParameters.RUNTIME_URL, runtime.url())
        .configurationParameter(JGenkitParameters.REPORT_DIR, tmp.resolve("reports").toString())
        .configurationParameters(config)
        .execute();
    Nesting.assertWellNested(r.allEvents());
    return r;
  }

  private static String name(Event e) {
    return e.getTestDescriptor().getParent().orElseThrow().getDisplayName() + " / "
        + e.getTestDescriptor().getDisplayName();
  }

  private static Throwable thrown(Event e) {
    return e.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
  }

  @Test
  void passFailAndErrorBecomeSuccessAnAssertionFailureAndAnError() {
    EngineExecutionResults r = run(Map.of(), List.of(), selectClasspathResource("specs/fake.yaml"));

    r.testEvents().assertStatistics(s -> s.started(4).succeeded(2).failed(2).skipped(0));
    assertThat(r.testEvents().succeeded().map(ExecutionTest::name))
        .containsExactlyInAnyOrder("fake/good / Says hello", "fake/good / Streams hello");
    Event fail = r.testEvents().failed().filter(e -> name(e).startsWith("fake/bad")).findFirst().orElseThrow();
    assertThat(thrown(fail)).isInstanceOf(AssertionError.class).isInstanceOf(TestFailedError.class)
        .hasMessage("Response text does not include 'hello'. Text: nope");
    assertThat(thrown(fail).getStackTrace()).singleElement().hasToString("fake/bad.Says hello(fake.yaml:23)");
    Event error = r.testEvents().failed().filter(e -> name(e).startsWith("fake/broken")).findFirst().orElseThrow();
    assertThat(thrown(error)).isNotInstanceOf(AssertionError.class).isInstanceOf(TestErroredException.class)
        .hasMessageContaining("fake/broken is broken");
    r.containerEvents().assertStatistics(s -> s.started(5).succeeded(5).failed(0));
  }

  @Test
  void testsTheModelsMetadataDeclaresUnsupportedAreSkippedWithTheReason() {
    EngineExecutionResults r = run(Map.of(JGenkitParameters.SPECS, "specs/auto.yaml",
        JGenkitParameters.SUPPORTS, "auto"), List.of());

    r.testEvents().assertStatistics(s -> s.skipped(10).started(2).succeeded(2));
    assertThat(r.testEvents().succeeded().map(e -> e.getTestDescriptor().getDisplayName()))
        .containsExactlyInAnyOrder("Multiturn Conformance", "Multiturn Conformance with streaming");
    Event tools = r.testEvents().skipped()
        .filter(e -> e.getTestDescriptor().getDisplayName().equals("Tool Request Conformance"))
        .findFirst().orElseThrow();
    assertThat(tools.getRequiredPayload(String.class)).isEqualTo("model metadata declares supports.tools: absent");
    assertThat(runtime.calls()).extracting(FakeRuntime.Call::key).containsOnly("/model/fake/limited").hasSize(2);
  }

  @Test
  void aTagExpressionRunsOnlyTheTestsItSelects() {
    EngineExecutionResults streaming = run(Map.of(), List.of(TagFilter.includeTags("streaming")),
        selectClasspathResource("specs/fake.yaml"));

    streaming.testEvents().assertStatistics(s -> s.started(1).succeeded(1));
    assertThat(runtime.calls()).containsExactly(new FakeRuntime.Call("/model/fake/good", true));

    EngineExecutionResults bad = run(Map.of(), List.of(TagFilter.includeTags("model:fake/bad | model:fake/broken")),
        selectClasspathResource("specs/fake.yaml"));

    bad.testEvents().assertStatistics(s -> s.started(2).failed(2));
    bad.containerEvents().assertStatistics(s -> s.started(4));
  }

  @Test
  void aTestThatOutlivesItsTimeoutIsAnError() throws IOException {
    Path spec = Files.writeString(tmp.resolve("hang.yaml"), """
        - model: fake/hang
          tests:
            - name: Hangs
              input: {messages: [{role: user, content: [{text: hi}]}]}
              validators: [text-not-empty]
        """);

    EngineExecutionResults r = run(Map.of(JGenkitParameters.TIMEOUT, "0.3"), List.of(), selectFile(spec.toFile()));

    Event e = r.testEvents().failed().stream().findFirst().orElseThrow();
    assertThat(thrown(e)).isInstanceOf(TestErroredException.class).hasMessageContaining("timed out after 0.3 s");
  }

  @Test
  void anUnreachableRuntimeFailsItsContainerAndRunsNothing() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }

    EngineExecutionResults r = run(Map.of(JGenkitParameters.RUNTIME_URL, "http://127.0.0.1:" + port), List.of(),
        selectClasspathResource("specs/fake.yaml"));

    r.testEvents().assertStatistics(s -> s.started(0));
    Event failed = r.containerEvents().failed().stream().findFirst().orElseThrow();
    assertThat(failed.getTestDescriptor()).isInstanceOf(RuntimeDescriptor.class);
    assertThat(thrown(failed)).isInstanceOf(RuntimeUnavailableException.class)
        .hasMessageContaining("no Genkit runtime answers at http://127.0.0.1:" + port);
  }

  @Test
  void aRuntimeCommandThatExitsFailsItsContainerWithTheLogAttached() throws IOException {
    Path spec = Files.writeString(tmp.resolve("spec.yaml"), "- model: fake/good\n  supports: [multiturn]\n");

    EngineExecutionResults r = EngineTestKit.engine(new JGenkitTestEngine())
        .selectors(selectFile(spec.toFile()))
        .configurationParameter(JGenkitParameters.RUNTIME_COMMAND, "sh -c 'echo no models here; exit 3'")
        .configurationParameter(JGenkitParameters.RUNTIME_DIR, tmp.toString())
        .configurationParameter(JGenkitParameters.REPORT_DIR, tmp.resolve("reports").toString())
        .execute();

    r.testEvents().assertStatistics(s -> s.started(0));
    Event failed = r.containerEvents().failed().stream().findFirst().orElseThrow();
    assertThat(failed.getTestDescriptor().getDisplayName()).isEqualTo("`sh -c echo no models here; exit 3` in .."
        .replace("..", RuntimeSettings.relative(Path.of("").toAbsolutePath(), tmp)));
    assertThat(thrown(failed)).isInstanceOf(RuntimeUnavailableException.class)
        .hasMessageContaining("exited with code 3 before it was ready").hasMessageContaining("| no models here");
    Path log = tmp.resolve("reports/runtime.log");
    assertThat(r.containerEvents().fileEntryPublished().map(e -> e.getRequiredPayload(FileEntry.class).getPath()))
        .containsExactly(log);
    assertThat(log).content().contains("no models here");
  }
}
