package dev.jgenkit.specs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProjectRootTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "package.json", "go.mod", "pyproject.toml", "requirements.txt", "pom.xml", "build.gradle"
      })
  void findsTheNearestDirectoryWithAProjectFile(String marker, @TempDir Path dir)
      throws IOException {
    // given
    Path project = Files.createDirectories(dir.resolve("app"));
    Files.createFile(project.resolve(marker));
    Path nested = Files.createDirectories(project.resolve("src/deep"));

    // when
    Path root = ProjectRoot.find(nested);

    // then
    assertThat(root).isEqualTo(project.toAbsolutePath().normalize());
  }

  @Test
  void prefersTheNearestOfNestedProjects(@TempDir Path dir) throws IOException {
    // given
    Files.createFile(dir.resolve("package.json"));
    Path inner = Files.createDirectories(dir.resolve("py/plugin"));
    Files.createFile(inner.resolve("pyproject.toml"));

    // when
    Path root = ProjectRoot.find(inner.resolve("."));

    // then
    assertThat(root).isEqualTo(inner.toAbsolutePath().normalize());
  }

  @Test
  void resolvesSpecsAgainstTheRootAndKeepsAbsolutePaths(@TempDir Path dir) {
    // given
    Path absolute = dir.resolve("elsewhere/spec.yaml").toAbsolutePath();

    // then
    assertThat(ProjectRoot.resolveSpec(dir, "tests/spec.yaml"))
        .isEqualTo(dir.resolve("tests/spec.yaml"));
    assertThat(ProjectRoot.resolveSpec(dir, "tests/../spec.yaml"))
        .isEqualTo(dir.resolve("spec.yaml"));
    assertThat(ProjectRoot.resolveSpec(dir, absolute.toString())).isEqualTo(absolute);
  }
}
