package dev.jgenkit.specs;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Loads a {@code dev:test-model} spec file ({@code --from-file}) into a {@link SpecFile}, checking
 * it far more strictly than the peer.
 *
 * <p>Files ending in {@code .yaml} or {@code .yml} are read as YAML (1.2 core schema, like the
 * peer's {@code yaml} package), anything else as JSON. The top level is a list of suites or one
 * suite object. Every problem in the file is collected, located as {@code file:line:column} with a
 * fix hint, and thrown together, sorted by position, as a {@link SpecException}.
 *
 * <p>Reading is safe for untrusted files: no types are constructed, and the size ({@value
 * #MAX_CHARS} characters), nesting depth ({@value #MAX_DEPTH}), aliases to collections ({@value
 * #MAX_ALIASES}) and values after alias expansion ({@value #MAX_VALUES}) are limited.
 */
public final class SpecLoader {
  // The limits hold for every document DocumentReader reads: specs, sample files and plans.
  /** The largest spec accepted, in bytes on disk and in characters of text: 10 MiB. */
  public static final int MAX_CHARS = 10 * 1024 * 1024;

  /** How deeply lists and objects may nest. */
  public static final int MAX_DEPTH = 200;

  /** How many YAML aliases may refer to a list or an object (alias-bomb guard). */
  public static final int MAX_ALIASES = 50;

  /** How many values the document may hold once aliases are expanded. */
  public static final int MAX_VALUES = 1_000_000;

  private SpecLoader() {}

  /**
   * Reads and checks a spec file, which must be UTF-8.
   *
   * @throws SpecException with every problem found, sorted by position
   */
  public static SpecFile load(Path file) throws SpecException {
    Objects.requireNonNull(file, "file");
    return load(file, DocumentReader.readText(file, DocumentKind.SPEC));
  }

  /**
   * Checks spec text as if it had been read from {@code file}; the name decides YAML or JSON and
   * appears in every problem's location.
   *
   * @throws SpecException with every problem found, sorted by position
   */
  public static SpecFile load(Path file, String content) throws SpecException {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(content, "content");
    Problems problems = new Problems(file);
    DocumentReader.Parsed parsed = DocumentReader.parse(problems, content, DocumentKind.SPEC);
    List<Suite> suites =
        parsed.complete() ? new SpecValidator(problems).suites(parsed.root()) : List.of();
    if (!problems.isEmpty()) {
      throw new SpecException(problems.sorted());
    }
    return new SpecFile(file, suites);
  }

  /** The peer's rule: {@code .yaml} and {@code .yml} are YAML, everything else JSON. */
  public static boolean isYaml(Path file) {
    Path name = file.getFileName();
    String n = name == null ? "" : name.toString();
    return n.endsWith(".yaml") || n.endsWith(".yml");
  }
}
