package dev.jgenkit.runners.samples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jgenkit.runners.plan.PlannedTest;
import dev.jgenkit.specs.Location;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Flow-level selection ({@code Request.flows}): only the chosen flows of a sample run. */
class FlowSelectionTest {
  @TempDir Path dir;

  private List<PlannedTest> planOfThreeFlows() throws Exception {
    Path sample = Files.createDirectories(dir.resolve("demo"));
    Files.writeString(sample.resolve("package.json"), "{\"main\":\"index.js\"}");
    SampleDirectory sd = SampleDirectory.inspect(sample);
    SamplePlanner.Entry entry = new SamplePlanner.Entry("demo", Optional.of(sd), OptionalInt.of(1), "Core",
        List.of(), List.of(), new Location(sample, 0, 0));
    ObjectNode actions = (ObjectNode) new ObjectMapper().readTree(
        "{\"/flow/gamma\":{},\"/flow/alpha\":{},\"/flow/beta\":{},\"/model/x\":{}}");
    return SampleFlowsEngine.planFlows(entry, sd, actions);
  }

  @Test
  void withoutASelectionEveryFlowRuns() throws Exception {
    List<PlannedTest> plan = planOfThreeFlows();

    assertThat(SampleFlowsEngine.selectFlows(plan, null)).isSameAs(plan);
    assertThat(plan).extracting(PlannedTest::name).containsExactly("alpha", "beta", "gamma");
  }

  @Test
  void selectedFlowsRunInNameOrderRenumberedAndUnknownOnesAreSkipped() throws Exception {
    // given three registered flows
    List<PlannedTest> plan = planOfThreeFlows();

    // when gamma, alpha and a flow the sample does not register are selected
    List<PlannedTest> kept = SampleFlowsEngine.selectFlows(plan, Set.of("gamma", "alpha", "ghost"));

    // then the two run in plan order, renumbered, and the unknown one is planned as SKIP last
    assertThat(kept).extracting(PlannedTest::name).containsExactly("alpha", "gamma", "ghost");
    assertThat(kept).extracting(PlannedTest::index).containsExactly(0, 1, 2);
    assertThat(kept.get(0).skipReason()).isEmpty();
    assertThat(kept.get(2).skipReason()).contains("selected, but the sample does not register this flow");
    assertThat(kept.get(2).model()).isEqualTo("demo");
  }

  @Test
  void requestWithoutAFlowFilterRunsEverything() {
    SampleFlowsEngine.Request r = new SampleFlowsEngine.Request(List.of(), Optional.empty(), 1, false,
        new dev.jgenkit.runners.exec.ExecutionOptions(1, java.time.Duration.ofSeconds(1), 0,
            java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(1)),
        java.time.Duration.ofSeconds(1), java.util.Map.of(), dir, List.of(), "test");

    assertThat(r.flows()).isEmpty();
  }
}
