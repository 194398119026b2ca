package dev.jgenkit.specs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link Suite#capabilities} follows the peer's JS truthiness exactly. */
class SuiteTest {
  private static final Location HERE = Location.startOf(Path.of("spec.yaml"));
  private static final List<String> DEFAULTS = List.of("multiturn", "system-role");
  private static final CustomTest TEST =
      new CustomTest("t", JsonNodeFactory.instance.objectNode(), List.of(), false, HERE);

  @Test
  void runsExactlyTheListedCapabilitiesWhenSupportsIsPresent() {
    // given
    Suite suite = suite(Optional.of(List.of("tool-request")), Optional.of(List.of(TEST)));

    // then
    assertThat(suite.capabilities(DEFAULTS)).containsExactly("tool-request");
  }

  @Test
  void runsNoBuiltInsForAnEmptySupportsList() {
    // given
    Suite suite = suite(Optional.of(List.of()), Optional.empty());

    // then
    assertThat(suite.capabilities(DEFAULTS)).isEmpty();
  }

  @Test
  void runsNoBuiltInsWhenOnlyTestsArePresentEvenIfEmpty() {
    // then
    Suite withTests = suite(Optional.empty(), Optional.of(List.of(TEST)));
    Suite withEmptyTests = suite(Optional.empty(), Optional.of(List.of()));
    assertThat(withTests.capabilities(DEFAULTS)).isEmpty();
    assertThat(withEmptyTests.capabilities(DEFAULTS)).isEmpty();
  }

  @Test
  void runsTheDefaultsWhenBothAreAbsent() {
    // then
    assertThat(suite(Optional.empty(), Optional.empty()).capabilities(DEFAULTS))
        .containsExactlyElementsOf(DEFAULTS);
  }

  @Test
  void prefixesModelNamesButKeepsFullKeys() {
    // then
    assertThat(Suite.modelKey("ollama/gemma3")).isEqualTo("/model/ollama/gemma3");
    assertThat(Suite.modelKey("/background-model/veo")).isEqualTo("/background-model/veo");
  }

  private static Suite suite(Optional<List<String>> supports, Optional<List<CustomTest>> tests) {
    return new Suite("m", supports, tests, HERE);
  }
}
