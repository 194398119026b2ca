package dev.jgenkit.junit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.jgenkit.junit.JGenkitParameters;
import dev.jgenkit.junit.JGenkitSpec;
import dev.jgenkit.junit.JGenkitTestEngine;
import dev.jgenkit.junit.TestFailedError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.Filter;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.FileEntry;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * The engine against the real Genkit JS reference runtime ({@code node index.js} in
 * samples/reference, npm dependencies installed) and the bundled samples: the runtime is started
 * once per run and stopped afterwards, verdicts match the peer's, and flows appear as dynamic tests.
 */
class ReferenceRuntimeIT {
  // Relative to the module directory, where Failsafe runs.
  @JGenkitSpec(value = "../samples/reference/specs/good.yaml", runtimeCommand = {"node", "index.js"},
      runtimeDir = "../samples/reference")
  static class GoodSpec {}

  @TempDir Path tmp;

  static Path projectDir() {
    return Path.of(System.getProperty("jgenkit.projectDir", "..")).toAbsolutePath().normalize();
  }

  private EngineExecutionResults run(Map<String, String> config, Filter<?>... filters) {
    Map<String, String> all = new HashMap<>(config);
    all.put(JGenkitParameters.REPORT_DIR, tmp.toString());
    return EngineTestKit.engine(new JGenkitTestEngine()).configurationParameters(all).filters(filters).execute();
  }

  private static Map<String, String> reference(String spec) {
    Path ref = projectDir().resolve("samples/reference");
    return Map.of(
        JGenkitParameters.SPECS, ref.resolve("specs").resolve(spec).toString(),
        JGenkitParameters.RUNTIME_COMMAND, "node index.js",
        JGenkitParameters.RUNTIME_DIR, ref.toString());
  }

  @Test
  void anAnnotatedClassStartsTheRuntimeRunsGoodYamlAndStopsTheRuntime() {
    EngineExecutionResults r = EngineTestKit.engine(new JGenkitTestEngine())
        .selectors(selectClass(GoodSpec.class))
        .configurationParameter(JGenkitParameters.REPORT_DIR, tmp.toString())
        .execute();

    r.testEvents().assertStatistics(s -> s.started(14).succeeded(14).failed(0).skipped(0));
    ReportEntry runtime = r.containerEvents().reportingEntryPublished().stream().findFirst().orElseThrow()
        .getRequiredPayload(ReportEntry.class);
    assertThat(runtime.getKeyValuePairs()).containsKeys("runtimeUrl", "genkitVersion", "runtimePid");
    long pid = Long.parseLong(runtime.getKeyValuePairs().get("runtimePid"));
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).as("runtime %s stopped", pid).isNotEqualTo(
        java.util.Optional.of(true));
    Path log = tmp.resolve("runtime.log");
    assertThat(r.containerEvents().fileEntryPublished().map(e -> e.getRequiredPayload(FileEntry.class).getPath()))
        .containsExactly(log);
    assertThat(log).content().contains("[jgenkit-reference] pid");
  }

  @Test
  void allYamlFailsExactlyThePeersNineWithTheValidatorsMessages() {
    EngineExecutionResults r = run(reference("all.yaml"));

    r.testEvents().assertStatistics(s -> s.started(25).succeeded(16).failed(9));
    List<String> failures = r.testEvents().failed().map(ReferenceRuntimeIT::failure).toList();
    assertThat(failures).allMatch(f -> f.startsWith(TestFailedError.class.getSimpleName() + ": "));
    assertThat(failures).contains(
        "TestFailedError: reference/bad / System Role Conformance: Response text does not start with"
            + " 'RESPONSE:'. Text: hello there",
        "TestFailedError: reference/bad / Bad streaming echo: Streaming requested but no chunks received.",
        "TestFailedError: reference/limited / Image Input (Base64) Conformance: [model metadata declares"
            + " supports.media: false] Response text does not include 'genkit'. Text: What text do you see"
            + " in this image?");
  }

  @Test
  void aModelTagRunsOnlyThatModelsTests() {
    EngineExecutionResults r = run(reference("all.yaml"), TagFilter.includeTags("model:reference/bad"));

    r.testEvents().assertStatistics(s -> s.started(10).succeeded(3).failed(7));
  }

  @Test
  void aStreamingTagRunsOnlyStreamingTests() {
    EngineExecutionResults r = run(reference("good.yaml"), TagFilter.includeTags("streaming"));

    r.testEvents().assertStatistics(s -> s.started(4).succeeded(4));
  }

  @Test
  void sampleFlowsAreDynamicTestsUnderTheirSample() {
    assumeTrue(System.getenv("JGENKIT_DEMO_API_KEY") == null, "provider-needs-key would start");
    EngineExecutionResults r = run(
        Map.of(JGenkitParameters.SAMPLES_DIR, projectDir().resolve("samples").toString()),
        TagFilter.includeTags("sample:reference | sample:provider-needs-key"));

    assertThat(r.testEvents().dynamicallyRegistered().map(e -> e.getTestDescriptor().getDisplayName()))
        .contains("echoFlow");
    assertThat(r.testEvents().succeeded().map(e -> e.getTestDescriptor().getDisplayName())).contains("echoFlow");
    Event skipped = r.containerEvents().skipped().stream().findFirst().orElseThrow();
    assertThat(skipped.getTestDescriptor().getDisplayName()).isEqualTo("provider-needs-key");
    assertThat(skipped.getRequiredPayload(String.class)).startsWith("missing environment variable JGENKIT_DEMO_API_KEY");
    assertThat(tmp.resolve("samples/reference.log")).exists();
    assertThat(Files.exists(tmp.resolve("samples/provider-needs-key.log"))).isFalse();
  }

  @Test
  void aPlantedSecretPrintedByTheRuntimeAndEchoedByAModelIsMaskedInTheLogAndTheFailures() throws Exception {
    String planted = System.getenv("JGENKIT_PLANTED_API_KEY");
    assumeTrue(planted != null && planted.length() >= 6, "JGENKIT_PLANTED_API_KEY is set by the failsafe configuration");
    Path spec = Files.writeString(tmp.resolve("echo.yaml"), "- model: reference/good\n  tests:\n"
        + "    - name: echoes the secret and fails\n"
        + "      input: {messages: [{role: user, content: [{text: \"my key is " + planted + "\"}]}]}\n"
        + "      validators: ['text-includes:something else']\n");
    Path ref = projectDir().resolve("samples/reference");

    // The runtime inherits the planted variable; REFERENCE_FAULT=leak-secrets prints it at start.
    EngineExecutionResults r = run(Map.of(
        JGenkitParameters.SPECS, spec.toString(),
        JGenkitParameters.RUNTIME_COMMAND, "env REFERENCE_FAULT=leak-secrets node index.js",
        JGenkitParameters.RUNTIME_DIR, ref.toString()));

    r.testEvents().assertStatistics(s -> s.started(1).failed(1));
    String failure = failure(r.testEvents().failed().stream().findFirst().orElseThrow());
    assertThat(failure).startsWith("TestFailedError: ").contains("Text: my key is ***").doesNotContain(planted);
    assertThat(r.allEvents().stream().map(Event::toString)).noneMatch(s -> s.contains(planted));
    assertThat(tmp.resolve("runtime.log")).content()
        .contains("JGENKIT_PLANTED_API_KEY").contains("***").doesNotContain(planted);
  }

  private static String failure(Event e) {
    Throwable t = e.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
    return t.getClass().getSimpleName() + ": " + e.getTestDescriptor().getParent().orElseThrow().getDisplayName()
        + " / " + e.getTestDescriptor().getDisplayName() + ": " + t.getMessage();
  }
}
