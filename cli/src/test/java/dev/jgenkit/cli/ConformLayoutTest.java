package dev.jgenkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code test-model --conform} on Genkit's real conform layout (13 plugins, conform.toml; see
 * genkit-conform/NOTICE), which has no entry files: with no API keys nothing starts, and the full
 * matrix is still reported, every plugin SKIPPED with the reason.
 */
class ConformLayoutTest {
  private static final Path LAYOUT = Path.of("src/test/resources/genkit-conform").toAbsolutePath();

  @TempDir Path dir;
  private Cli cli;

  @BeforeEach
  void setUp() throws Exception {
    cli = Cli.in(dir);
  }

  @Test
  void withNoKeysEveryPluginIsSkippedWithItsVariablesAndTheFullMatrixIsWritten() throws Exception {
    // when
    Cli.Result r = cli.run("test-model", "--conform", LAYOUT.toString(), "--report-dir", "out");

    // then: all skipped is not a failure
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out())
        .contains("── anthropic @ js: SKIPPED (missing environment variables: ANTHROPIC_API_KEY)")
        .contains("── cloudflare-workers-ai @ go: SKIPPED (missing environment variables:"
            + " CLOUDFLARE_ACCOUNT_ID, CLOUDFLARE_API_TOKEN)")
        .contains("── ollama @ python: SKIPPED (no entry file conformance_entry.py for runtime python)")
        .contains("0 passed, 0 failed, 0 errors, 483 skipped")
        .contains("ignored: max-retries = 2");
    JsonNode doc = FakeRuntime.MAPPER.readTree(dir.resolve("out/results.json").toFile());
    assertThat(doc.get("runtimes").findValuesAsText("name")).containsExactly("python", "js", "go");
    assertThat(doc.get("tests")).hasSize(161 * 3);
    for (JsonNode t : doc.get("tests")) {
      assertThat(t.get("verdict").asText()).isEqualTo("SKIP");
      assertThat(t.get("reason").asText()).isNotEmpty();
    }
    String junit = Files.readString(dir.resolve("out/junit.xml"));
    assertThat(junit.split("<testsuite ", -1)).hasSize(27 * 3 + 1);
    assertThat(junit).contains("<testsuite name=\"xai/grok-2-vision-1212 @ go\"");
    String md = Files.readString(dir.resolve("out/report.md"));
    assertThat(md).contains("anthropic/claude-opus-4-6<br>js").contains("| ⏭️").doesNotContain("| ✅").doesNotContain("| ❌");
  }

  @Test
  void pluginsRunKeylessFirstThenByNameEachOnEveryRuntime() {
    // when
    Cli.Result r = cli.run("test-model", "--conform", LAYOUT.toString(), "--report-dir", "out");

    // then
    List<String> headers = new ArrayList<>();
    r.out().lines().filter(l -> l.startsWith("── ")).forEach(l -> headers.add(l.substring(3, l.indexOf(':'))));
    assertThat(headers).startsWith("ollama @ python", "ollama @ js", "ollama @ go", "amazon-bedrock @ python")
        .endsWith("xai @ go").hasSize(13 * 3);
  }

  @Test
  void aPlanOrdersThePluginsAndAPresentKeyLeadsToTheEntryFileCheck() throws Exception {
    // given: the layout with a plan that puts xai first, and XAI_API_KEY set
    Path layout = copyLayout();
    Files.writeString(layout.resolve("jgenkit-plan.yaml"),
        "phases:\n  - phase: 1\n    title: Cheapest\n    samples: [xai]\n");

    // when
    Cli.Result r = cli.withTerminal(false, Map.of("XAI_API_KEY", "k"))
        .run("test-model", "--conform", layout.toString(), "--runtime", "js", "xai", "ollama",
            "--report-dir", "out");

    // then
    assertThat(r.exitCode()).as(r.toString()).isZero();
    List<String> headers = r.out().lines().filter(l -> l.startsWith("── ")).toList();
    assertThat(headers).containsExactly(
        "── xai @ js: SKIPPED (no entry file conformance_entry.ts for runtime js)",
        "── ollama @ js: SKIPPED (no entry file conformance_entry.ts for runtime js)");
  }

  @Test
  void unknownPluginsRuntimesAndKeysAreUsageErrors() throws Exception {
    // when
    Cli.Result plugin = cli.run("test-model", "--conform", LAYOUT.toString(), "antropic");
    Cli.Result runtime = cli.run("test-model", "--conform", LAYOUT.toString(), "--runtime", "rust");
    Path layout = copyLayout();
    Path toml = layout.resolve("conform.toml");
    Files.writeString(toml, Files.readString(toml).replace("max-retries      = 2", "max-retry = 2"));
    Cli.Result key = cli.run("test-model", "--conform", layout.toString());

    // then
    assertThat(plugin.exitCode()).isEqualTo(2);
    assertThat(plugin.err()).contains("unknown plugin 'antropic'").contains("did you mean 'anthropic'?")
        .contains("available: amazon-bedrock, anthropic,");
    assertThat(runtime.exitCode()).isEqualTo(2);
    assertThat(runtime.err()).contains("no runtime 'rust'").contains("available: python, js, go");
    assertThat(key.exitCode()).isEqualTo(2);
    assertThat(key.err()).contains("conform.toml:30:1: unknown conform key 'max-retry'")
        .contains("did you mean 'max-retries'?");
  }

  private Path copyLayout() throws Exception {
    Path target = dir.resolve("layout");
    try (var files = Files.walk(LAYOUT)) {
      for (Path p : files.toList()) {
        Path to = target.resolve(LAYOUT.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to);
        }
      }
    }
    return target;
  }
}
