package dev.jgenkit.runners.validate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.NumberOutput;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code JSON.stringify} and {@code JSON.parse} with JavaScript's exact behaviour, so messages that
 * embed JSON match what the TypeScript tools print byte for byte.
 *
 * <p>Differences from Jackson that this class takes care of: {@code "key": value} with one space,
 * {@code []}/{@code {}} for empty containers, numbers printed as JavaScript prints doubles ({@code
 * 1.0 → 1}, {@code 1e21 → 1e+21}), integer-like keys first in ascending order (JavaScript property
 * order), and JavaScript's string escaping (only {@code "}, {@code \}, control characters and lone
 * surrogates are escaped).
 */
public final class JsJson {
  private static final ObjectMapper STRICT =
      new ObjectMapper(
          JsonFactory.builder()
              .streamReadConstraints(
                  StreamReadConstraints.builder()
                      .maxNestingDepth(10_000)
                      .maxNumberLength(1_000_000)
                      .maxStringLength(Integer.MAX_VALUE)
                      .maxNameLength(Integer.MAX_VALUE)
                      .build())
              .build());
  private static final BigInteger MAX_SAFE = BigInteger.valueOf(9_007_199_254_740_992L);
  private static final long MAX_ARRAY_INDEX = 4_294_967_294L;

  private JsJson() {}

  /** {@code JSON.stringify(node)}; {@code "undefined"} for a missing node. */
  public static String stringify(JsonNode node) {
    return stringify(node, 0);
  }

  /** {@code JSON.stringify(node, null, 2)}; {@code "undefined"} for a missing node. */
  public static String stringifyPretty(JsonNode node) {
    return stringify(node, 2);
  }

  /** {@code JSON.stringify(node, null, indent)} with an indent of 0 to 10 spaces. */
  public static String stringify(JsonNode node, int indent) {
    if (Js.isUndefined(node)) {
      return "undefined";
    }
    StringBuilder out = new StringBuilder();
    write(node, " ".repeat(Math.max(0, Math.min(10, indent))), "", out);
    return out.toString();
  }

  /**
   * {@code JSON.parse(text)}: strict JSON (no comments, single quotes, trailing commas, leading
   * zeros or NaN), exactly one value, surrounded only by spaces, tabs, CR or LF.
   *
   * @return the value, or empty when {@code JSON.parse} would throw
   */
  public static Optional<JsonNode> parse(String text) {
    try (JsonParser parser = STRICT.getFactory().createParser(text)) {
      if (parser.nextToken() == null) {
        return Optional.empty();
      }
      JsonNode value = STRICT.readTree(parser);
      if (parser.nextToken() != null) {
        return Optional.empty();
      }
      return Optional.ofNullable(value);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** {@code JSON.stringify(s)} for a string: the quoted, escaped form. */
  public static String quote(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2);
    quote(s, out);
    return out.toString();
  }

  /** {@code Number.prototype.toString()} of a numeric node, as JavaScript prints a double. */
  static String numberToString(JsonNode node) {
    if (node.isIntegralNumber()) {
      BigInteger value = node.bigIntegerValue();
      if (value.abs().compareTo(MAX_SAFE) <= 0) {
        return value.toString();
      }
    }
    return numberToString(node.doubleValue());
  }

  static String numberToString(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "Infinity" : "-Infinity";
    }
    if (d == 0) {
      return "0";
    }
    String sign = d < 0 ? "-" : "";
    double abs = Math.abs(d);
    BigDecimal shortest = shortestDecimal(abs);
    String digits = shortest.unscaledValue().toString();
    int k = digits.length();
    int n = k - shortest.scale();
    StringBuilder out = new StringBuilder(sign);
    if (k <= n && n <= 21) {
      out.append(digits).append("0".repeat(n - k));
    } else if (0 < n && n <= 21) {
      out.append(digits, 0, n).append('.').append(digits, n, k);
    } else if (-6 < n && n <= 0) {
      out.append("0.").append("0".repeat(-n)).append(digits);
    } else {
      int e = n - 1;
      out.append(digits.charAt(0));
      if (k > 1) {
        out.append('.').append(digits, 1, k);
      }
      out.append('e').append(e < 0 ? '-' : '+').append(Math.abs(e));
    }
    return out.toString();
  }

  // The shortest decimal that reads back as d, closest to d when several have that length.
  // Java's algorithm never picks one digit when two digits are closer (4.9E-324 where
  // JavaScript prints 5e-324), so one-digit candidates are tried explicitly.
  private static BigDecimal shortestDecimal(double abs) {
    BigDecimal java = new BigDecimal(NumberOutput.toString(abs, true)).stripTrailingZeros();
    if (java.precision() != 2) {
      return java;
    }
    BigDecimal exact = new BigDecimal(abs);
    BigDecimal unit = BigDecimal.ONE.scaleByPowerOfTen(-java.scale() + 1);
    BigDecimal low = java.divideToIntegralValue(unit).multiply(unit);
    BigDecimal best = null;
    for (BigDecimal candidate : new BigDecimal[] {low, low.add(unit)}) {
      if (candidate.signum() > 0 && candidate.doubleValue() == abs) {
        if (best == null
            || candidate.subtract(exact).abs().compareTo(best.subtract(exact).abs()) < 0) {
          best = candidate;
        }
      }
    }
    return best == null ? java : best.stripTrailingZeros();
  }

  private static void write(JsonNode node, String gap, String indent, StringBuilder out) {
    if (node.isObject()) {
      writeObject(node, gap, indent, out);
    } else if (node.isArray()) {
      writeArray(node, gap, indent, out);
    } else if (node.isTextual()) {
      quote(node.textValue(), out);
    } else if (node.isNumber()) {
      double d = node.doubleValue();
      out.append(Double.isNaN(d) || Double.isInfinite(d) ? "null" : numberToString(node));
    } else if (node.isBoolean()) {
      out.append(node.booleanValue());
    } else if (node.isBinary() || node.isPojo()) {
      quote(node.asText(), out);
    } else {
      out.append("null");
    }
  }

  private static void writeObject(JsonNode node, String gap, String indent, StringBuilder out) {
    List<Map.Entry<String, JsonNode>> entries = propertyOrder(node);
    if (entries.isEmpty()) {
      out.append("{}");
      return;
    }
    String inner = indent + gap;
    out.append('{');
    boolean first = true;
    for (Map.Entry<String, JsonNode> entry : entries) {
      out.append(first ? "" : ",");
      first = false;
      if (!gap.isEmpty()) {
        out.append('\n').append(inner);
      }
      quote(entry.getKey(), out);
      out.append(gap.isEmpty() ? ":" : ": ");
      write(entry.getValue(), gap, inner, out);
    }
    if (!gap.isEmpty()) {
      out.append('\n').append(indent);
    }
    out.append('}');
  }

  private static void writeArray(JsonNode node, String gap, String indent, StringBuilder out) {
    if (node.isEmpty()) {
      out.append("[]");
      return;
    }
    String inner = indent + gap;
    out.append('[');
    for (int i = 0; i < node.size(); i++) {
      out.append(i == 0 ? "" : ",");
      if (!gap.isEmpty()) {
        out.append('\n').append(inner);
      }
      JsonNode element = node.get(i);
      if (element.isMissingNode()) {
        out.append("null");
      } else {
        write(element, gap, inner, out);
      }
    }
    if (!gap.isEmpty()) {
      out.append('\n').append(indent);
    }
    out.append(']');
  }

  // JavaScript orders own properties: array-index keys ascending, then the rest in insertion order.
  private static List<Map.Entry<String, JsonNode>> propertyOrder(JsonNode node) {
    List<Map.Entry<String, JsonNode>> indexed = new ArrayList<>();
    List<Map.Entry<String, JsonNode>> named = new ArrayList<>();
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      if (entry.getValue().isMissingNode()) {
        continue;
      }
      (arrayIndex(entry.getKey()) >= 0 ? indexed : named).add(entry);
    }
    if (indexed.isEmpty()) {
      return named;
    }
    indexed.sort((a, b) -> Long.compare(arrayIndex(a.getKey()), arrayIndex(b.getKey())));
    indexed.addAll(named);
    return indexed;
  }

  private static long arrayIndex(String key) {
    int len = key.length();
    if (len == 0 || len > 10 || (len > 1 && key.charAt(0) == '0')) {
      return -1;
    }
    long value = 0;
    for (int i = 0; i < len; i++) {
      char c = key.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value <= MAX_ARRAY_INDEX ? value : -1;
  }

  private static void quote(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"':
          out.append("\\\"");
          break;
        case '\\':
          out.append("\\\\");
          break;
        case '\b':
          out.append("\\b");
          break;
        case '\f':
          out.append("\\f");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\r':
          out.append("\\r");
          break;
        case '\t':
          out.append("\\t");
          break;
        default:
          if (c < 0x20 || isLoneSurrogate(s, i)) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
      }
    }
    out.append('"');
  }

  private static boolean isLoneSurrogate(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
    }
    return false;
  }
}
