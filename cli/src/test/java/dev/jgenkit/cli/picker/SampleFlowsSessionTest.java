package dev.jgenkit.cli.picker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.jgenkit.reports.ConsoleStyle;
import dev.jgenkit.runners.exec.ExecutionOptions;
import dev.jgenkit.runners.plan.PlannedTest;
import dev.jgenkit.runners.results.TestResult;
import dev.jgenkit.runners.results.Verdict;
import dev.jgenkit.runners.samples.SampleFlowsEngine;
import dev.jgenkit.runners.samples.SamplePlanner;
import dev.jgenkit.specs.Location;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Samples and their flows as picker items; verdicts per flow and per sample. */
class SampleFlowsSessionTest {
  @TempDir Path samples;

  private SampleFlowsSession session() throws Exception {
    Path demo = Files.createDirectories(samples.resolve("demo"));
    Files.writeString(demo.resolve("package.json"), "{\"main\":\"index.js\"}");
    Files.writeString(demo.resolve("README.md"), "# Demo\nShows flows.\n");
    Files.writeString(demo.resolve("jgenkit-sample.yaml"), """
        flows:
          shoppingListFlow:
            input: {items: [banana]}
            validators: [text-includes:banana]
        """);
    Path other = Files.createDirectories(samples.resolve("other"));
    Files.writeString(other.resolve("package.json"), "{}");
    SamplePlanner.Selection sel = SamplePlanner.select(samples, Optional.empty(), List.of(), Set.of());
    SampleFlowsEngine.Request request = new SampleFlowsEngine.Request(sel.entries(), Optional.empty(), 1, false,
        new ExecutionOptions(1, Duration.ofSeconds(5), 0, Duration.ofSeconds(1), Duration.ofSeconds(1)),
        Duration.ofSeconds(5), Map.of(), samples.resolve("logs"), List.of(), "test");
    return new SampleFlowsSession(request, samples, samples.resolve("reports"), ConsoleStyle.PLAIN, h -> () -> {});
  }

  private static TestResult result(String sample, String flow, Verdict v, String reason, long ms) {
    PlannedTest t = new PlannedTest(0, 0, sample, "/flow/" + flow, flow, Optional.empty(),
        JsonNodeFactory.instance.nullNode(), List.of(), false, Optional.empty(), Optional.empty(),
        new Location(Path.of("x"), 0, 0), PlannedTest.Kind.SAMPLE_FLOW, OptionalInt.empty(), Optional.empty());
    return new TestResult(t, v, reason, 1, ms, OptionalLong.empty(), 0, Optional.empty(), Optional.empty(),
        Optional.empty());
  }

  @Test
  void eachSampleIsFollowedByTheFlowsItsSampleFileNames() throws Exception {
    SampleFlowsSession s = session();

    assertThat(s.items()).extracting(PickerItem::label)
        .containsExactly("demo", "demo › shoppingListFlow", "other");
    assertThat(s.items().get(0).detail()).isEqualTo("not in the plan");
  }

  @Test
  void previewsShowTheFlowsSettingsAndTheSamplesReadme() throws Exception {
    SampleFlowsSession s = session();

    String flow = s.preview(s.items().get(1));
    String sample = s.preview(s.items().get(0));

    assertThat(flow).startsWith("flow: shoppingListFlow\nvalidators: text-includes:banana\ninput:\n  items:\n  - banana\n");
    assertThat(flow).contains("# Demo");
    assertThat(sample).startsWith("sample: demo\n").contains("start: node index.js").endsWith("# Demo\nShows flows.\n");
    assertThat(s.preview(s.items().get(2))).contains("(no README in");
  }

  @Test
  void flowsSeenInARunBecomeItemsAndTheSampleGetsItsWorstVerdict() throws Exception {
    SampleFlowsSession s = session();

    Map<String, ItemResult> v = s.verdicts(List.of(
        result("demo", "aFlow", Verdict.PASS, "", 5),
        result("demo", "shoppingListFlow", Verdict.FAIL, "no banana", 7),
        result("other", SampleFlowsEngine.START, Verdict.ERROR, "exited with code 1", 0)), Set.of("demo"));

    assertThat(v).containsOnlyKeys("demo", "demo › aFlow", "demo › shoppingListFlow", "other");
    assertThat(v.get("demo")).isEqualTo(new ItemResult(Verdict.FAIL, "shoppingListFlow: no banana", 12));
    assertThat(v.get("other").verdict()).isEqualTo(Verdict.ERROR);
    assertThat(s.items()).extracting(PickerItem::label)
        .containsExactly("demo", "demo › aFlow", "demo › shoppingListFlow", "other");
    assertThat(s.knownFlows()).isEqualTo(Map.of("demo", List.of("aFlow", "shoppingListFlow")));
  }

  @Test
  void aSampleRunOnlyInPartKeepsItsOwnVerdict() throws Exception {
    Map<String, ItemResult> v = session().verdicts(
        List.of(result("demo", "shoppingListFlow", Verdict.PASS, "", 3)), Set.of());

    assertThat(v).containsOnlyKeys("demo › shoppingListFlow");
  }

  @Test
  void rememberedFlowsAreRestored() throws Exception {
    SampleFlowsSession s = session();

    s.restore(new SelectionMemory.Remembered(List.of(), Optional.empty(),
        Map.of("other", List.of("helloFlow"), "gone", List.of("x")), List.of(), "", Instant.EPOCH));

    assertThat(s.items()).extracting(PickerItem::label)
        .containsExactly("demo", "demo › shoppingListFlow", "other", "other › helloFlow");
  }
}
