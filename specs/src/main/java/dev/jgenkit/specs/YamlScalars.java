package dev.jgenkit.specs;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ValueNode;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * Resolves plain YAML scalars with the YAML 1.2 core schema, as the peer's {@code yaml} package
 * does, instead of Jackson's YAML 1.1 rules: {@code yes}, {@code on} and {@code 1_000} stay
 * strings, {@code 017} is seventeen, {@code .inf} is a number.
 */
final class YamlScalars {
  private static final Pattern NULL = Pattern.compile("~|null|Null|NULL|");
  private static final Pattern TRUE = Pattern.compile("true|True|TRUE");
  private static final Pattern FALSE = Pattern.compile("false|False|FALSE");
  private static final Pattern DECIMAL = Pattern.compile("[-+]?[0-9]+");
  private static final Pattern OCTAL = Pattern.compile("0o[0-7]+");
  private static final Pattern HEX = Pattern.compile("0x[0-9a-fA-F]+");
  private static final Pattern FLOAT =
      Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
  private static final Pattern INFINITY = Pattern.compile("[-+]?\\.(inf|Inf|INF)");
  private static final Pattern NAN = Pattern.compile("\\.(nan|NaN|NAN)");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private YamlScalars() {}

  /** An untagged plain scalar: null, boolean, integer or float when it looks like one. */
  static ValueNode plain(String text) {
    if (NULL.matcher(text).matches()) {
      return NODES.nullNode();
    }
    ValueNode typed = bool(text);
    if (typed == null) {
      typed = number(text);
    }
    return typed != null ? typed : NODES.textNode(text);
  }

  /**
   * A scalar with an explicit core tag ({@code str}, {@code int}, ...).
   *
   * @return the value, or null when the text does not fit the tag
   */
  static ValueNode tagged(String tag, String text) {
    return switch (tag) {
      case "str" -> NODES.textNode(text);
      case "null" -> NULL.matcher(text).matches() ? NODES.nullNode() : null;
      case "bool" -> bool(text);
      case "int", "float" -> number(text);
      default -> null;
    };
  }

  private static ValueNode bool(String text) {
    if (TRUE.matcher(text).matches()) {
      return NODES.booleanNode(true);
    }
    return FALSE.matcher(text).matches() ? NODES.booleanNode(false) : null;
  }

  private static ValueNode number(String text) {
    if (DECIMAL.matcher(text).matches()) {
      return integer(new BigInteger(text.startsWith("+") ? text.substring(1) : text));
    }
    if (OCTAL.matcher(text).matches()) {
      return integer(new BigInteger(text.substring(2), 8));
    }
    if (HEX.matcher(text).matches()) {
      return integer(new BigInteger(text.substring(2), 16));
    }
    if (FLOAT.matcher(text).matches()) {
      return NODES.numberNode(Double.parseDouble(text));
    }
    if (INFINITY.matcher(text).matches()) {
      return NODES.numberNode(
          text.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
    }
    return NAN.matcher(text).matches() ? NODES.numberNode(Double.NaN) : null;
  }

  private static ValueNode integer(BigInteger value) {
    if (value.bitLength() < Integer.SIZE) {
      return NODES.numberNode(value.intValue());
    }
    if (value.bitLength() < Long.SIZE) {
      return NODES.numberNode(value.longValue());
    }
    return NODES.numberNode(value);
  }
}
