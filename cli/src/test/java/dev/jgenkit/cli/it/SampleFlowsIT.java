package dev.jgenkit.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jgenkit.specs.samples.Plan;
import dev.jgenkit.specs.samples.PlanLoader;
import dev.jgenkit.specs.samples.PlanSample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** jgenkit sample-flows end to end on the bundled samples (real Genkit JS apps). */
class SampleFlowsIT {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Path ROOT = JGenkitBinary.projectDir();

  @TempDir static Path shared;
  static JsonNode j1;
  static JsonNode j2;
  static JGenkitBinary.Run run2;

  /** One run with -j 1 and one with -j 2, shared by the tests that only read their results. */
  @BeforeAll
  static void runBothWays() throws Exception {
    JGenkitBinary.run(ROOT, shared.resolve("o1"), List.of("sample-flows", "-j", "1", "--report-dir", shared.resolve("r1").toString()));
    run2 = JGenkitBinary.run(ROOT, shared.resolve("o2"), List.of("sample-flows", "-j", "2", "--report-dir", shared.resolve("r2").toString()));
    j1 = MAPPER.readTree(shared.resolve("r1/results.json").toFile());
    j2 = MAPPER.readTree(shared.resolve("r2/results.json").toFile());
  }

  private static List<String> sampleNames(JsonNode results) {
    List<String> names = new ArrayList<>();
    results.get("samples").forEach(s -> names.add(s.get("name").asText()));
    return names;
  }

  private static JsonNode flow(JsonNode results, String sample, String flow) {
    for (JsonNode t : results.get("tests")) {
      if (t.get("model").asText().equals(sample) && t.get("name").asText().equals(flow)) {
        return t;
      }
    }
    throw new AssertionError("no flow " + sample + " / " + flow);
  }

  @Test
  void samplesRunInPlanOrderWithHonestPassFailAndSkip() throws Exception {
    // given the bundled plan
    Plan plan = PlanLoader.load(ROOT.resolve("samples/jgenkit-plan.yaml"));
    List<String> planned = plan.samplesInOrder().stream().map(PlanSample::name).toList();

    // then the run follows it, phases ascending, and exits 1 for the deliberate failure
    assertThat(run2.exitCode()).as(run2.stdout() + run2.stderr()).isEqualTo(1);
    assertThat(sampleNames(j2)).startsWith(planned.toArray(String[]::new));
    List<Integer> phases = new ArrayList<>();
    j2.get("samples").forEach(s -> { if (s.get("phase").isInt()) phases.add(s.get("phase").asInt()); });
    assertThat(phases).isSorted();
    // PASS, the deliberate FAIL, and the env-gated SKIP naming its variable and where to get it
    assertThat(j2.at("/summary/passed").asInt()).isGreaterThan(20);
    JsonNode fail = flow(j2, "framework-format-demo", "shoppingListFlow");
    assertThat(fail.get("verdict").asText()).isEqualTo("FAIL");
    assertThat(fail.get("reason").asText()).contains("banana");
    JsonNode gated = flow(j2, "provider-needs-key", "(start)");
    assertThat(gated.get("verdict").asText()).isEqualTo("SKIP");
    assertThat(gated.get("reason").asText()).contains("JGENKIT_DEMO_API_KEY");
    // the gated sample was never started: no runtime, no log
    for (JsonNode s : j2.get("samples")) {
      if (s.get("name").asText().equals("provider-needs-key")) {
        assertThat(s.get("runtime").isNull()).isTrue();
        assertThat(s.get("missingEnv").get(0).asText()).isEqualTo("JGENKIT_DEMO_API_KEY");
      }
    }
    assertThat(shared.resolve("r2/samples/provider-needs-key.log")).doesNotExist();
    // every started sample's process is gone
    for (JsonNode s : j2.get("samples")) {
      JsonNode pid = s.path("runtime").path("pid");
      if (pid.isNumber()) {
        assertGone(pid.asLong());
      }
    }
    // junit.xml: one testsuite per sample, in run order
    String junit = Files.readString(shared.resolve("r2/junit.xml"));
    assertThat(junit.indexOf("name=\"" + planned.get(0) + "\"")).isPositive()
        .isLessThan(junit.indexOf("name=\"" + planned.get(planned.size() - 1) + "\""));
    // the console shows phases, the phase table and the feature coverage
    assertThat(run2.stdout()).contains("Phase 1 · ").contains("Feature").contains("needs JGENKIT_DEMO_API_KEY");
    assertThat(j2.at("/featureCoverage/features").toString()).contains("Tool interrupts");
  }

  @Test
  void twoSamplesAtOnceGiveTheSameReportAsOneAtATime() {
    assertThat(normalise(j2)).isEqualTo(normalise(j1));
  }

  @Test
  void aSampleWhoseVariableIsSetIsStartedAndItsValueNeverWritten(@TempDir Path tmp) throws Exception {
    // given the variable the gated sample needs, with a planted secret value
    String secret = "planted-key-0123456789";

    // when only that sample runs
    var run = JGenkitBinary.run(ROOT, tmp.resolve("o"), Map.of("JGENKIT_DEMO_API_KEY", secret),
        List.of("sample-flows", "provider-needs-key", "--report-dir", tmp.resolve("r").toString()));

    // then it ran and passed, and the secret appears nowhere jgenkit wrote
    JsonNode results = MAPPER.readTree(tmp.resolve("r/results.json").toFile());
    assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isZero();
    assertThat(sampleNames(results)).containsExactly("provider-needs-key");
    assertThat(results.at("/summary/passed").asInt()).isPositive();
    assertThat(run.stdout() + run.stderr()).doesNotContain(secret);
    assertThat(Files.readString(tmp.resolve("r/results.json"))).doesNotContain(secret);
    assertThat(Files.readString(tmp.resolve("r/junit.xml"))).doesNotContain(secret);
  }

  @Test
  void failFastStopsAfterTheFirstFailingSampleAndListsTheRest(@TempDir Path tmp) throws Exception {
    // when
    var run = JGenkitBinary.run(ROOT, tmp.resolve("o"),
        List.of("sample-flows", "--fail-fast", "--report-dir", tmp.resolve("r").toString()));

    // then the first failing sample (framework-format-demo) is the last one run
    JsonNode results = MAPPER.readTree(tmp.resolve("r/results.json").toFile());
    assertThat(run.exitCode()).isEqualTo(1);
    List<String> names = sampleNames(results);
    int failed = names.indexOf("framework-format-demo");
    assertThat(failed).isGreaterThanOrEqualTo(0);
    assertThat(flow(results, "framework-format-demo", "shoppingListFlow").get("verdict").asText()).isEqualTo("FAIL");
    for (String later : names.subList(failed + 1, names.size())) {
      JsonNode start = flow(results, later, "(start)");
      assertThat(start.get("verdict").asText()).isEqualTo("SKIP");
      assertThat(start.get("reason").asText()).startsWith("not run: --fail-fast");
    }
    assertThat(names.subList(0, failed)).allSatisfy(n ->
        assertThat(results.get("tests").toString()).contains("\"model\":\"" + n + "\""));
  }

  @Test
  void unknownSampleNamesAreUsageErrorsWithASuggestion(@TempDir Path tmp) throws Exception {
    var run = JGenkitBinary.run(ROOT, tmp.resolve("o"),
        List.of("sample-flows", "framework-format-dem", "--report-dir", tmp.resolve("r").toString()));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.stderr()).contains("no sample matches 'framework-format-dem'").contains("framework-format-demo");
  }

  @Test
  void globsAndPhasesSelectSamples(@TempDir Path tmp) throws Exception {
    var run = JGenkitBinary.run(ROOT, tmp.resolve("o"),
        List.of("sample-flows", "framework-*", "--phase", "1", "--report-dir", tmp.resolve("r").toString()));

    JsonNode results = MAPPER.readTree(tmp.resolve("r/results.json").toFile());
    assertThat(sampleNames(results)).isNotEmpty().allMatch(n -> n.startsWith("framework-"));
    assertThat(run.exitCode()).isEqualTo(1);
  }

  private static final Set<String> VOLATILE = Set.of("durationMillis", "timeToFirstChunkMillis",
      "startedAt", "finishedAt", "runtime", "traceId", "directory");

  /** The report without what legitimately differs between two runs (times, pids, ports). */
  static JsonNode normalise(JsonNode node) {
    JsonNode copy = node.deepCopy();
    strip(copy);
    return copy;
  }

  private static void strip(JsonNode node) {
    if (node instanceof ObjectNode o) {
      for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
        if (VOLATILE.contains(it.next())) {
          it.remove();
        }
      }
      o.forEach(SampleFlowsIT::strip);
    } else if (node.isArray()) {
      node.forEach(SampleFlowsIT::strip);
    }
  }

  private static void assertGone(long pid) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15); // SIGTERM, a 5 s grace, SIGKILL, reaping; slow under load
    while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
      assertThat(System.nanoTime()).as("process %d still alive", pid).isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  @Test
  void sigtermStopsTheSampleAndWritesAPartialReport(@TempDir Path tmp) throws Exception {
    // given a run past its first sample
    Process p = JGenkitBinary.start(ROOT, tmp.resolve("o"), Map.of(),
        List.of("sample-flows", "--report-dir", tmp.resolve("r").toString()));
    long t0 = System.nanoTime();
    long deadline = t0 + TimeUnit.SECONDS.toNanos(60);
    while (!Files.readString(tmp.resolve("o/stdout.txt")).contains("framework-format-demo")) {
      assertThat(System.nanoTime()).as("first samples did not finish").isLessThan(deadline);
      Thread.sleep(100);
    }
    List<ProcessHandle> children = p.descendants().toList();

    // when
    p.destroy();

    // then exit 130, the partial report holds the finished samples, and no sample process is left
    assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
    var run = JGenkitBinary.finished(p, tmp.resolve("o"), t0);
    assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isEqualTo(130);
    assertThat(run.stdout()).contains("Interrupted: partial reports written");
    JsonNode results = MAPPER.readTree(tmp.resolve("r/results.json").toFile());
    assertThat(results.get("interrupted").asBoolean()).isTrue();
    assertThat(sampleNames(results)).contains("framework-tool-interrupts");
    for (ProcessHandle c : children) {
      assertGone(c.pid());
    }
  }
}
