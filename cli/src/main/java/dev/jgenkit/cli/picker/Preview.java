package dev.jgenkit.cli.picker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.jgenkit.reports.Redaction;
import dev.jgenkit.runners.plan.PlannedTest;
import dev.jgenkit.runners.results.Verdict;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * The preview pane, as pure functions: the highlighted item's latest verdict, reason and duration,
 * then its text (a test's request as YAML, a sample's README), cut to the pane.
 */
public final class Preview {
  /** Strings in a previewed request longer than this are cut (base64 media, long prompts). */
  static final int MAX_STRING_CHARS = 120;

  /** At most this many lines of a reason are shown. */
  static final int MAX_REASON_LINES = 4;

  private static final YAMLMapper YAML =
      new YAMLMapper(
          YAMLFactory.builder()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .build());

  private Preview() {}

  /**
   * The pane's lines, each at most {@code width} columns, at most {@code height} of them: the
   * verdict line, the reason (wrapped, at most {@value #MAX_REASON_LINES} lines), a blank line, then
   * {@code body}; when the body is cut, the last line says how many lines were left out.
   */
  public static List<AttributedString> render(
      Optional<ItemResult> last, String body, int width, int height, boolean color) {
    List<AttributedString> lines = new ArrayList<>();
    if (width <= 0 || height <= 0) {
      return lines;
    }
    AttributedStringBuilder head = new AttributedStringBuilder();
    if (last.isEmpty()) {
      head.style(dim(color)).append("Last run: not run yet");
    } else {
      ItemResult r = last.get();
      head.append("Last run: ").append(mark(r.verdict(), color)).append(' ')
          .style(AttributedStyle.BOLD).append(r.verdict().name()).style(AttributedStyle.DEFAULT);
      if (r.verdict() != Verdict.SKIP) {
        head.append(" in ").append(duration(r.durationMillis()));
      }
    }
    lines.add(cut(head.toAttributedString(), width));
    if (last.isPresent() && !last.get().reason().isBlank()) {
      String reason = clean(Redaction.redact(last.get().reason())).strip();
      List<String> wrapped = wrap("Reason: " + reason, width);
      for (int i = 0; i < Math.min(MAX_REASON_LINES, wrapped.size()); i++) {
        String text = wrapped.get(i);
        if (i == MAX_REASON_LINES - 1 && wrapped.size() > MAX_REASON_LINES) {
          text = cutText(text, width - 1) + "…";
        }
        lines.add(new AttributedString(text));
      }
    }
    lines.add(AttributedString.EMPTY);
    List<String> bodyLines = clean(body).lines().toList();
    int room = height - lines.size();
    for (int i = 0; i < bodyLines.size() && room > 0; i++) {
      if (room == 1 && i < bodyLines.size() - 1) {
        int more = bodyLines.size() - i;
        lines.add(new AttributedString("… " + more + " more line" + (more == 1 ? "" : "s"), dim(color)));
        break;
      }
      lines.add(new AttributedString(cutText(bodyLines.get(i), width)));
      room--;
    }
    return lines.size() > height ? List.copyOf(lines.subList(0, height)) : lines;
  }

  /**
   * A model test as the preview shows it: its model, validators, stream flag and skip reason, then
   * the request it sends, as YAML with long strings cut and data URLs shortened.
   */
  public static String testBody(PlannedTest test) {
    StringBuilder sb = new StringBuilder();
    sb.append("model: ").append(test.model()).append('\n');
    test.capability().ifPresent(c -> sb.append("capability: ").append(c).append('\n'));
    sb.append("validators: ").append(test.validators().isEmpty() ? "[]" : String.join(", ", test.validators())).append('\n');
    if (test.stream()) {
      sb.append("stream: true\n");
    }
    test.skipReason().ifPresent(r -> sb.append("skipped: ").append(r).append('\n'));
    sb.append("request:\n");
    for (String line : yaml(test.input()).lines().toList()) {
      sb.append("  ").append(line).append('\n');
    }
    return sb.toString();
  }

  /** {@code value} as block YAML, strings longer than {@value #MAX_STRING_CHARS} cut. */
  public static String yaml(JsonNode value) {
    try {
      return YAML.writeValueAsString(trimmed(value));
    } catch (java.io.IOException e) {
      return String.valueOf(value);
    }
  }

  private static JsonNode trimmed(JsonNode node) {
    if (node == null) {
      return JsonNodeFactory.instance.nullNode();
    }
    if (node.isTextual()) {
      String s = Redaction.shorten(node.asText());
      return TextNode.valueOf(s.length() > MAX_STRING_CHARS
          ? s.substring(0, MAX_STRING_CHARS) + "…(" + s.length() + " chars)" : s);
    }
    if (node.isObject()) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        out.set(e.getKey(), trimmed(e.getValue()));
      }
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      node.forEach(n -> out.add(trimmed(n)));
      return out;
    }
    return node;
  }

  /** ✓ ✗ ! ○ in green, red, yellow, dim (plain when {@code color} is false). */
  static AttributedString mark(Verdict verdict, boolean color) {
    switch (verdict) {
      case PASS:
        return new AttributedString("✓", fg(color, AttributedStyle.GREEN));
      case FAIL:
        return new AttributedString("✗", fg(color, AttributedStyle.RED));
      case ERROR:
        return new AttributedString("!", fg(color, AttributedStyle.YELLOW));
      case SKIP:
      default:
        return new AttributedString("○", dim(color));
    }
  }

  static AttributedStyle fg(boolean color, int c) {
    return color ? AttributedStyle.DEFAULT.foreground(c) : AttributedStyle.DEFAULT;
  }

  static AttributedStyle dim(boolean color) {
    return color ? AttributedStyle.DEFAULT.faint() : AttributedStyle.DEFAULT;
  }

  /** {@code 12 ms}, or seconds with one decimal ({@code 1.2 s}), as the console report writes. */
  static String duration(long millis) {
    if (millis < 1000) {
      return millis + " ms";
    }
    return BigDecimal.valueOf(millis, 3).setScale(1, RoundingMode.HALF_UP).toPlainString() + " s";
  }

  /** Tabs as two spaces, other control characters (except line breaks) dropped. */
  static String clean(String text) {
    if (text == null) {
      return "";
    }
    return text.replace("\r\n", "\n").replace('\r', '\n').replace("\t", "  ")
        .replaceAll("[\\p{Cntrl}&&[^\n]]", "");
  }

  /** At most {@code width} columns of {@code s}, with … when it was cut. */
  static AttributedString cut(AttributedString s, int width) {
    if (s.columnLength() <= width) {
      return s;
    }
    AttributedStringBuilder b = new AttributedStringBuilder();
    b.append(s.columnSubSequence(0, Math.max(0, width - 1))).append("…");
    return b.toAttributedString();
  }

  static String cutText(String s, int width) {
    return cut(new AttributedString(s), width).toString();
  }

  /** Greedy word wrap to {@code width} columns; words longer than a line are split. */
  static List<String> wrap(String text, int width) {
    List<String> out = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split("\\s+")) {
      while (word.length() > width) {
        if (line.length() > 0) {
          out.add(line.toString());
          line.setLength(0);
        }
        out.add(word.substring(0, width));
        word = word.substring(width);
      }
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        out.add(line.toString());
        line.setLength(0);
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(word);
    }
    if (line.length() > 0) {
      out.add(line.toString());
    }
    return out;
  }
}
