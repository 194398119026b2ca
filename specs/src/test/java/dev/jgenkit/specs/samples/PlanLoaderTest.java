package dev.jgenkit.specs.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.jgenkit.specs.Location;
import dev.jgenkit.specs.SpecException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanLoaderTest {
  private static final Path FILE = Path.of("plans/bundled.yaml");

  private static final String PLAN =
      """
      name: bundled
      description: the bundled samples
      features: [Flows, Tools, Streaming]
      env-help:
        OPENAI_API_KEY: "OpenAI Platform: https://platform.openai.com/api-keys"
        GEMINI_API_KEY: "Google AI Studio (free): https://aistudio.google.com/apikey"
      phases:
        - phase: 1
          title: Core
          samples:
            - name: tool-interrupts
              features: [Flows, Tools]
              notes: validates W1
            - prompt-demo
        - phase: 3
          title: Providers
          samples:
            - name: provider-needs-key
              env: [OPENAI_API_KEY]
              features: [Streaming]
      """;

  @Test
  void loadsPhasesSamplesEnvHelpAndFeatures() throws SpecException {
    // when
    Plan plan = PlanLoader.load(FILE, PLAN);

    // then
    assertThat(plan.name()).isEqualTo("bundled");
    assertThat(plan.source()).contains(FILE);
    assertThat(plan.features()).containsExactly("Flows", "Tools", "Streaming");
    assertThat(plan.envHelp().keySet()).containsExactly("OPENAI_API_KEY", "GEMINI_API_KEY");
    assertThat(plan.envHelp()).containsEntry("OPENAI_API_KEY", "OpenAI Platform: https://platform.openai.com/api-keys");
    assertThat(plan.phases()).extracting(PlanPhase::phase).containsExactly(1, 3);
    assertThat(plan.phases()).extracting(PlanPhase::title).containsExactly("Core", "Providers");
    assertThat(plan.samplesInOrder())
        .extracting(PlanSample::name)
        .containsExactly("tool-interrupts", "prompt-demo", "provider-needs-key");
    assertThat(plan.sample("tool-interrupts"))
        .contains(
            new PlanSample(
                "tool-interrupts",
                1,
                List.of(),
                List.of("Flows", "Tools"),
                "validates W1",
                new Location(FILE, 11, 9)));
  }

  @Test
  void acceptsABareSampleName() throws SpecException {
    // when
    PlanSample sample = PlanLoader.load(FILE, PLAN).sample("prompt-demo").orElseThrow();

    // then
    assertThat(sample)
        .isEqualTo(
            new PlanSample("prompt-demo", 1, List.of(), List.of(), "", new Location(FILE, 14, 9)));
  }

  @Test
  void answersWhichPhaseASampleIsIn() throws SpecException {
    // given
    Plan plan = PlanLoader.load(FILE, PLAN);

    // then
    assertThat(plan.phaseOf("provider-needs-key")).isEqualTo(OptionalInt.of(3));
    assertThat(plan.phaseOf("not-listed")).isEmpty();
    assertThat(plan.sample("not-listed")).isEmpty();
    assertThat(plan.phase(3).map(PlanPhase::title)).contains("Providers");
    assertThat(plan.phase(2)).isEmpty();
  }

  @Test
  void ordersFeaturesByFirstAppearanceWhenTheyAreNotListed() throws SpecException {
    // given
    String yaml =
        """
        phases:
          - phase: 2
            samples:
              - {name: a, features: [Streaming, Tools]}
              - {name: b, features: [Embeddings, Streaming]}
        """;

    // when
    Plan plan = PlanLoader.load(Path.of("my-plan.yaml"), yaml);

    // then
    assertThat(plan.features()).containsExactly("Streaming", "Tools", "Embeddings");
    assertThat(plan.name()).isEqualTo("my-plan");
    assertThat(plan.envHelp()).isEmpty();
    assertThat(plan.phases().get(0).title()).isEqualTo("Phase 2");
  }

  @Test
  void readsJsonPlans() throws SpecException {
    // given
    String json = "{\"phases\": [{\"phase\": 1, \"title\": \"Core\", \"samples\": [\"a\", {\"name\": \"b\"}]}]}";

    // when
    Plan plan = PlanLoader.load(Path.of("plan.json"), json);

    // then
    assertThat(plan.samplesInOrder()).extracting(PlanSample::name).containsExactly("a", "b");
  }

  @Test
  void loadsAFileFromDisk(@TempDir Path dir) throws Exception {
    // given
    Path file = dir.resolve("plan.yaml");
    Files.writeString(file, PLAN);

    // when
    Plan plan = PlanLoader.load(file);

    // then
    assertThat(plan.source()).contains(file);
    assertThat(plan.samplesInOrder()).hasSize(3);
  }

  @Test
  void reportsAMissingFileWithTheBuiltInNames(@TempDir Path dir) {
    // given
    Path file = dir.resolve("genkit-pyhton");

    // when
    SpecException e = catchThrowableOfType(SpecException.class, () -> PlanLoader.load(file));

    // then
    assertThat(e.problems()).singleElement().satisfies(p -> {
      assertThat(p.message()).isEqualTo("plan file not found");
      assertThat(p.hint()).isEqualTo("check the path; built-in plans: genkit-python");
    });
  }

  @Test
  void listsTheBuiltInPlans() {
    assertThat(PlanLoader.builtInNames()).containsExactly("genkit-python");
    assertThat(PlanLoader.builtIn("genkit-python")).isPresent();
    assertThat(PlanLoader.builtIn("no-such-plan")).isEmpty();
  }

  @Test
  void builtInPlansHaveNoSourceFile() {
    Plan plan = PlanLoader.builtIn("genkit-python").orElseThrow();
    assertThat(plan.source()).isEmpty();
    assertThat(plan.name()).isEqualTo("genkit-python");
    assertThat(plan.samplesInOrder().get(0).location().file()).isEqualTo(Path.of("genkit-python.yaml"));
  }

  @Test
  void recordsRejectPhasesOutOfOrderAndRepeatedSamples() {
    Location at = Location.startOf(FILE);
    PlanSample a1 = new PlanSample("a", 1, List.of(), List.of(), "", at);
    PlanSample a2 = new PlanSample("a", 2, List.of(), List.of(), "", at);
    PlanPhase one = new PlanPhase(1, "One", List.of(a1));
    PlanPhase two = new PlanPhase(2, "Two", List.of(a2));
    assertThatThrownBy(() -> new Plan("p", Optional.empty(), List.of(two, one), Map.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Plan("p", Optional.empty(), List.of(one, two), Map.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PlanPhase(1, "One", List.of(a2)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PlanPhase(100, "Too far", List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
