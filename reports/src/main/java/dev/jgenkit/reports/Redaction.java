package dev.jgenkit.reports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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

  /** Environment variable names whose values are secrets. */
  private static final Pattern SECRET_NAME =
      Pattern.compile("(?i).*(KEY|TOKEN|SECRET|PASSWORD|CREDENTIAL).*");

  /** Values shorter than this are not masked (too likely to occur by chance, e.g. "1"). */
  private static final int MIN_SECRET_CHARS = 6;

  /** An {@code Authorization} header value, wherever it appears in text. */
  private static final Pattern AUTHORIZATION =
      Pattern.compile("(?i)(authorization\\\\?\"?\\s*[:=]\\s*\\\\?\"?)([^\"\\s,}]+(?: [^\"\\s,}]+)?)");

  private static volatile List<String> secrets = List.of();

  private Redaction() {}

  /**
   * Longer strings first. A class rather than {@code comparingInt(String::length)}: this runs at
   * start-up, before anything else in the JVM needs a lambda (whose first use sets up
   * java.lang.invoke, ~15 ms).
   */
  private static final Comparator<String> LONGEST_FIRST = new Comparator<>() {
    @Override
    public int compare(String a, String b) {
      return Integer.compare(b.length(), a.length());
    }
  };

  /**
   * Registers the secret values to mask: the values of the environment variables whose names
   * contain KEY, TOKEN, SECRET, PASSWORD or CREDENTIAL. Called once at startup.
   */
  public static void maskSecretsFrom(Map<String, String> env) {
    List<String> values = new ArrayList<>();
    for (Map.Entry<String, String> e : env.entrySet()) {
      String v = e.getValue();
      if (v != null && v.length() >= MIN_SECRET_CHARS && SECRET_NAME.matcher(e.getKey()).matches()) {
        values.add(v);
      }
    }
    // longest first, so a secret containing another is masked whole
    values.sort(LONGEST_FIRST);
    secrets = List.copyOf(values);
  }

  /** Replaces registered secret values and Authorization header values with {@code ***}. */
  public static String maskSecrets(String text) {
    if (text == null) {
      return "";
    }
    String out = text;
    for (String secret : secrets) {
      if (out.contains(secret)) {
        out = out.replace(secret, "***");
      }
    }
    if (out.toLowerCase(java.util.Locale.ROOT).contains("authorization")) {
      out = AUTHORIZATION.matcher(out).replaceAll("$1***");
    }
    return out;
  }

  /**
   * Everything report text goes through before output: secrets masked ({@link
   * #maskSecrets(String)}), then long data URLs shortened ({@link #shorten(String)}).
   *
   * @param text any text, may be null
   * @return the redacted text, {@code ""} for null
   */
  public static String redact(String text) {
    return shorten(maskSecrets(text == null ? "" : text));
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
