package dev.jgenkit.specs.samples;

import dev.jgenkit.specs.DocumentKind;
import dev.jgenkit.specs.DocumentReader;
import dev.jgenkit.specs.Problems;
import dev.jgenkit.specs.SpecException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Loads a phased sample plan, from a file or built in, into a {@link Plan}, checking it as
 * strictly and as safely as a spec: every problem located as {@code file:line:column} with a fix
 * hint.
 *
 * <p>A plan file holds {@code phases: [{phase, title, samples: [{name, env, features, notes}]}]}
 * and optionally {@code name}, {@code description}, {@code env-help: {VAR: where to get it}} and
 * {@code features} (the coverage matrix's rows, in order). Phases ascend; a sample is listed once;
 * when {@code features} is given, every sample's features come from it. A sample may be written as
 * its bare name.
 */
public final class PlanLoader {
  private static final String RESOURCES = "/dev/jgenkit/specs/plans/";
  private static final List<String> BUILT_IN = builtInIndex();

  private PlanLoader() {}

  /**
   * Reads and checks a plan file, which must be UTF-8; {@code .yaml}/{@code .yml} files are YAML,
   * others JSON.
   *
   * @throws SpecException with every problem found, sorted by position
   */
  public static Plan load(Path file) throws SpecException {
    Objects.requireNonNull(file, "file");
    return load(file, DocumentReader.readText(file, kind()));
  }

  /**
   * Checks plan text as if it had been read from {@code file}.
   *
   * @throws SpecException with every problem found, sorted by position
   */
  public static Plan load(Path file, String content) throws SpecException {
    return load(file, content, Optional.of(file));
  }

  /** The names of the plans shipped with jgenkit, e.g. {@code genkit-python}. */
  public static List<String> builtInNames() {
    return BUILT_IN;
  }

  /**
   * A plan shipped with jgenkit, by name; its locations name {@code <name>.yaml}.
   *
   * @return empty when there is no built-in plan of that name
   */
  public static Optional<Plan> builtIn(String name) {
    Objects.requireNonNull(name, "name");
    if (!BUILT_IN.contains(name)) {
      return Optional.empty();
    }
    Path file = Path.of(name + ".yaml");
    try {
      String text = DocumentReader.decode(file, resource(name + ".yaml"));
      return Optional.of(load(file, text, Optional.empty()));
    } catch (SpecException e) {
      // A built-in plan is tested at build time; a problem here is a bug.
      throw new IllegalStateException("built-in plan " + name + " is invalid: " + e.getMessage(), e);
    }
  }

  private static Plan load(Path file, String content, Optional<Path> source)
      throws SpecException {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(content, "content");
    Problems problems = new Problems(file);
    DocumentReader.Parsed parsed = DocumentReader.parse(problems, content, kind());
    Plan plan =
        parsed.complete()
            ? new PlanChecker(problems, defaultName(file), source).plan(parsed.root())
            : null;
    problems.throwIfAny();
    return plan;
  }

  private static DocumentKind kind() {
    return DocumentKind.of(
        "plan file",
        "check the path; built-in plans: " + String.join(", ", BUILT_IN));
  }

  private static String defaultName(Path file) {
    Path name = file.getFileName();
    String n = name == null ? "plan" : name.toString();
    int dot = n.lastIndexOf('.');
    return dot > 0 ? n.substring(0, dot) : n;
  }

  private static List<String> builtInIndex() {
    String index = new String(resource("index.txt"), StandardCharsets.UTF_8);
    return index.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
  }

  private static byte[] resource(String name) {
    try (InputStream in = PlanLoader.class.getResourceAsStream(RESOURCES + name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCES + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
