package dev.jgenkit.specs.project;

import dev.jgenkit.specs.Location;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A loaded {@code jgenkit.yaml}: the named runtimes of a multi-runtime run and what runs on each.
 *
 * @param path the file
 * @param specs spec files for runtimes that name none, resolved against the file's directory
 * @param runtimes the runtimes in file order
 */
public record ProjectFile(Path path, List<Path> specs, List<Runtime> runtimes) {
  /** The file's conventional name, looked for in the project root, then the working directory. */
  public static final String FILE_NAME = "jgenkit.yaml";

  public ProjectFile {
    Objects.requireNonNull(path, "path");
    specs = List.copyOf(specs);
    runtimes = List.copyOf(runtimes);
  }

  /**
   * One runtime: started from a command or attached by URL.
   *
   * @param name its name (columns, results, junit suites), unique in the file
   * @param start the command and its arguments (argv, no shell); empty when attached by URL
   * @param cwd where to start it, resolved against the file's directory
   * @param env extra environment variables for the started process, in file order
   * @param url the reflection URL to attach to; empty when started
   * @param specs its own spec files (resolved), empty to use the file's
   * @param models when not empty, only the suites of these models run on it
   * @param location where the runtime is written
   */
  public record Runtime(
      String name,
      List<String> start,
      Path cwd,
      Map<String, String> env,
      Optional<String> url,
      List<Path> specs,
      List<String> models,
      Location location) {
    public Runtime {
      Objects.requireNonNull(name, "name");
      start = List.copyOf(start);
      Objects.requireNonNull(cwd, "cwd");
      env = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(env));
      Objects.requireNonNull(url, "url");
      if (start.isEmpty() == url.isEmpty()) {
        throw new IllegalArgumentException("a runtime has either a start command or a URL");
      }
      specs = List.copyOf(specs);
      models = List.copyOf(models);
      Objects.requireNonNull(location, "location");
    }
  }

  /** The runtime called {@code name}. */
  public Optional<Runtime> runtime(String name) {
    return runtimes.stream().filter(r -> r.name().equals(name)).findFirst();
  }

  public List<String> names() {
    return runtimes.stream().map(Runtime::name).toList();
  }
}
