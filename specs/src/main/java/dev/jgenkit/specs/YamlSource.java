package dev.jgenkit.specs;

import com.fasterxml.jackson.core.JsonLocation;

/**
 * Looks at the YAML text under a scalar token for what Jackson does not report: the scalar's
 * anchor ({@code &name}) and whether it is written plain rather than quoted or as a block.
 */
final class YamlSource {
  private static final String FLOW_INDICATORS = ",[]{}";

  private final String text;
  // Tokens arrive in document order, so a cursor turns code-point offsets into char indexes in
  // linear time overall.
  private long cursorCodePoint;
  private int cursorChar;

  YamlSource(String text) {
    this.text = text;
  }

  /** The anchor declared on the scalar at this location, or null. */
  String anchorAt(JsonLocation location) {
    int i = charIndex(location.getCharOffset());
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '&') {
        int start = i + 1;
        int end = endOfProperty(start);
        return end > start ? text.substring(start, end) : null;
      }
      if (c != '!') {
        return null;
      }
      i = skipWhitespace(endOfProperty(i));
    }
    return null;
  }

  /** Whether the scalar at this location is plain: not quoted and not a literal/folded block. */
  boolean isPlainAt(JsonLocation location) {
    int i = charIndex(location.getCharOffset());
    while (i < text.length() && (text.charAt(i) == '&' || text.charAt(i) == '!')) {
      i = skipWhitespace(endOfProperty(i));
    }
    return i < text.length() && "'\"|>".indexOf(text.charAt(i)) < 0;
  }

  private int endOfProperty(int from) {
    int i = from;
    while (i < text.length()
        && !Character.isWhitespace(text.charAt(i))
        && FLOW_INDICATORS.indexOf(text.charAt(i)) < 0) {
      i++;
    }
    return i;
  }

  private int skipWhitespace(int from) {
    int i = from;
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private int charIndex(long codePoint) {
    if (codePoint < 0) {
      return text.length();
    }
    if (codePoint < cursorCodePoint) {
      cursorCodePoint = 0;
      cursorChar = 0;
    }
    while (cursorCodePoint < codePoint && cursorChar < text.length()) {
      cursorChar += Character.charCount(text.codePointAt(cursorChar));
      cursorCodePoint++;
    }
    return cursorChar;
  }
}
