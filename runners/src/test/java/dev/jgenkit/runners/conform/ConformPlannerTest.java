package dev.jgenkit.runners.conform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgenkit.specs.conform.ConformConfig;
import dev.jgenkit.specs.conform.ConformConfigLoader;
import dev.jgenkit.specs.samples.Plan;
import dev.jgenkit.specs.samples.PlanLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConformPlannerTest {
  @TempDir Path dir;
  private ConformConfig config;

  @BeforeEach
  void layout() throws Exception {
    // zeta and alpha need keys; local has an entry for js only; bare has no entry; notes is no plugin
    for (String p : List.of("zeta", "alpha", "local", "bare")) {
      Files.createDirectories(dir.resolve(p));
      Files.writeString(dir.resolve(p).resolve("model-conformance.yaml"), "- model: " + p + "/m\n");
    }
    Files.createDirectories(dir.resolve("notes"));
    Files.writeString(dir.resolve("local/entry.js"), "");
    Files.writeString(dir.resolve("alpha/entry.js"), "");
    Files.writeString(dir.resolve("conform.toml"),
        """
        [conform.env]
        zeta = ["ZETA_KEY"]
        alpha = ["ALPHA_KEY", "ALPHA_REGION"]
        local = []
        [conform.runtimes.js]
        specs-dir = "."
        entry-command = ["node"]
        entry-filename = "entry.js"
        [conform.runtimes.go]
        specs-dir = "."
        entry-command = ["go", "run"]
        """);
    config = ConformConfigLoader.load(dir.resolve("conform.toml"));
  }

  @Test
  void discoversPluginDirectoriesHoldingASpec() {
    assertThat(ConformPlanner.plugins(config.runtimes().get(0)))
        .containsExactly("alpha", "bare", "local", "zeta");
  }

  @Test
  void withoutAPlanKeylessPluginsComeFirstThenByNameEachOnEveryRuntime() {
    // when
    List<ConformPlanner.Unit> units =
        ConformPlanner.plan(config, config.runtimes(), List.of(), Optional.empty(), Map.of("ALPHA_KEY", "k"));

    // then
    assertThat(units).extracting(u -> u.plugin() + "@" + u.runtime().name() + ": " + u.skipReason().orElse("run"))
        .containsExactly(
            "bare@js: no entry file entry.js for runtime js",
            "bare@go: no entry file conformance_entry.go for runtime go",
            "local@js: run",
            "local@go: no entry file conformance_entry.go for runtime go",
            "alpha@js: missing environment variables: ALPHA_REGION",
            "alpha@go: missing environment variables: ALPHA_REGION",
            "zeta@js: missing environment variables: ZETA_KEY",
            "zeta@go: missing environment variables: ZETA_KEY");
    ConformPlanner.Unit local = units.get(2);
    assertThat(local.command()).containsExactly("node", dir.toAbsolutePath().normalize().resolve("local/entry.js").toString());
  }

  @Test
  void aPlanOrdersItsPluginsFirstAndAddsItsVariables() throws Exception {
    // given
    Path planFile = dir.resolve("jgenkit-plan.yaml");
    Files.writeString(planFile,
        "phases:\n  - phase: 1\n    title: First\n    samples: [{name: zeta}]\n"
            + "  - phase: 2\n    title: Then\n    samples: [{name: local, env: [LOCAL_TOKEN]}]\n");
    Plan plan = PlanLoader.load(planFile);

    // when
    List<ConformPlanner.Unit> units =
        ConformPlanner.plan(config, List.of(config.runtimes().get(0)), List.of(), Optional.of(plan),
            Map.of("ZETA_KEY", "z", "ALPHA_KEY", " "));

    // then: an empty or blank value counts as missing
    assertThat(units).extracting(u -> u.plugin() + " " + u.phase() + ": " + u.skipReason().orElse("run"))
        .containsExactly(
            "zeta OptionalInt[1]: no entry file entry.js for runtime js",
            "local OptionalInt[2]: missing environment variables: LOCAL_TOKEN",
            "bare OptionalInt.empty: no entry file entry.js for runtime js",
            "alpha OptionalInt.empty: missing environment variables: ALPHA_KEY, ALPHA_REGION");
  }

  @Test
  void onlyTheNamedPluginsAreKept() {
    assertThat(ConformPlanner.plan(config, config.runtimes(), List.of("zeta"), Optional.empty(), Map.of()))
        .extracting(ConformPlanner.Unit::plugin).containsExactly("zeta", "zeta");
  }
}
