package dev.jgenkit.runners.runtime;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where runtime files may appear: {@code .genkit/runtimes} under the project root (JS, Go) and under
 * the working directory (Python writes there), plus every ancestor of the working directory (a JS
 * app writes under the nearest {@code package.json}, a Go app under the nearest {@code go.mod}).
 */
public final class RuntimeDirectories {
  private final List<Path> dirs;

  private RuntimeDirectories(List<Path> dirs) {
    this.dirs = List.copyOf(dirs);
  }

  public static RuntimeDirectories of(Path projectRoot, Path workingDir) {
    Set<Path> out = new LinkedHashSet<>();
    out.add(runtimesDir(projectRoot));
    for (Path p = workingDir.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
      out.add(runtimesDir(p));
    }
    return new RuntimeDirectories(new ArrayList<>(out));
  }

  private static Path runtimesDir(Path root) {
    return root.toAbsolutePath().normalize().resolve(".genkit").resolve("runtimes");
  }

  public List<Path> dirs() {
    return dirs;
  }

  /** Every valid runtime file found, newest first. */
  public List<RuntimeFile> list() {
    List<RuntimeFile> files = new ArrayList<>();
    for (Path dir : dirs) {
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.json")) {
        for (Path p : ds) {
          RuntimeFile.read(p).ifPresent(files::add);
        }
      } catch (IOException e) {
        // unreadable directory: nothing to discover there
      }
    }
    files.sort(Comparator.comparing(RuntimeFile::timestamp).reversed());
    return files;
  }
}
