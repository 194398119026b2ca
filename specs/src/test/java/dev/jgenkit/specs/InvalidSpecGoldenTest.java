package dev.jgenkit.specs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden pairs: each {@code invalid/<case>.yaml} (or {@code .json}) must fail with exactly the
 * problems in {@code <case>.expected}. Run with {@code -Djgenkit.updateGolden=true} to rewrite
 * the expected files after an intended change, then review the diff.
 */
class InvalidSpecGoldenTest {
  private static final Path DIR = Path.of("src/test/resources/invalid");
  private static final boolean UPDATE = Boolean.getBoolean("jgenkit.updateGolden");

  static Stream<String> cases() throws IOException {
    try (Stream<Path> files = Files.list(DIR)) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(n -> !n.endsWith(".expected"))
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reportsExactlyTheExpectedProblems(String name) throws IOException {
    // given
    Path spec = DIR.resolve(name);
    Path expectedFile = DIR.resolve(name.substring(0, name.lastIndexOf('.')) + ".expected");

    // when
    SpecException e = catchThrowableOfType(SpecException.class, () -> SpecLoader.load(spec));

    // then
    assertThat(e).as("%s must be rejected", name).isNotNull();
    String actual = render(e.problems());
    if (UPDATE) {
      Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
    }
    assertThat(expectedFile).as("golden file for %s", name).exists();
    assertThat(actual).isEqualTo(Files.readString(expectedFile, StandardCharsets.UTF_8));
  }

  @Test
  void hasAGoldenFileForEveryCaseAndACaseForEveryGoldenFile() throws IOException {
    // While updating, the goldens of new cases may not have been written yet.
    assumeFalse(UPDATE);

    // given
    List<String> specs = cases().map(n -> n.substring(0, n.lastIndexOf('.'))).toList();

    // when
    List<String> goldens;
    try (Stream<Path> files = Files.list(DIR)) {
      goldens =
          files
              .map(f -> f.getFileName().toString())
              .filter(n -> n.endsWith(".expected"))
              .map(n -> n.substring(0, n.length() - ".expected".length()))
              .sorted()
              .toList();
    }

    // then
    assertThat(specs).hasSizeGreaterThanOrEqualTo(15).containsExactlyElementsOf(goldens);
  }

  private static String render(List<SpecProblem> problems) {
    return problems.stream()
        .map(p -> p.relativeTo(DIR).format())
        .collect(Collectors.joining("\n", "", "\n"));
  }
}
