package dev.jgenkit.specs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** Finds the project root the way the peer's {@code findProjectRoot()} does. */
public final class ProjectRoot {
  /** Files that mark a project root, as in the peer. */
  public static final List<String> MARKERS =
      List.of(
          "package.json",
          "go.mod",
          "pyproject.toml",
          "requirements.txt",
          "pom.xml",
          "build.gradle");

  private ProjectRoot() {}

  /**
   * The nearest directory at or above {@code start} that contains one of {@link #MARKERS}, or
   * {@code start} itself when none does.
   */
  public static Path find(Path start) {
    Path from = start.toAbsolutePath().normalize();
    for (Path dir = from; dir != null; dir = dir.getParent()) {
      for (String marker : MARKERS) {
        if (Files.exists(dir.resolve(marker))) {
          return dir;
        }
      }
    }
    return from;
  }

  /**
   * A {@code --from-file} argument resolved against the project root, not the working directory;
   * an absolute path stays as it is (the peer's {@code path.resolve(projectRoot, file)}).
   */
  public static Path resolveSpec(Path projectRoot, String file) {
    Objects.requireNonNull(file, "file");
    return projectRoot.resolve(file).normalize();
  }
}
