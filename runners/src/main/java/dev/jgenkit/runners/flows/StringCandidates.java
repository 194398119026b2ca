package dev.jgenkit.runners.flows;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Strings for input synthesis without a pattern: plain ones, and valid values of common formats.
 */
final class StringCandidates {
  private StringCandidates() {}

  private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

  /** "test", "test2", ... fitted to the length bounds, then short strings over [a-z0-9]. */
  static List<String> plainStrings(long minLength, long maxLength, int want) {
    LinkedHashSet<String> out = new LinkedHashSet<>();
    for (int k = 0; k < want && out.size() < want; k++) {
      String base = k == 0 ? "test" : "test" + (k + 1);
      if (base.length() < minLength) {
        base = base + "x".repeat((int) (minLength - base.length()));
      } else if (base.length() > maxLength) {
        base = base.substring(0, (int) maxLength);
      }
      out.add(base);
    }
    long length = Math.min(maxLength, Math.max(minLength, 1));
    for (long n = 0;
        out.size() < want && length > 0 && n < Math.pow(ALPHABET.length(), Math.min(length, 6));
        n++) {
      StringBuilder s = new StringBuilder();
      long rest = n;
      for (long i = 0; i < length; i++) {
        s.append(ALPHABET.charAt((int) (rest % ALPHABET.length())));
        rest /= ALPHABET.length();
      }
      out.add(s.reverse().toString());
    }
    return List.copyOf(out);
  }

  /** Makers of the k-th distinct valid value of each known {@code format}. */
  static final Map<String, IntFunction<String>> FORMATS = formats();

  private static Map<String, IntFunction<String>> formats() {
    Map<String, IntFunction<String>> f = new LinkedHashMap<>();
    LocalDate day = LocalDate.of(2024, 1, 1);
    f.put("date-time", k -> day.plusDays(k) + "T12:00:00Z");
    f.put("date", k -> day.plusDays(k).toString());
    f.put("time", k -> LocalTime.NOON.plusMinutes(k).toString() + ":00Z");
    f.put("email", k -> (k == 0 ? "test" : "test" + (k + 1)) + "@example.com");
    f.put("idn-email", f.get("email"));
    IntFunction<String> uri =
        k -> k == 0 ? "https://example.com" : "https://example.com/" + (k + 1);
    f.put("uri", uri);
    f.put("url", uri);
    f.put("iri", uri);
    f.put("uri-reference", uri);
    f.put("iri-reference", uri);
    f.put("uri-template", k -> "https://example.com/{id}" + (k == 0 ? "" : "/" + (k + 1)));
    f.put("uuid", k -> String.format("00000000-0000-4000-8000-%012x", k));
    f.put("ipv4", k -> "127.0.0." + (k % 254 + 1));
    f.put("ipv6", k -> k == 0 ? "::1" : "2001:db8::" + Integer.toHexString(k));
    f.put("hostname", k -> k == 0 ? "example.com" : "example" + (k + 1) + ".com");
    f.put("idn-hostname", f.get("hostname"));
    f.put("duration", k -> "P" + (k + 1) + "D");
    f.put("regex", k -> k == 0 ? "test" : "test" + (k + 1));
    f.put("json-pointer", k -> k == 0 ? "/test" : "/test" + (k + 1));
    f.put("relative-json-pointer", k -> Integer.toString(k));
    f.put(
        "byte",
        k ->
            Base64.getEncoder()
                .encodeToString(("test" + (k == 0 ? "" : k + 1)).getBytes(StandardCharsets.UTF_8)));
    return Map.copyOf(f);
  }
}
