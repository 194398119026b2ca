package dev.jgenkit.specs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgenkit.specs.ValidatorCatalog.Entry;
import dev.jgenkit.specs.ValidatorCatalog.Origin;
import org.junit.jupiter.api.Test;

class ValidatorCatalogTest {
  @Test
  void knowsThePeersTenThenJgenkitsFive() {
    // then
    assertThat(ValidatorCatalog.all())
        .filteredOn(e -> e.origin() == Origin.GENKIT)
        .extracting(Entry::name)
        .containsExactly(
            "has-tool-request",
            "valid-json",
            "text-includes",
            "text-starts-with",
            "text-not-empty",
            "valid-media",
            "reasoning",
            "stream-text-includes",
            "stream-has-tool-request",
            "stream-valid-json");
    assertThat(ValidatorCatalog.all())
        .filteredOn(e -> e.origin() == Origin.JGENKIT)
        .extracting(Entry::name)
        .containsExactly(
            "json-schema",
            "tool-input-schema",
            "stream-consistent",
            "finish-reason",
            "usage-present");
    assertThat(ValidatorCatalog.names()).hasSize(15).doesNotHaveDuplicates();
  }

  @Test
  void requiresAnArgumentOnlyForFinishReason() {
    // then
    assertThat(ValidatorCatalog.names())
        .filteredOn(ValidatorCatalog::requiresArgument)
        .containsExactly("finish-reason");
    assertThat(ValidatorCatalog.acceptsArgument("has-tool-request")).isTrue();
    assertThat(ValidatorCatalog.acceptsArgument("valid-json")).isFalse();
    assertThat(ValidatorCatalog.requiresArgument("no-such")).isFalse();
  }

  @Test
  void describesEachValidatorInOneLine() {
    // then
    assertThat(ValidatorCatalog.all())
        .allSatisfy(
            e -> assertThat(e.description()).isNotBlank().doesNotContain("\n").endsWith("."));
    assertThat(ValidatorCatalog.description("reasoning"))
        .contains("The response contains a reasoning part.");
    assertThat(ValidatorCatalog.description("no-such")).isEmpty();
  }

  @Test
  void showsHowToWriteEachOne() {
    // then
    assertThat(ValidatorCatalog.find("finish-reason").orElseThrow().usage())
        .isEqualTo("finish-reason:<reason>");
    assertThat(ValidatorCatalog.find("text-includes").orElseThrow().usage())
        .isEqualTo("text-includes[:<text>]");
    assertThat(ValidatorCatalog.find("valid-json").orElseThrow().usage()).isEqualTo("valid-json");
  }

  @Test
  void treatsReasoningAsAValidatorNotACapability() {
    // then
    assertThat(ValidatorCatalog.isKnown("reasoning")).isTrue();
    assertThat(Capabilities.isKnown("reasoning")).isFalse();
  }
}
