package dev.jgenkit.specs.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden pairs: each {@code invalid-sample-files/<case>.yaml} (or {@code .json}) must fail with exactly the
 * problems in {@code <case>.expected}; see {@link Goldens}.
 */
class InvalidSampleFileGoldenTest {
  private static final Path DIR = Path.of("src/test/resources/invalid-sample-files");

  static List<String> cases() throws IOException {
    return Goldens.cases(DIR);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reportsExactlyTheExpectedProblems(String name) throws IOException {
    Goldens.check(DIR, name, SampleFileLoader::load);
  }

  @Test
  void hasAGoldenFileForEveryCaseAndACaseForEveryGoldenFile() throws IOException {
    // While updating, the goldens of new cases may not have been written yet.
    assumeFalse(Goldens.UPDATE);

    // given
    List<String> cases = cases().stream().map(Goldens::baseName).toList();

    // when
    List<String> goldens = Goldens.goldens(DIR);

    // then
    assertThat(cases).hasSizeGreaterThanOrEqualTo(10).containsExactlyElementsOf(goldens);
  }
}
