package dev.jgenkit.specs.conform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgenkit.specs.SpecException;
import dev.jgenkit.specs.SpecProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** conform.toml as Genkit's conform tool writes it (genkit-conform/NOTICE), and its problems. */
class ConformConfigLoaderTest {
  private static final Path REAL = Path.of("src/test/resources/genkit-conform/conform.toml");

  @TempDir Path dir;

  @Test
  void readsGenkitsRealConfig() throws Exception {
    // when
    ConformConfig c = ConformConfigLoader.load(REAL);

    // then
    assertThat(c.runtimeNames()).containsExactly("python", "js", "go");
    ConformConfig.Runtime js = c.runtimes().get(1);
    assertThat(js.entryCommand()).containsExactly("npx", "tsx");
    assertThat(js.entryFilename()).isEqualTo("conformance_entry.ts");
    assertThat(c.runtimes().get(0).entryFilename()).isEqualTo("conformance_entry.py");
    assertThat(c.runtimes().get(2).entryFilename()).isEqualTo("conformance_entry.go");
    Path base = REAL.toAbsolutePath().normalize().getParent();
    assertThat(js.specsDir()).isEqualTo(base);
    assertThat(js.cwd()).isEqualTo(base.resolve("../../../js").normalize());
    assertThat(js.location().toString()).endsWith("conform.toml:102:1");
    assertThat(c.requiredEnv("cloudflare-workers-ai"))
        .containsExactly("CLOUDFLARE_ACCOUNT_ID", "CLOUDFLARE_API_TOKEN");
    assertThat(c.requiredEnv("ollama")).isEmpty();
    assertThat(c.actionTimeout()).contains(Duration.ofSeconds(120));
    assertThat(c.startupTimeout()).contains(Duration.ofSeconds(30));
    assertThat(c.testConcurrency()).hasValue(3);
    assertThat(c.pluginOverrides().get("cloudflare-workers-ai").actionTimeout())
        .contains(Duration.ofSeconds(180));
    assertThat(c.ignored()).anyMatch(s -> s.startsWith("max-retries = 2: "))
        .anyMatch(s -> s.startsWith("runner = \"auto\": "))
        .anyMatch(s -> s.startsWith("runtimes.js.default-runner = \"native\": "));
  }

  @Test
  void acceptsToolConformInAPyprojectToml() throws Exception {
    // given
    Files.createDirectories(dir.resolve("specs"));
    Path f = dir.resolve("pyproject.toml");
    Files.writeString(f, "[project]\nname = \"x\"\n\n[tool.conform.runtimes.python]\nspecs-dir = \"specs\"\n"
        + "entry-command = [\"uv\", \"run\"]\n");

    // when
    ConformConfig c = ConformConfigLoader.load(f);

    // then
    assertThat(c.runtimes()).singleElement().satisfies(r -> {
      assertThat(r.specsDir()).isEqualTo(dir.resolve("specs").toAbsolutePath().normalize());
      assertThat(r.entryFilename()).isEqualTo("conformance_entry.py");
    });
  }

  @Test
  void problemsAreLocatedWithADidYouMean() throws Exception {
    // given
    Path f = dir.resolve("conform.toml");
    Files.writeString(f,
        """
        [conform]
        action-timout = 10
        test-concurrency = 0

        [conform.env]
        x = "KEY"

        [conform.runtimes.js]
        specs-dir = "nowhere"
        entry-comand = ["node"]
        """);

    // when / then
    assertThatThrownBy(() -> ConformConfigLoader.load(f))
        .isInstanceOfSatisfying(SpecException.class, e -> assertThat(
            e.problems().stream().map(SpecProblem::format).map(s -> s.substring(s.indexOf(".toml:") + 6)).toList())
            .containsExactly(
                "2:1: unknown conform key 'action-timout'\n  hint: did you mean 'action-timeout'? A conform has "
                    + String.join(", ", ConformConfigLoader.CONFORM_KEYS),
                "3:1: 'test-concurrency' must be a whole number of at least 1, found 0\n  hint: write e.g. test-concurrency = 3",
                "6:1: 'x' must be a list of strings, found \"KEY\"\n  hint: write x = [\"API_KEY\"]",
                "8:1: [conform.runtimes.js] has no 'entry-command'\n  hint: add entry-command = [\"npx\", \"tsx\"]",
                "9:1: specs-dir not found: " + dir.resolve("nowhere").toAbsolutePath().normalize()
                    + "\n  hint: give the directory holding <plugin>/model-conformance.yaml, relative to "
                    + dir.toAbsolutePath().normalize(),
                "10:1: unknown runtime key 'entry-comand'\n  hint: did you mean 'entry-command'? A runtime has "
                    + String.join(", ", ConformConfigLoader.RUNTIME_KEYS)));
  }

  @Test
  void aTomlSyntaxErrorIsLocated() throws Exception {
    // given
    Path f = dir.resolve("conform.toml");
    Files.writeString(f, "[conform]\nconcurrency = = 8\n");

    // when / then
    assertThatThrownBy(() -> ConformConfigLoader.load(f))
        .isInstanceOf(SpecException.class)
        .hasMessageMatching("(?s).*conform\\.toml:2:\\d+: not valid TOML: .*");
  }

  @Test
  void aDirectoryMeansItsConformToml() {
    assertThat(ConformConfigLoader.resolve(dir)).isEqualTo(dir.resolve("conform.toml"));
    assertThat(ConformConfigLoader.resolve(REAL)).isEqualTo(REAL);
    assertThat(List.of(ConformConfig.FILE_NAME, ConformConfig.SPEC_FILE))
        .containsExactly("conform.toml", "model-conformance.yaml");
  }
}
