package dev.jgenkit.reports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What reports keep of a failed check's request and response: the JSON with every string redacted
 * ({@link Redaction#redact}: secrets masked, long data URLs shortened) and {@code Authorization}
 * values masked, cut to a bounded size.
 *
 * <p>{@code results.json} keeps the redacted JSON itself ({@link #forResults}), or, when that is
 * larger than {@value #MAX_JSON_CHARS} characters, a text excerpt in its place; the HTML report shows
 * {@link #text} of either.
 */
public final class Excerpts {
  /** Longest excerpt (in code points) a report shows. */
  public static final int MAX_TEXT_CHARS = 4000;

  /** Code points kept free at the end of a cut excerpt for the "… (n more characters)" note. */
  private static final int CUT_NOTE_ROOM = 48;

  /** Longest JSON (compact, in characters) results.json keeps as JSON rather than as an excerpt. */
  public static final int MAX_JSON_CHARS = 16 * 1024;

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ObjectWriter PRETTY = MAPPER.writerWithDefaultPrettyPrinter();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Excerpts() {}

  /**
   * The redacted JSON to store, or its {@link #text} excerpt as a JSON string when it is too large;
   * empty for a missing or null node.
   */
  public static Optional<JsonNode> forResults(JsonNode node) {
    if (node == null || node.isMissingNode() || node.isNull()) {
      return Optional.empty();
    }
    JsonNode redacted = redact(node);
    if (compact(redacted).length() <= MAX_JSON_CHARS) {
      return Optional.of(redacted);
    }
    return Optional.of(NODES.textNode(text(redacted)));
  }

  /**
   * The node pretty-printed, redacted and cut to at most {@value #MAX_TEXT_CHARS} code points; a string
   * node (an excerpt read back from results.json) is shown as its text.
   */
  public static String text(JsonNode node) {
    String text;
    if (node.isTextual()) {
      text = Redaction.redact(node.asText());
    } else {
      try {
        text = PRETTY.writeValueAsString(redact(node));
      } catch (JsonProcessingException e) {
        text = Redaction.redact(String.valueOf(node));
      }
    }
    text = Text.escapeControls(text, true);
    int length = text.codePointCount(0, text.length());
    if (length <= MAX_TEXT_CHARS) {
      return text;
    }
    // room for the note, so an excerpt is never longer than the limit and cutting one again keeps it
    int kept = MAX_TEXT_CHARS - CUT_NOTE_ROOM;
    return Text.truncate(text, kept, "") + "\n… (" + (length - kept) + " more characters)";
  }

  /** A copy with every string value redacted and every {@code authorization} member masked. */
  static JsonNode redact(JsonNode node) {
    if (node.isTextual()) {
      String text = node.asText();
      String redacted = Redaction.redact(text);
      return redacted.equals(text) ? node : NODES.textNode(redacted);
    }
    if (node.isObject()) {
      ObjectNode copy = NODES.objectNode();
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        boolean authorization =
            field.getKey().toLowerCase(Locale.ROOT).equals("authorization")
                && field.getValue().isValueNode()
                && !field.getValue().isNull();
        copy.set(
            Redaction.redact(field.getKey()),
            authorization ? NODES.textNode("***") : redact(field.getValue()));
      }
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = NODES.arrayNode(node.size());
      node.forEach(element -> copy.add(redact(element)));
      return copy;
    }
    return node;
  }

  private static String compact(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      return String.valueOf(node);
    }
  }
}
