package dev.jgenkit.specs;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.yaml.snakeyaml.LoaderOptions;

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
  /** The largest spec accepted, in bytes on disk and in characters of text: 10 MiB. */
  public static final int MAX_CHARS = 10 * 1024 * 1024;

  /** How deeply lists and objects may nest. */
  public static final int MAX_DEPTH = 200;

  /** How many YAML aliases may refer to a list or an object (alias-bomb guard). */
  public static final int MAX_ALIASES = 50;

  /** How many values the document may hold once aliases are expanded. */
  public static final int MAX_VALUES = 1_000_000;

  private static final String SIZE_HINT = "spec files are small; check that this is the right file";

  private static final JsonFactory JSON =
      JsonFactory.builder().streamReadConstraints(constraints()).build();
  private static final YAMLFactory YAML =
      YAMLFactory.builder()
          .loaderOptions(loaderOptions())
          .streamReadConstraints(constraints())
          .configure(YAMLParser.Feature.EMPTY_STRING_AS_NULL, true)
          .build();

  private SpecLoader() {}

  /**
   * Reads and checks a spec file, which must be UTF-8.
   *
   * @throws SpecException with every problem found, sorted by position
   */
  public static SpecFile load(Path file) throws SpecException {
    Objects.requireNonNull(file, "file");
    byte[] bytes;
    try {
      long size = Files.size(file);
      if (size > MAX_CHARS) {
        throw new SpecException(
            new SpecProblem(
                Location.startOf(file),
                "file is too large: " + size + " bytes, the limit is " + MAX_CHARS,
                SIZE_HINT));
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new SpecException(
          new SpecProblem(
              new Location(file, 0, 0),
              "spec file not found",
              "--from-file is resolved against the project root; check the path"));
    } catch (IOException e) {
      throw new SpecException(
          new SpecProblem(
              new Location(file, 0, 0), "cannot read spec file: " + e, "check the path"));
    }
    return load(file, decode(file, bytes));
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
    if (content.length() > MAX_CHARS) {
      problems.add(
          Tree.Pos.START,
          "file is too large: " + content.length() + " characters, the limit is " + MAX_CHARS,
          SIZE_HINT);
      throw new SpecException(problems.sorted());
    }
    String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
    boolean yaml = isYaml(file);
    TreeReader.Outcome outcome;
    try (JsonParser parser = yaml ? YAML.createParser(text) : JSON.createParser(text)) {
      outcome = new TreeReader(problems, text, yaml).read(parser);
    } catch (IOException e) {
      // Creating or closing a parser over a String does no I/O; a failure here is a bug.
      throw new IllegalStateException("cannot parse " + file, e);
    }
    List<Suite> suites =
        outcome.complete() ? new SpecValidator(problems).suites(outcome.root()) : List.of();
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

  private static String decode(Path file, byte[] bytes) throws SpecException {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    out.flip();
    if (result.isError()) {
      throw new SpecException(notUtf8(file, out, bytes[in.position()]));
    }
    return out.toString();
  }

  private static SpecProblem notUtf8(Path file, CharSequence decoded, byte bad) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < decoded.length(); i++) {
      if (decoded.charAt(i) == '\n') {
        line++;
        column = 1;
      } else if (!Character.isLowSurrogate(decoded.charAt(i))) {
        column++;
      }
    }
    return new SpecProblem(
        new Location(file, line, column),
        String.format(Locale.ROOT, "file is not valid UTF-8: byte 0x%02X here", bad & 0xFF),
        "save the file as UTF-8");
  }

  private static StreamReadConstraints constraints() {
    // One level above ours, so the reader reports the depth itself, with a position.
    return StreamReadConstraints.builder()
        .maxNestingDepth(MAX_DEPTH + 1)
        .maxDocumentLength(MAX_CHARS)
        .build();
  }

  private static LoaderOptions loaderOptions() {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setNestingDepthLimit(MAX_DEPTH + 1);
    options.setCodePointLimit(MAX_CHARS);
    options.setAllowRecursiveKeys(false);
    return options;
  }
}
