package dev.jgenkit.specs.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.jgenkit.specs.SpecException;
import dev.jgenkit.specs.SpecProblem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Golden pairs of invalid documents and the exact problems expected, as {@code <case>.yaml} (or
 * {@code .json}) next to {@code <case>.expected}. {@code -Djgenkit.updateGolden=true} rewrites the
 * expected files; review the diff.
 */
final class Goldens {
  static final boolean UPDATE = Boolean.getBoolean("jgenkit.updateGolden");

  /** Loads a document, expecting it to fail. */
  interface Loader {
    Object load(Path file) throws SpecException;
  }

  private Goldens() {}

  /** The case files (not the goldens) in a directory, sorted. */
  static List<String> cases(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(n -> !n.endsWith(".expected"))
          .sorted()
          .toList();
    }
  }

  /** The golden files' base names, sorted. */
  static List<String> goldens(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(n -> n.endsWith(".expected"))
          .map(n -> n.substring(0, n.length() - ".expected".length()))
          .sorted()
          .toList();
    }
  }

  static String baseName(String file) {
    return file.substring(0, file.lastIndexOf('.'));
  }

  /** Loads the case and compares its problems with the golden file (or rewrites it). */
  static void check(Path dir, String name, Loader loader) throws IOException {
    Path file = dir.resolve(name);
    Path expectedFile = dir.resolve(baseName(name) + ".expected");

    SpecException e = catchThrowableOfType(SpecException.class, () -> loader.load(file));

    assertThat(e).as("%s must be rejected", name).isNotNull();
    String actual = render(dir, e.problems());
    if (UPDATE) {
      Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
    }
    assertThat(expectedFile).as("golden file for %s", name).exists();
    assertThat(actual).isEqualTo(Files.readString(expectedFile, StandardCharsets.UTF_8));
  }

  private static String render(Path dir, List<SpecProblem> problems) {
    return problems.stream()
        .map(p -> p.relativeTo(dir).format())
        .collect(Collectors.joining("\n", "", "\n"));
  }
}
