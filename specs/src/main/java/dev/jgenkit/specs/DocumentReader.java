package dev.jgenkit.specs;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.jgenkit.specs.Tree.Node;
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
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads a YAML or JSON document into a located {@link Tree}, safely: UTF-8 only, and the size,
 * nesting depth, aliases and values after alias expansion limited as described on {@link
 * SpecLoader}. Shared by the loaders of specs, sample files and plans; each checks the tree
 * against its own format afterwards.
 */
public final class DocumentReader {
  private static final JsonFactory JSON =
      JsonFactory.builder().streamReadConstraints(constraints()).build();
  private static final YAMLFactory YAML =
      YAMLFactory.builder()
          .loaderOptions(loaderOptions())
          .streamReadConstraints(constraints())
          .configure(YAMLParser.Feature.EMPTY_STRING_AS_NULL, true)
          .build();

  private DocumentReader() {}

  /**
   * What reading produced.
   *
   * @param root the single top-level value; empty for an empty document
   * @param complete false when reading stopped at a fatal problem (already recorded)
   */
  public record Parsed(Optional<Node> root, boolean complete) {
    public Parsed {
      Objects.requireNonNull(root, "root");
    }
  }

  /**
   * The text of a UTF-8 file, checked against the size limit.
   *
   * @throws SpecException when the file is missing, unreadable, too large or not UTF-8
   */
  public static String readText(Path file, DocumentKind kind) throws SpecException {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(kind, "kind");
    byte[] bytes;
    try {
      long size = Files.size(file);
      if (size > SpecLoader.MAX_CHARS) {
        throw new SpecException(
            new SpecProblem(
                Location.startOf(file),
                "file is too large: " + size + " bytes, the limit is " + SpecLoader.MAX_CHARS,
                kind.sizeHint()));
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new SpecException(
          new SpecProblem(new Location(file, 0, 0), kind.noun() + " not found", kind.notFoundHint()));
    } catch (IOException e) {
      throw new SpecException(unreadable(file, kind, e));
    }
    return decode(file, bytes);
  }

  /** Why a file that exists cannot be read, in words, at its start. */
  private static SpecProblem unreadable(Path file, DocumentKind kind, IOException e) {
    String reason = String.valueOf(e instanceof java.nio.file.FileSystemException fse ? fse.getReason() : e.getMessage());
    if (Files.isDirectory(file)) {
      return new SpecProblem(Location.startOf(file), "is a directory, not a " + kind.noun(),
          "name the file itself");
    }
    if (reason.contains("Too many levels of symbolic links")
        || (Files.isSymbolicLink(file) && !Files.exists(file))) {
      return new SpecProblem(Location.startOf(file),
          "cannot read " + kind.noun() + ": it is a symbolic link loop",
          "point the link at a real file, or remove it");
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return new SpecProblem(Location.startOf(file), "cannot read " + kind.noun() + ": permission denied",
          "make the file readable");
    }
    return new SpecProblem(Location.startOf(file), "cannot read " + kind.noun() + ": " + reason,
        "check the path");
  }

  /**
   * Decodes UTF-8 strictly, e.g. a resource's bytes.
   *
   * @throws SpecException locating the first byte that is not UTF-8
   */
  public static String decode(Path file, byte[] bytes) throws SpecException {
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

  /**
   * Reads {@code content} as the document {@code problems.file()}; its name decides YAML or JSON
   * ({@link SpecLoader#isYaml}). Syntax errors, duplicate keys, unknown aliases, unsupported tags
   * and broken limits are added to {@code problems}; a leading byte-order mark is ignored.
   *
   * @throws SpecException at once when the text is over the size limit
   */
  public static Parsed parse(Problems problems, String content, DocumentKind kind)
      throws SpecException {
    Objects.requireNonNull(problems, "problems");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(kind, "kind");
    if (content.length() > SpecLoader.MAX_CHARS) {
      problems.add(
          Tree.Pos.START,
          "file is too large: "
              + content.length()
              + " characters, the limit is "
              + SpecLoader.MAX_CHARS,
          kind.sizeHint());
      throw new SpecException(problems.sorted());
    }
    String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
    boolean yaml = SpecLoader.isYaml(problems.file());
    try (JsonParser parser = yaml ? YAML.createParser(text) : JSON.createParser(text)) {
      TreeReader.Outcome outcome = new TreeReader(problems, text, yaml, kind).read(parser);
      return new Parsed(outcome.root(), outcome.complete());
    } catch (IOException e) {
      // Creating or closing a parser over a String does no I/O; a failure here is a bug.
      throw new IllegalStateException("cannot parse " + problems.file(), e);
    }
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
        .maxNestingDepth(SpecLoader.MAX_DEPTH + 1)
        .maxDocumentLength(SpecLoader.MAX_CHARS)
        .build();
  }

  private static LoaderOptions loaderOptions() {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(SpecLoader.MAX_ALIASES);
    options.setNestingDepthLimit(SpecLoader.MAX_DEPTH + 1);
    options.setCodePointLimit(SpecLoader.MAX_CHARS);
    options.setAllowRecursiveKeys(false);
    return options;
  }
}
