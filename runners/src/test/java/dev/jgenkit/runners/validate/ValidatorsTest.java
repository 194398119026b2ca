package dev.jgenkit.runners.validate;

import static dev.jgenkit.runners.validate.ValidationFixtures.modelMessage;
import static dev.jgenkit.runners.validate.ValidationFixtures.response;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgenkit.specs.ValidatorCatalog;
import dev.jgenkit.specs.ValidatorSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The registry: spec parsing, ordering, first failure, unknown names. */
class ValidatorsTest {
  private static final ValidationInput HELLO =
      response(modelMessage("[{\"text\": \"RESPONSE: hello\"}]"));

  @Test
  void specsSplitAtTheFirstColon() {
    assertThat(Validators.requireKnown("text-starts-with:RESPONSE:"))
        .isEqualTo(new ValidatorSpec("text-starts-with", "RESPONSE:"));
    assertThat(Validators.requireKnown("text-includes:a:b:c"))
        .isEqualTo(new ValidatorSpec("text-includes", "a:b:c"));
    assertThat(Validators.requireKnown("text-not-empty"))
        .isEqualTo(new ValidatorSpec("text-not-empty", ""));
    assertThat(Validators.requireKnown("valid-media:"))
        .isEqualTo(new ValidatorSpec("valid-media", ""));
  }

  @Test
  void theRegistryMatchesTheSpecCatalog() {
    assertThat(Validators.names()).containsExactlyInAnyOrderElementsOf(ValidatorCatalog.names());
  }

  @Test
  void allValidatorsAreRegistered() {
    assertThat(Validators.names())
        .containsExactly(
            "has-tool-request",
            "valid-json",
            "text-includes",
            "stream-text-includes",
            "stream-has-tool-request",
            "stream-valid-json",
            "text-starts-with",
            "text-not-empty",
            "valid-media",
            "reasoning",
            "json-schema",
            "tool-input-schema",
            "stream-consistent",
            "finish-reason",
            "usage-present");
  }

  @Test
  void runAllPassesWhenEveryValidatorPasses() {
    assertThat(Validators.runAll(List.of("text-not-empty", "text-starts-with:RESPONSE:"), HELLO))
        .isEmpty();
    assertThat(Validators.runAll(List.of(), HELLO)).isEmpty();
  }

  @Test
  void runAllReturnsTheFirstFailure() {
    assertThat(
            Validators.runAll(
                List.of("text-not-empty", "text-includes:bye", "text-starts-with:NOPE"), HELLO))
        .contains("Response text does not include 'bye'. Text: RESPONSE: hello");
  }

  @Test
  void unknownValidatorsAreRejectedBeforeAnyRuns() {
    assertThatThrownBy(
            () -> Validators.runAll(List.of("text-includes:bye", "text-contains:hello"), HELLO))
        .isInstanceOf(UnknownValidatorException.class)
        .hasMessage("Unknown validator: text-contains")
        .satisfies(
            e -> assertThat(((UnknownValidatorException) e).name()).isEqualTo("text-contains"));
  }

  @Test
  void requireKnownParsesAKnownSpec() {
    assertThat(Validators.requireKnown("finish-reason:stop"))
        .isEqualTo(new ValidatorSpec("finish-reason", "stop"));
    assertThatThrownBy(() -> Validators.requireKnown("Text-Includes:x"))
        .hasMessage("Unknown validator: Text-Includes");
    assertThatThrownBy(() -> Validators.requireKnown(":x")).hasMessage("Unknown validator: ");
  }

  @Test
  void aMissingResponseIsHandledLikeUndefined() {
    ValidationInput in = new ValidationInput(null, null, null, false);

    assertThat(Validators.runAll(List.of("text-includes:x"), in))
        .contains("Response text does not include 'x'. Text: undefined");
    assertThat(Validators.runAll(List.of("has-tool-request"), in))
        .contains("Response missing message content. Full response: undefined");
  }
}
