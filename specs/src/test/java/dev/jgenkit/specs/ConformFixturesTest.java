package dev.jgenkit.specs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every real spec from the Genkit project (see genkit-conform/NOTICE) loads without a problem. */
class ConformFixturesTest {
  private static final Path DIR = Path.of("src/test/resources/genkit-conform");

  static List<Path> specs() throws IOException {
    try (Stream<Path> files = Files.walk(DIR)) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("specs")
  void loadsWithoutProblems(Path spec) {
    // then
    assertThatCode(() -> SpecLoader.load(spec)).doesNotThrowAnyException();
  }

  @Test
  void coversAllFourteenSpecs() throws IOException {
    // then
    assertThat(specs()).hasSize(14);
  }

  @Test
  void readsTheGoogleGenAiSpecFaithfully() throws Exception {
    // when
    SpecFile spec = SpecLoader.load(DIR.resolve("google-genai/model-conformance.yaml"));

    // then
    assertThat(spec.suites())
        .extracting(Suite::model)
        .containsExactly(
            "googleai/imagen-4.0-generate-001",
            "googleai/gemini-2.5-flash-preview-tts",
            "googleai/gemini-2.5-pro",
            "googleai/gemini-3-pro-preview",
            "googleai/gemini-2.5-flash");
    Suite tts = spec.suites().get(1);
    assertThat(tts.capabilities(BuiltInTests.DEFAULT_SUPPORTS)).isEmpty();
    assertThat(tts.customTests().get(0).input().toString())
        .isEqualTo(
            "{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"Hello world\"}]}],"
                + "\"config\":{\"responseModalities\":[\"AUDIO\"]}}");
    Suite gemini3 = spec.suites().get(3);
    assertThat(gemini3.customTests())
        .extracting(CustomTest::name, CustomTest::validators, CustomTest::stream)
        .containsExactly(
            tuple(
                "Reasoning conformance", List.of("reasoning"), false),
            tuple(
                "Streaming conformance", List.of("text-not-empty"), true),
            tuple(
                "Tool Response Conformance", List.of("text-includes:21"), false));
    ObjectNode reasoning = gemini3.customTests().get(0).input();
    assertThat(reasoning.at("/config/thinkingConfig/thinkingBudget").isInt()).isTrue();
    assertThat(
            gemini3
                .customTests()
                .get(2)
                .input()
                .at("/messages/1/content/0/metadata/thoughtSignature")
                .asText())
        .startsWith("CvABAXLI2nx")
        .endsWith("EqMMuv");
  }
}
