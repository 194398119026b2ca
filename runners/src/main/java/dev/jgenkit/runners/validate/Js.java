package dev.jgenkit.runners.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.Locale;

/**
 * JavaScript value semantics on Jackson trees, so the validators judge a response exactly as the
 * TypeScript {@code dev:test-model} does: truthiness, optional chaining, {@code String(x)} and
 * {@code String.prototype.trim}. A {@link MissingNode} stands for {@code undefined}.
 */
final class Js {
  private Js() {}

  /** {@code undefined}: what an absent property or out-of-range index reads as. */
  static JsonNode undefined() {
    return MissingNode.getInstance();
  }

  static boolean isUndefined(JsonNode node) {
    return node == null || node.isMissingNode();
  }

  /** {@code obj?.key}: undefined unless {@code node} is an object holding {@code key}. */
  static JsonNode get(JsonNode node, String key) {
    if (node == null || !node.isObject()) {
      return undefined();
    }
    JsonNode value = node.get(key);
    return value == null ? undefined() : value;
  }

  /** {@code arr?.[index]}: undefined unless {@code node} is an array long enough. */
  static JsonNode get(JsonNode node, int index) {
    if (node == null || !node.isArray() || index < 0 || index >= node.size()) {
      return undefined();
    }
    return node.get(index);
  }

  /**
   * JavaScript truthiness: {@code false}, {@code 0}, {@code NaN}, {@code ""}, null, undefined are
   * falsy.
   */
  static boolean truthy(JsonNode node) {
    if (isUndefined(node) || node.isNull()) {
      return false;
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isNumber()) {
      double d = node.doubleValue();
      return d != 0 && !Double.isNaN(d);
    }
    if (node.isTextual()) {
      return !node.textValue().isEmpty();
    }
    return true;
  }

  /** {@code String(x)}, as a template literal interpolates {@code x}. */
  static String display(JsonNode node) {
    if (isUndefined(node)) {
      return "undefined";
    }
    if (node.isNull()) {
      return "null";
    }
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue() ? "true" : "false";
    }
    if (node.isNumber()) {
      return JsJson.numberToString(node);
    }
    if (node.isArray()) {
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < node.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        JsonNode element = node.get(i);
        if (!element.isNull() && !element.isMissingNode()) {
          out.append(display(element));
        }
      }
      return out.toString();
    }
    if (node.isObject()) {
      return "[object Object]";
    }
    return node.asText();
  }

  /** {@code s.toLowerCase()}: locale-independent, like JavaScript's. */
  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  /** {@code s.trim()}: strips ECMAScript WhiteSpace and LineTerminator code units. */
  static String trim(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isJsSpace(s.charAt(start))) {
      start++;
    }
    while (end > start && isJsSpace(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(start, end);
  }

  private static boolean isJsSpace(char c) {
    switch (c) {
      case '\t':
      case '\n':
      case '\u000B':
      case '\f':
      case '\r':
      case ' ':
      case '\u00A0':
      case '\u1680':
      case '\u2028':
      case '\u2029':
      case '\u202F':
      case '\u205F':
      case '\u3000':
      case '\uFEFF':
        return true;
      default:
        return c >= '\u2000' && c <= '\u200A';
    }
  }
}
