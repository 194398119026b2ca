package dev.jgenkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.ClasspathResourceSource;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.testkit.engine.EngineDiscoveryResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Discovery from every selector kind and from configuration parameters; no runtime is needed. */
class DiscoveryTest {
  static final String URL = "http://127.0.0.1:9";

  @TempDir Path tmp;

  @JGenkitSpec(value = "specs/fake.yaml", runtimeCommand = {"node", "index.js"}, runtimeDir = "app")
  static class FakeSpecWithItsOwnRuntime {}

  @JGenkitSpec("specs/fake.yaml")
  static class FakeSpecOnTheConfiguredRuntime {}

  static class NotAnnotated {}

  private EngineDiscoveryResults discover(Map<String, String> config, DiscoverySelector... selectors) {
    return EngineTestKit.engine(new JGenkitTestEngine())
        .selectors(selectors)
        .configurationParameter(JGenkitParameters.RUNTIME_URL, URL)
        .configurationParameters(config)
        .discover();
  }

  private TestDescriptor tree(DiscoverySelector... selectors) {
    EngineDiscoveryResults r = discover(Map.of(), selectors);
    assertThat(r.getDiscoveryIssues()).isEmpty();
    return r.getEngineDescriptor();
  }

  @Test
  void aSpecFileIsARuntimeWithItsModelsAndTheirTests() throws IOException {
    Path spec = Files.writeString(tmp.resolve("spec.yaml"), """
        - model: fake/good
          supports: [tool-request, streaming-multiturn]
          tests:
            - name: Says hello
              input: {messages: [{role: user, content: [{text: hi}]}]}
              validators: [text-includes:hello]
        - model: fake/bad
          supports: [system-role]
        """);

    TestDescriptor root = tree(selectFile(spec.toFile()));

    assertThat(Trees.lines(root)).containsExactly(
        "runtime at " + URL,
        "  fake/good",
        "    Tool Request Conformance",
        "    Multiturn Conformance with streaming",
        "    Says hello",
        "  fake/bad",
        "    System Role Conformance");
    TestDescriptor custom = root.getChildren().iterator().next().getChildren().iterator().next()
        .getChildren().stream().skip(2).findFirst().orElseThrow();
    assertThat(custom.getSource()).contains(FileSource.from(spec.toFile(), FilePosition.from(4, 7)));
    assertThat(custom.getUniqueId().getLastSegment().getValue()).isEqualTo("custom-1");
  }

  @Test
  void testsAreTaggedWithCapabilityKindStreamingAndModel() throws IOException {
    Path spec = Files.writeString(tmp.resolve("spec.yaml"), """
        - model: fake/good
          supports: [tool-request, streaming-multiturn]
          tests:
            - name: Streams hello
              stream: true
              input: {messages: [{role: user, content: [{text: hi}]}]}
              validators: [stream-text-includes:hello]
        """);

    assertThat(Trees.linesWithTags(tree(selectFile(spec.toFile())))).containsExactly(
        "runtime at " + URL,
        "  fake/good [model:fake/good]",
        "    Tool Request Conformance [builtin, model:fake/good, tool-request]",
        "    Multiturn Conformance with streaming [builtin, model:fake/good, streaming, streaming-multiturn]",
        "    Streams hello [custom, model:fake/good, streaming]");
  }

  @Test
  void longNamesCarryTheModelForToolsThatKnowOnlyAClassAndATestName() {
    EngineDiscoveryResults r = discover(Map.of(JGenkitParameters.NAMING, "long"),
        selectClasspathResource("specs/fake.yaml"));

    TestDescriptor test = r.getEngineDescriptor().getDescendants().stream().filter(TestDescriptor::isTest)
        .findFirst().orElseThrow();
    assertThat(test.getDisplayName()).isEqualTo("fake/good: Says hello");
    assertThat(test.getLegacyReportingName()).isEqualTo("fake/good: Says hello");
  }

  @Test
  void aClasspathResourceIsFoundOnTheClasspath() {
    TestDescriptor root = tree(selectClasspathResource("specs/fake.yaml"));

    assertThat(Trees.tests(root)).containsExactly(
        "fake/good / Says hello", "fake/good / Streams hello", "fake/bad / Says hello",
        "fake/broken / Answers at all");
    TestDescriptor model = root.getChildren().iterator().next().getChildren().iterator().next();
    assertThat(model.getSource()).contains(ClasspathResourceSource.from("specs/fake.yaml", FilePosition.from(2, 3)));
  }

  @Test
  void aDirectoryYieldsItsSpecFilesInPathOrderAndNothingElse() throws IOException {
    Files.writeString(tmp.resolve("b.yaml"), "- model: fake/b\n  supports: [system-role]\n");
    Files.createDirectories(tmp.resolve("a"));
    Files.writeString(tmp.resolve("a/one.yml"), "model: fake/a\nsupports: [multiturn]\n");
    Files.writeString(tmp.resolve("package.json"), "{\"name\": \"app\"}");
    Files.writeString(tmp.resolve("ci.yaml"), "jobs: {build: {}}\n");
    Files.createDirectories(tmp.resolve("node_modules/x"));
    Files.writeString(tmp.resolve("node_modules/x/spec.yaml"), "- model: fake/hidden\n");

    TestDescriptor root = tree(selectDirectory(tmp.toFile()));

    assertThat(Trees.tests(root)).containsExactly(
        "fake/a / Multiturn Conformance", "fake/b / System Role Conformance");
  }

  @Test
  void anAnnotatedClassBringsItsSpecsAndItsOwnRuntime() {
    TestDescriptor root = tree(selectClass(FakeSpecWithItsOwnRuntime.class), selectClass(NotAnnotated.class));

    assertThat(Trees.lines(root)).first().isEqualTo("`node index.js` in app");
    assertThat(Trees.tests(root)).hasSize(4);
    // Surefire reports a test only below a container with a class source
    assertThat(root.getChildren().iterator().next().getSource())
        .contains(ClassSource.from(FakeSpecWithItsOwnRuntime.class));
  }

  @Test
  void specsNoClassBroughtInAreReportedUnderTheAnnotationWhenClassesWereSelected() {
    EngineDiscoveryResults r = discover(Map.of(JGenkitParameters.SPECS, "specs/auto.yaml"),
        selectClass(FakeSpecWithItsOwnRuntime.class));

    assertThat(r.getEngineDescriptor().getChildren()).extracting(d -> d.getSource().orElseThrow())
        .containsExactly(ClassSource.from(FakeSpecWithItsOwnRuntime.class), ClassSource.from(JGenkitSpec.class));
  }

  @Test
  void specsWithTheSameRuntimeShareOne() throws IOException {
    Path spec = Files.writeString(tmp.resolve("spec.yaml"), "- model: fake/other\n  supports: [multiturn]\n");

    TestDescriptor root = tree(selectClass(FakeSpecOnTheConfiguredRuntime.class), selectFile(spec.toFile()));

    assertThat(Trees.lines(root)).filteredOn(l -> !l.startsWith(" ")).containsExactly("runtime at " + URL);
    assertThat(Trees.tests(root)).hasSize(5).contains("fake/other / Multiturn Conformance");
  }

  @Test
  void aPackageFindsItsAnnotatedClasses() {
    TestDescriptor root = tree(selectPackage("dev.jgenkit.junit"));

    assertThat(Trees.lines(root)).filteredOn(l -> !l.startsWith(" "))
        .contains("`node index.js` in app", "runtime at " + URL);
  }

  @Test
  void configurationParametersNameSpecsAndModels() {
    EngineDiscoveryResults r = discover(Map.of(
        JGenkitParameters.SPECS, "specs/auto.yaml",
        JGenkitParameters.MODELS, "fake/good",
        JGenkitParameters.SUPPORTS, "multiturn,system-role"));

    assertThat(r.getDiscoveryIssues()).isEmpty();
    assertThat(Trees.tests(r.getEngineDescriptor())).containsExactly(
        "fake/limited / Multiturn Conformance", "fake/limited / System Role Conformance",
        "fake/good / Multiturn Conformance", "fake/good / System Role Conformance");
  }

  @Test
  void supportsAutoPlansEveryBuiltInForSuitesWithoutSupportsOrTests() {
    EngineDiscoveryResults r = discover(Map.of(
        JGenkitParameters.SPECS, "specs/auto.yaml", JGenkitParameters.SUPPORTS, "auto"));

    assertThat(Trees.tests(r.getEngineDescriptor())).hasSize(12);
  }

  @Test
  void aUniqueIdSelectsExactlyThatTestAgain() {
    TestDescriptor full = tree(selectClasspathResource("specs/fake.yaml"));
    TestDescriptor bad = full.getDescendants().stream()
        .filter(d -> d.isTest() && d.getParent().orElseThrow().getDisplayName().equals("fake/bad"))
        .findFirst().orElseThrow();

    TestDescriptor again = tree(selectUniqueId(bad.getUniqueId()));

    assertThat(Trees.tests(again)).containsExactly("fake/bad / Says hello");
    assertThat(again.findByUniqueId(bad.getUniqueId())).isPresent();
  }

  @Test
  void aBrokenSpecIsALocatedDiscoveryIssueAndAddsNoTests() throws IOException {
    Path spec = Files.writeString(tmp.resolve("broken.yaml"), """
        - model: fake/good
          supports: [tool-requests]
        """);

    EngineDiscoveryResults r = discover(Map.of(), selectFile(spec.toFile()));

    assertThat(r.getEngineDescriptor().getChildren()).isEmpty();
    assertThat(r.getDiscoveryIssues()).singleElement().satisfies(issue -> {
      assertThat(issue.severity()).isEqualTo(DiscoveryIssue.Severity.ERROR);
      assertThat(issue.message()).contains("broken.yaml:2:").contains("tool-request");
      assertThat(issue.source()).contains(FileSource.from(spec.toFile(), FilePosition.from(2, 14)));
    });
  }

  @Test
  void badParametersAreDiscoveryIssues() {
    EngineDiscoveryResults r = discover(Map.of(
        JGenkitParameters.JOBS, "0",
        JGenkitParameters.TIMEOUT, "soon",
        JGenkitParameters.SUPPORTS, "multiturns"));

    assertThat(r.getDiscoveryIssues()).extracting(DiscoveryIssue::message).containsExactly(
        "jgenkit: " + JGenkitParameters.SUPPORTS + ": unknown capability 'multiturns' (did you mean"
            + " 'multiturn'?); known: tool-request, structured-output, multiturn, streaming-multiturn,"
            + " streaming-tool-request, streaming-structured-output, system-role, input-image-base64,"
            + " input-image-url, input-video-youtube, output-audio, output-image, or auto",
        "jgenkit: " + JGenkitParameters.JOBS + ": must be at least 1, got 0",
        "jgenkit: " + JGenkitParameters.TIMEOUT + ": not a number of seconds: 'soon'");
  }

  @Test
  void aSamplesDirIsOneContainerPerSampleInPlanOrderTaggedWithPhaseAndFeatures() throws IOException {
    Path samples = samplesDir();

    EngineDiscoveryResults r = discover(Map.of(JGenkitParameters.SAMPLES_DIR, samples.toString()));

    assertThat(r.getDiscoveryIssues()).isEmpty();
    assertThat(Trees.linesWithTags(r.getEngineDescriptor())).containsExactly(
        "samples in " + RuntimeSettings.relative(Path.of("").toAbsolutePath(), samples) + " (plan jgenkit-plan)",
        "  second [feature:streaming, phase-1, sample:second]",
        "  first [feature:tool-interrupts, phase-2, sample:first]",
        "  notes [sample:notes]");
    assertThat(r.getEngineDescriptor().getDescendants()).allMatch(TestDescriptor::isContainer);
  }

  @Test
  void aPlanFileOrASampleFileSelectsSamples() throws IOException {
    Path samples = samplesDir();

    TestDescriptor byPlan = tree(selectFile(samples.resolve("jgenkit-plan.yaml").toFile()));
    TestDescriptor bySampleFile = tree(selectFile(samples.resolve("first/jgenkit-sample.yaml").toFile()));
    TestDescriptor byDirectory = tree(selectDirectory(samples.toFile()));

    assertThat(Trees.lines(byPlan)).hasSize(4).endsWith("  second", "  first", "  notes");
    assertThat(Trees.lines(bySampleFile)).hasSize(2).endsWith("  first");
    assertThat(Trees.lines(byDirectory)).isEqualTo(Trees.lines(byPlan));
  }

  /** Two samples in a plan (second in phase 1, first in phase 2) and a directory that is not one. */
  private Path samplesDir() throws IOException {
    Path samples = Files.createDirectories(tmp.resolve("samples"));
    Files.writeString(samples.resolve("jgenkit-plan.yaml"), """
        phases:
          - phase: 1
            title: Core
            samples:
              - name: second
                features: [Streaming]
          - phase: 2
            title: Later
            samples:
              - name: first
                features: [Tool interrupts]
        """);
    Files.createDirectories(samples.resolve("first"));
    Files.writeString(samples.resolve("first/jgenkit-sample.yaml"), "start: [node, index.js]\n");
    Files.createDirectories(samples.resolve("second"));
    Files.writeString(samples.resolve("second/package.json"), "{\"main\": \"index.js\"}");
    Files.createDirectories(samples.resolve("notes"));
    return samples;
  }

  @Test
  void nothingIsDiscoveredWithoutSourcesOrParameters() {
    assertThat(tree(selectClass(NotAnnotated.class)).getChildren()).isEmpty();
    assertThat(List.of(JGenkitTestEngine.ENGINE_ID)).containsExactly("jgenkit");
  }
}
