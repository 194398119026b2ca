package dev.jgenkit.specs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.jgenkit.specs.Tree.Pos;
import java.io.IOException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.reader.ReaderException;

/** Turns a parser failure (a syntax error, a broken parser limit) into a located problem. */
final class ParseFailures {
  private static final Pattern START_MARKER =
      Pattern.compile("\\s*\\(start marker at \\[[^\\]]*line: (\\d+), column: (\\d+)\\]\\)");
  private static final Pattern CHAR_CODE = Pattern.compile(" \\(code \\d+\\)");
  private static final String YAML_HINT = "check indentation, quotes and brackets";

  private final Problems problems;
  private final String content;
  private final boolean yaml;
  private final DocumentKind kind;

  ParseFailures(Problems problems, String content, boolean yaml, DocumentKind kind) {
    this.problems = problems;
    this.content = content;
    this.yaml = yaml;
    this.kind = kind;
  }

  /**
   * @param fallback where the parser stood, for failures that carry no position
   */
  SpecProblem describe(IOException e, Pos fallback) {
    if (e instanceof StreamConstraintsException limit) {
      return problems.problem(
          fallback,
          "the document breaks a parser limit: " + clean(limit.getOriginalMessage()),
          kind.limitHint());
    }
    if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
      return yamlSyntax(marked);
    }
    if (e.getCause() instanceof ReaderException reader) {
      return problems.problem(
          codePointPos(reader.getPosition()),
          String.format(
              Locale.ROOT, "character U+%04X is not allowed in YAML", reader.getCodePoint()),
          "remove it, or write it as an escape in a double-quoted string");
    }
    Pos pos = fallback;
    String message = e.getMessage();
    if (e instanceof JsonProcessingException jpe) {
      message = jpe.getOriginalMessage();
      if (jpe.getLocation() != null) {
        pos = TreeReader.pos(jpe.getLocation());
      }
    }
    return problems.problem(
        pos,
        (yaml ? "YAML" : "JSON") + " syntax error: " + clean(message),
        yaml ? YAML_HINT + " here" : jsonHint(message));
  }

  private SpecProblem yamlSyntax(MarkedYAMLException e) {
    Pos pos = markPos(e.getProblemMark());
    String problem = e.getProblem() == null ? "invalid YAML" : e.getProblem().strip();
    if (problem.contains("\\t(TAB)")) {
      return problems.problem(
          pos,
          "YAML syntax error: a tab character cannot start a token",
          "indent with spaces: YAML does not allow tabs for indentation");
    }
    String hint = YAML_HINT;
    if (e.getContext() != null && e.getContextMark() != null) {
      Pos context = markPos(e.getContextMark());
      hint += " (" + e.getContext().strip() + " at " + TreeReader.where(context) + ")";
    }
    return problems.problem(pos, "YAML syntax error: " + problem, hint);
  }

  /** The first line, with Jackson's source descriptions turned into plain positions. */
  static String clean(String message) {
    if (message == null || message.isBlank()) {
      return "invalid input";
    }
    String first = message.strip().lines().findFirst().orElse("");
    if (first.startsWith("Expected a field name")) {
      return "a key must be a plain value, not a list or an object";
    }
    String positions = START_MARKER.matcher(first).replaceAll(" (opened at line $1, column $2)");
    return CHAR_CODE.matcher(positions).replaceAll("").strip();
  }

  private static String jsonHint(String message) {
    String m = message == null ? "" : message;
    if (m.startsWith("Unexpected character (']'") || m.startsWith("Unexpected character ('}'")) {
      return "remove the trailing comma before the closing bracket";
    }
    if (m.contains("double-quote to start field name")) {
      return "quote every key with double quotes, and remove any trailing comma";
    }
    if (m.contains("end-of-input")) {
      return "close every open list and object";
    }
    if (m.contains("Unrecognized token") || m.contains("Unexpected character")) {
      return "quote strings with double quotes and separate values with commas";
    }
    return "check commas, quotes and brackets here";
  }

  private Pos codePointPos(int codePointIndex) {
    int line = 1;
    int column = 1;
    int i = 0;
    for (int index = 0; index < codePointIndex && i < content.length(); index++) {
      int cp = content.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return new Pos(line, column);
  }

  private static Pos markPos(Mark mark) {
    return new Pos(mark.getLine() + 1, mark.getColumn() + 1);
  }
}
