package dev.jgenkit.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** Small text helpers shared by the reporters. */
final class Text {
  private Text() {}

  /** The first line of {@code text} (without its line break). */
  static String firstLine(String text) {
    int end = 0;
    while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
      end++;
    }
    return text.substring(0, end);
  }

  /** True when {@code text} has more than one (non-empty) line. */
  static boolean isMultiLine(String text) {
    return !firstLine(text).equals(text.stripTrailing());
  }

  /** Line breaks and the whitespace around them replaced by one space; ends trimmed. */
  static String joinLines(String text) {
    return text.strip().replaceAll("[ \t]*(?:\r\n|\r|\n)\\s*", " ");
  }

  /**
   * Cuts {@code text} to at most {@code max} code points, ending with {@code ellipsis} when cut.
   */
  static String truncate(String text, int max, String ellipsis) {
    if (text.codePointCount(0, text.length()) <= max) {
      return text;
    }
    int keep = Math.max(0, max - ellipsis.codePointCount(0, ellipsis.length()));
    return text.substring(0, text.offsetByCodePoints(0, keep)).stripTrailing() + ellipsis;
  }

  /** {@code text} padded with spaces on the right to {@code width} code points. */
  static String padRight(String text, int width) {
    int len = width(text);
    return len >= width ? text : text + " ".repeat(width - len);
  }

  /** {@code text} padded with spaces on the left to {@code width} code points. */
  static String padLeft(String text, int width) {
    int len = width(text);
    return len >= width ? text : " ".repeat(width - len) + text;
  }

  static int width(String text) {
    return text.codePointCount(0, text.length());
  }

  /**
   * Terminal columns {@code text} takes: two for wide characters (East Asian wide, emoji shown as
   * emoji such as {@code ✅ ❌}), none for combining marks and variation selectors, one otherwise. An
   * approximation of {@code wcwidth} good enough to align the tables the reports print.
   */
  static int displayWidth(String text) {
    return text.codePoints().map(Text::columns).sum();
  }

  /** {@code text} padded with spaces on the right to {@code width} terminal columns. */
  static String padRightColumns(String text, int width) {
    int len = displayWidth(text);
    return len >= width ? text : text + " ".repeat(width - len);
  }

  private static int columns(int cp) {
    int type = Character.getType(cp);
    if (type == Character.NON_SPACING_MARK
        || type == Character.ENCLOSING_MARK
        || cp == 0x200D
        || (cp >= 0xFE00 && cp <= 0xFE0F)) {
      return 0;
    }
    return isWide(cp) ? 2 : 1;
  }

  private static boolean isWide(int cp) {
    return (cp >= 0x1100 && cp <= 0x115F)
        || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F)
        || (cp >= 0xAC00 && cp <= 0xD7A3)
        || (cp >= 0xF900 && cp <= 0xFAFF)
        || (cp >= 0xFE30 && cp <= 0xFE4F)
        || (cp >= 0xFF00 && cp <= 0xFF60)
        || (cp >= 0xFFE0 && cp <= 0xFFE6)
        || (cp >= 0x1F300 && cp <= 0x1F64F)
        || (cp >= 0x1F680 && cp <= 0x1F6FF)
        || (cp >= 0x1F900 && cp <= 0x1F9FF)
        || (cp >= 0x20000 && cp <= 0x3FFFD)
        // Emoji presentation by default in the BMP (the ones a report might print).
        || cp == 0x231A
        || cp == 0x231B
        || (cp >= 0x23E9 && cp <= 0x23EC)
        || cp == 0x23F0
        || cp == 0x23F3
        || cp == 0x2705
        || cp == 0x270A
        || cp == 0x270B
        || cp == 0x2728
        || cp == 0x274C
        || cp == 0x274E
        || (cp >= 0x2753 && cp <= 0x2755)
        || cp == 0x2757
        || (cp >= 0x2795 && cp <= 0x2797)
        || cp == 0x2B50
        || cp == 0x2B55;
  }

  /**
   * Replaces terminal control characters (C0 except tab, DEL, C1) with {@code \\uXXXX}; tabs become
   * one space. Keeps a model's output from moving the cursor or recolouring the terminal.
   */
  static String escapeControls(String text) {
    return escapeControls(text, false);
  }

  /**
   * Like {@link #escapeControls(String)}, but when {@code keepNewlines} line breaks survive as
   * {@code \n} ({@code \r\n} and lone {@code \r} included).
   */
  static String escapeControls(String text, boolean keepNewlines) {
    String source = keepNewlines ? text.replace("\r\n", "\n").replace('\r', '\n') : text;
    StringBuilder out = new StringBuilder(source.length());
    source
        .codePoints()
        .forEach(
            cp -> {
              if (cp == '\t') {
                out.append(' ');
              } else if (cp == '\n' && keepNewlines) {
                out.append('\n');
              } else if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) {
                out.append(unicodeEscape(cp));
              } else {
                out.appendCodePoint(cp);
              }
            });
    return out.toString();
  }

  /**
   * Replaces characters XML 1.0 forbids (most C0 controls, U+FFFE, U+FFFF, unpaired surrogates)
   * with {@code \\uXXXX}.
   */
  static String xmlSafe(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      int next = i + Character.charCount(cp);
      if (!isXmlChar(cp)) {
        if (out == null) {
          out = new StringBuilder(text.length() + 16).append(text, 0, i);
        }
        out.append(unicodeEscape(cp));
      } else if (out != null) {
        out.appendCodePoint(cp);
      }
      i = next;
    }
    return out == null ? text : out.toString();
  }

  private static boolean isXmlChar(int cp) {
    return cp == 0x9
        || cp == 0xA
        || cp == 0xD
        || (cp >= 0x20 && cp <= 0xD7FF)
        || (cp >= 0xE000 && cp <= 0xFFFD)
        || (cp >= 0x10000 && cp <= 0x10FFFF);
  }

  private static String unicodeEscape(int cp) {
    return String.format(Locale.ROOT, "\\u%04X", cp);
  }

  /**
   * Human duration: {@code 12 ms} below one second, else seconds with one decimal ({@code 1.2 s}).
   */
  static String duration(long millis) {
    if (millis < 1000) {
      return millis + " ms";
    }
    return BigDecimal.valueOf(millis, 3).setScale(1, RoundingMode.HALF_UP).toPlainString() + " s";
  }

  /** Seconds with three decimals ({@code 0.012}), as JUnit XML writes times. */
  static String seconds(long millis) {
    return BigDecimal.valueOf(millis, 3).toPlainString();
  }
}
