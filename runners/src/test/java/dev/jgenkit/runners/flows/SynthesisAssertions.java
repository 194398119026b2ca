package dev.jgenkit.runners.flows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jgenkit.runners.validate.SchemaCheck;
import java.io.UncheckedIOException;

/** Helpers for input-synthesis tests: JSON from text blocks, and one-call synthesis. */
final class SynthesisAssertions {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private SynthesisAssertions() {}

  static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Synthesises from {@code schema}, expecting a value, and checks the value validates. */
  static Synthesis.Value valueFor(String schema) {
    JsonNode parsed = json(schema);
    Synthesis synthesis = InputSynthesizer.synthesize(parsed);
    assertThat(synthesis).isInstanceOf(Synthesis.Value.class);
    Synthesis.Value value = (Synthesis.Value) synthesis;
    assertThat(SchemaCheck.errors(parsed, value.value())).isEmpty();
    return value;
  }

  /** The synthesised value as compact JSON. */
  static String synthesised(String schema) {
    return valueFor(schema).value().toString();
  }

  /** Synthesises from {@code schema}, expecting none, and returns the reason. */
  static String impossible(String schema) {
    Synthesis synthesis = InputSynthesizer.synthesize(json(schema));
    assertThat(synthesis).isInstanceOf(Synthesis.Impossible.class);
    return ((Synthesis.Impossible) synthesis).reason();
  }
}
