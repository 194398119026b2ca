package dev.jgenkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares CLI output with {@code src/test/resources/golden/<name>}; with {@code
 * -Djgenkit.updateGolden=true} rewrites the file instead.
 */
final class Golden {
  static final Path DIR = Path.of("src", "test", "resources", "golden");

  private Golden() {}

  static void assertMatches(String name, String actual) throws IOException {
    Path file = DIR.resolve(name);
    if (Boolean.getBoolean("jgenkit.updateGolden")) {
      Files.createDirectories(DIR);
      Files.writeString(file, actual, StandardCharsets.UTF_8);
      return;
    }
    assertThat(file)
        .as("golden file %s is missing; run with -Djgenkit.updateGolden=true to create it", file)
        .exists();
    assertThat(actual)
        .as("output differs from %s; run with -Djgenkit.updateGolden=true if intended", file)
        .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
  }
}
