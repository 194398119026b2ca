package dev.jgenkit.specs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ValidatorSpecTest {
  @Test
  void splitsAtTheFirstColonOnly() {
    // when
    ValidatorSpec prefix = ValidatorSpec.parse("text-starts-with:RESPONSE:");
    ValidatorSpec many = ValidatorSpec.parse("text-includes:a:b:c");

    // then
    assertThat(prefix).isEqualTo(new ValidatorSpec("text-starts-with", "RESPONSE:"));
    assertThat(many.argument()).isEqualTo("a:b:c");
  }

  @Test
  void hasAnEmptyArgumentWithoutAColonOrAfterATrailingOne() {
    // when
    ValidatorSpec bare = ValidatorSpec.parse("valid-json");
    ValidatorSpec trailing = ValidatorSpec.parse("finish-reason:");

    // then
    assertThat(bare).isEqualTo(new ValidatorSpec("valid-json", ""));
    assertThat(bare.hasArgument()).isFalse();
    assertThat(trailing).isEqualTo(new ValidatorSpec("finish-reason", ""));
    assertThat(trailing.hasArgument()).isFalse();
  }

  @Test
  void printsBackTheSpecForm() {
    // then
    assertThat(ValidatorSpec.parse("has-tool-request:weather"))
        .hasToString("has-tool-request:weather");
    assertThat(ValidatorSpec.parse("reasoning")).hasToString("reasoning");
  }

  @Test
  void refusesAnEmptyName() {
    // then
    assertThatThrownBy(() -> ValidatorSpec.parse(":x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ValidatorSpec.parse("")).isInstanceOf(IllegalArgumentException.class);
  }
}
