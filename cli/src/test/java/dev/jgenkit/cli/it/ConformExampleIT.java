package dev.jgenkit.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The conform layout example, samples/conform, run as it is: its keyless plugin's entry starts the
 * reference models with {@code node}; the plugin needing JGENKIT_DEMO_API_KEY is SKIPPED without
 * it and runs with it.
 */
class ConformExampleIT {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Path LAYOUT = JGenkitBinary.projectDir().resolve("samples/conform");

  @TempDir Path tmp;

  @Test
  void theKeylessPluginRunsAndThePluginNeedingAKeyIsSkipped() throws Exception {
    // when
    JGenkitBinary.Run run =
        JGenkitBinary.run(tmp, tmp.resolve("out"),
            List.of("test-model", "--conform", LAYOUT.toString(), "--report-dir", "reports"));

    // then: skipped is not a failure
    assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isZero();
    assertThat(run.stdout())
        .contains("── reference @ js: starting `node " + LAYOUT.resolve("reference/conformance_entry.js"))
        .contains("── demo-cloud @ js: SKIPPED (missing environment variables: JGENKIT_DEMO_API_KEY)")
        .contains("action-timeout → --timeout 30 s")
        .contains("7 passed, 0 failed, 0 errors, 1 skipped");
    assertThat(run.stdout().indexOf("── reference")).isLessThan(run.stdout().indexOf("── demo-cloud"));
    JsonNode results = MAPPER.readTree(tmp.resolve("reports/results.json").toFile());
    assertThat(results.get("runtimes").findValuesAsText("name")).containsExactly("js");
    JsonNode skipped = results.get("tests").get(7);
    assertThat(skipped.get("model").asText()).isEqualTo("demo-cloud/standard");
    assertThat(skipped.get("verdict").asText()).isEqualTo("SKIP");
    assertThat(skipped.get("runtime").asText()).isEqualTo("js");
    assertThat(Files.readString(tmp.resolve("reports/conform/js/reference.log"))).contains("[jgenkit-reference]");
    MultiRuntimeIT.assertGone(results.at("/runtimes/0/pid").asLong());
  }

  @Test
  void withTheKeyBothPluginsRunEachOnItsOwnProcess() throws Exception {
    // when
    JGenkitBinary.Run run =
        JGenkitBinary.run(tmp, tmp.resolve("out"), Map.of("JGENKIT_DEMO_API_KEY", "demo"),
            List.of("test-model", "--conform", LAYOUT.toString(), "--report-dir", "reports", "--fail-fast"));

    // then
    assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isZero();
    assertThat(run.stdout()).contains("8 passed, 0 failed, 0 errors, 0 skipped")
        .contains("demo-cloud/standard @ js\n  ✓ Answers the prompt");
    assertThat(tmp.resolve("reports/conform/js/demo-cloud.log")).exists();
  }
}
