package dev.jgenkit.specs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DidYouMeanTest {
  private static final List<String> SUITE_KEYS = List.of("model", "supports", "tests");

  @Test
  void suggestsTheClosestNameForATypo() {
    // then
    assertThat(DidYouMean.suggest("suports", SUITE_KEYS)).contains("supports");
    assertThat(DidYouMean.suggest("modle", SUITE_KEYS)).contains("model");
    assertThat(DidYouMean.suggest("Tests", SUITE_KEYS)).contains("tests");
    assertThat(DidYouMean.suggest("tool-requests", Capabilities.KNOWN)).contains("tool-request");
    assertThat(DidYouMean.suggest("structured_output", Capabilities.KNOWN))
        .contains("structured-output");
  }

  @Test
  void suggestsNothingWhenNoNameIsClose() {
    // then
    assertThat(DidYouMean.suggest("timeout", SUITE_KEYS)).isEmpty();
    assertThat(DidYouMean.suggest("reasoning", Capabilities.KNOWN)).isEmpty();
    assertThat(DidYouMean.suggest("x", List.of())).isEmpty();
  }

  @Test
  void prefersTheEarlierCandidateOnATie() {
    // then
    assertThat(DidYouMean.suggest("ab", List.of("ac", "ad"))).contains("ac");
  }

  @Test
  void countsASwapOfNeighboursAsOneEdit() {
    // then
    assertThat(DidYouMean.distance("modle", "model")).isEqualTo(1);
    assertThat(DidYouMean.distance("kitten", "sitting")).isEqualTo(3);
  }
}
