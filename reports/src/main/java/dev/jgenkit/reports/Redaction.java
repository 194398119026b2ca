package dev.jgenkit.reports;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The single place report text passes through before it is written: shortens long base64 data URLs
 * so reports never carry whole images or audio (and whatever secrets a payload might hold).
 *
 * <p>Every reporter calls {@link #redact(String)} on free text it did not write itself (failure
 * reasons). A fuller secret redactor plugs in there.
 */
public final class Redaction {
  /** Data URLs at most this long (in characters) are left alone. */
  public static final int MAX_DATA_URL_CHARS = 100;

  /** How many base64 characters of a shortened data URL are kept. */
  public static final int KEPT_BASE64_CHARS = 16;

  // data:<mediatype>[;param=value]*;base64,<payload>; the payload allows both base64 alphabets.
  private static final Pattern DATA_URL =
      Pattern.compile(
          "data:([A-Za-z0-9!#$&^_.+-]+/[A-Za-z0-9!#$&^_.+-]+(?:;[A-Za-z0-9!#$&^_.+=-]+)*)"
              + ";base64,([A-Za-z0-9+/_-]+={0,2})");

  private Redaction() {}

  /**
   * Everything report text goes through before output; today that is {@link #shorten(String)}.
   *
   * @param text any text, may be null
   * @return the redacted text, {@code ""} for null
   */
  public static String redact(String text) {
    return shorten(text == null ? "" : text);
  }

  /**
   * Replaces each {@code data:<type>;base64,<payload>} longer than {@value #MAX_DATA_URL_CHARS}
   * characters with {@code data:<type>;base64,<first 16 chars>…(<n> bytes)}, where n is the decoded
   * size of the payload.
   */
  public static String shorten(String text) {
    if (text == null || !text.contains("data:")) {
      return text;
    }
    Matcher m = DATA_URL.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    while (m.find()) {
      String replacement = m.group();
      if (m.group().length() > MAX_DATA_URL_CHARS) {
        String payload = m.group(2);
        replacement =
            "data:"
                + m.group(1)
                + ";base64,"
                + payload.substring(0, KEPT_BASE64_CHARS)
                + "…("
                + decodedBytes(payload)
                + " bytes)";
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static long decodedBytes(String payload) {
    int padding = 0;
    for (int i = payload.length() - 1; i >= 0 && payload.charAt(i) == '='; i--) {
      padding++;
    }
    return (long) payload.length() * 3 / 4 - padding;
  }
}
