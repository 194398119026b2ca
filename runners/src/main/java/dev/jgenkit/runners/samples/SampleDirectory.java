package dev.jgenkit.runners.samples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jgenkit.specs.SpecException;
import dev.jgenkit.specs.samples.SampleFile;
import dev.jgenkit.specs.samples.SampleFileLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A directory under the samples dir and how jgenkit would start it: from its {@code
 * jgenkit-sample.yaml}, or else by convention ({@code package.json}, {@code go.mod}, {@code
 * src/main.py} or {@code main.py}; never {@code run.sh}, which opens a browser and a file watcher in
 * the Genkit samples).
 *
 * @param start the argv, empty when the directory is not a sample ({@code notASample} says why)
 * @param cwd where to start it
 * @param sampleFile the parsed {@code jgenkit-sample.yaml}, when there is one
 * @param notASample why the directory is not a sample
 */
public record SampleDirectory(
    String name,
    Path dir,
    List<String> start,
    Path cwd,
    Optional<SampleFile> sampleFile,
    Optional<String> notASample) {
  public static final String SAMPLE_FILE = "jgenkit-sample.yaml";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  public SampleDirectory {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(dir, "dir");
    start = List.copyOf(start);
    Objects.requireNonNull(cwd, "cwd");
    Objects.requireNonNull(sampleFile, "sampleFile");
    Objects.requireNonNull(notASample, "notASample");
  }

  public boolean isSample() {
    return notASample.isEmpty();
  }

  /** Inspects one directory; a broken {@code jgenkit-sample.yaml} is a spec error. */
  public static SampleDirectory inspect(Path dir) throws SpecException {
    String name = dir.getFileName().toString();
    Path file = dir.resolve(SAMPLE_FILE);
    // A sample file that cannot be read (a symbolic link loop, a directory) is an error, not "no file".
    if (Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      SampleFile sf = SampleFileLoader.load(file);
      Path cwd = sf.cwd().map(c -> dir.resolve(c).normalize()).orElse(dir);
      List<String> start =
          sf.start().isPresent() ? sf.start().get() : conventional(dir).orElse(List.of());
      if (start.isEmpty()) {
        return new SampleDirectory(name, dir, List.of(), cwd, Optional.of(sf), Optional.of(
            SAMPLE_FILE + " has no 'start' and there is no conventional entry (package.json, go.mod,"
                + " src/main.py, main.py)"));
      }
      return new SampleDirectory(name, dir, start, cwd, Optional.of(sf), Optional.empty());
    }
    Optional<List<String>> start = conventional(dir);
    return start
        .map(s -> new SampleDirectory(name, dir, s, dir, Optional.empty(), Optional.empty()))
        .orElseGet(
            () ->
                new SampleDirectory(name, dir, List.of(), dir, Optional.empty(), Optional.of(
                    "not a sample: no " + SAMPLE_FILE + ", package.json, go.mod, src/main.py or"
                        + " main.py")));
  }

  /** The conventional start command, in the documented order of precedence. */
  static Optional<List<String>> conventional(Path dir) {
    Path pkg = dir.resolve("package.json");
    if (Files.isRegularFile(pkg)) {
      String main = "index.js";
      try {
        JsonNode n = MAPPER.readTree(pkg.toFile());
        if (n != null && n.path("main").isTextual() && !n.get("main").asText().isBlank()) {
          main = n.get("main").asText();
        }
      } catch (IOException e) {
        return Optional.empty();
      }
      if (main.endsWith(".ts") || main.endsWith(".mts") || main.endsWith(".cts")) {
        return Optional.of(List.of("npx", "tsx", main));
      }
      if (!Files.isRegularFile(dir.resolve(main)) && Files.isRegularFile(dir.resolve("src/index.ts"))) {
        return Optional.of(List.of("npx", "tsx", "src/index.ts"));
      }
      return Optional.of(List.of("node", main));
    }
    if (Files.isRegularFile(dir.resolve("go.mod"))) {
      return Optional.of(List.of("go", "run", "."));
    }
    if (Files.isRegularFile(dir.resolve("src/main.py"))) {
      return Optional.of(List.of("uv", "run", "src/main.py"));
    }
    if (Files.isRegularFile(dir.resolve("main.py"))) {
      return Optional.of(List.of("uv", "run", "main.py"));
    }
    return Optional.empty();
  }
}
