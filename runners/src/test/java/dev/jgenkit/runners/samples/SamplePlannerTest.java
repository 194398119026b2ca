package dev.jgenkit.runners.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgenkit.specs.SpecException;
import dev.jgenkit.specs.samples.Plan;
import dev.jgenkit.specs.samples.PlanLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SamplePlannerTest {
  @TempDir Path dir;

  private void js(String name) throws Exception {
    Files.createDirectories(dir.resolve(name));
    Files.writeString(dir.resolve(name).resolve("package.json"), "{\"main\":\"index.js\"}");
  }

  @BeforeEach
  void samples() throws Exception {
    js("zeta-web");
    js("alpha-core");
    js("beta-provider");
    js("unplanned-b");
    js("unplanned-a");
    Files.createDirectories(dir.resolve("docs"));
    Files.createDirectories(dir.resolve(".cache"));
    Files.createDirectories(dir.resolve("node_modules"));
    Files.createDirectories(dir.resolve("go-sample"));
    Files.writeString(dir.resolve("go-sample/go.mod"), "module x\n");
    Files.createDirectories(dir.resolve("py-sample/src"));
    Files.writeString(dir.resolve("py-sample/src/main.py"), "");
    Files.writeString(dir.resolve("py-sample/run.sh"), "open browser");
  }

  private Plan plan() throws SpecException {
    return PlanLoader.load(dir.resolve("plan.yaml"), """
        phases:
          - phase: 1
            title: Core
            samples:
              - {name: alpha-core, features: [Streaming]}
              - {name: missing-sample, env: [SOME_KEY]}
          - phase: 2
            title: Providers
            samples:
              - {name: beta-provider, env: [BETA_KEY], features: [Streaming]}
          - phase: 5
            title: Web
            samples:
              - {name: zeta-web}
        """);
  }

  @Test
  void planOrderFirstThenTheRestByNameWithNonSamplesListedAndInfrastructureIgnored() throws Exception {
    // when
    var sel = SamplePlanner.select(dir, Optional.of(plan()), List.of(), Set.of());

    // then
    assertThat(sel.entries()).extracting(SamplePlanner.Entry::name).containsExactly(
        "alpha-core", "missing-sample", "beta-provider", "zeta-web",
        "docs", "go-sample", "py-sample", "unplanned-a", "unplanned-b");
    var missing = sel.entries().get(1);
    assertThat(missing.directory()).isEmpty();
    assertThat(missing.requiredEnv()).containsExactly("SOME_KEY");
    var beta = sel.entries().get(2);
    assertThat(beta.phase()).hasValue(2);
    assertThat(beta.phaseTitle()).isEqualTo("Providers");
    assertThat(beta.features()).containsExactly("Streaming");
    var docs = sel.entries().get(4).directory().orElseThrow();
    assertThat(docs.isSample()).isFalse();
    assertThat(docs.notASample()).hasValueSatisfying(r -> assertThat(r).startsWith("not a sample: no jgenkit-sample.yaml"));
  }

  @Test
  void conventionalEntriesFollowTheDocumentedOrderAndNeverRunSh() throws Exception {
    var sel = SamplePlanner.select(dir, Optional.empty(), List.of("go-sample", "py-sample", "alpha-core"), Set.of());

    assertThat(sel.entries()).extracting(e -> e.directory().orElseThrow().start()).containsExactly(
        List.of("node", "index.js"), List.of("go", "run", "."), List.of("uv", "run", "src/main.py"));
  }

  @Test
  void typeScriptMainsRunWithTsx() throws Exception {
    Files.writeString(dir.resolve("alpha-core/package.json"), "{\"main\":\"src/index.ts\"}");

    var d = SampleDirectory.inspect(dir.resolve("alpha-core"));

    assertThat(d.start()).containsExactly("npx", "tsx", "src/index.ts");
  }

  @Test
  void globsAndPhasesSelectAndUnmatchedNamesAreReported() throws Exception {
    var sel = SamplePlanner.select(dir, Optional.of(plan()), List.of("*-core", "beta-*", "nope"), Set.of(1));

    assertThat(sel.entries()).extracting(SamplePlanner.Entry::name).containsExactly("alpha-core");
    assertThat(sel.unmatched()).containsExactly("nope");
  }

  @Test
  void aSampleFileAddsItsVariablesAndStartCommand() throws Exception {
    Files.writeString(dir.resolve("beta-provider/jgenkit-sample.yaml"), """
        start: [node, server.js, --dev]
        env: [EXTRA_TOKEN]
        phase: 3
        """);

    var sel = SamplePlanner.select(dir, Optional.of(plan()), List.of("beta-provider"), Set.of());

    var e = sel.entries().get(0);
    assertThat(e.requiredEnv()).containsExactly("BETA_KEY", "EXTRA_TOKEN");
    assertThat(e.phase()).hasValue(2); // the plan wins over the sample file
    assertThat(e.directory().orElseThrow().start()).containsExactly("node", "server.js", "--dev");
  }

  @Test
  void aBrokenSampleFileIsALocatedSpecError() throws Exception {
    Files.writeString(dir.resolve("alpha-core/jgenkit-sample.yaml"), "strat: [node]\n");

    assertThatThrownBy(() -> SamplePlanner.select(dir, Optional.empty(), List.of(), Set.of()))
        .isInstanceOfSatisfying(SpecException.class, e ->
            assertThat(e.problems().get(0).format()).contains("jgenkit-sample.yaml:1:1").contains("start"));
  }
}
