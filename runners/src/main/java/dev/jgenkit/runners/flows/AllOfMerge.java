package dev.jgenkit.runners.flows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Folds the keywords of {@code allOf} branches into one schema for input synthesis: properties
 * merged, required united, types intersected, the tighter bound kept, extra patterns collected.
 * What cannot be merged keeps the first branch's value; the validator has the last word.
 */
final class AllOfMerge {
  /** Patterns beyond the first, collected from several branches; read by string synthesis. */
  static final String PATTERNS = "x-jgenkit-patterns";

  /** Why the merged branches allow no value (conflicting consts, disjoint types). */
  static final String CONFLICT = "x-jgenkit-conflict";

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private AllOfMerge() {}

  /** Folds keyword {@code key} of a branch into {@code acc}. */
  static void mergeKeyword(ObjectNode acc, String key, JsonNode value) {
    JsonNode old = acc.get(key);
    if (old == null) {
      acc.set(key, value);
      return;
    }
    if (old.equals(value)) {
      return;
    }
    switch (key) {
      case "properties":
      case "patternProperties":
      case "$defs":
      case "definitions":
      case "dependentSchemas":
        {
          ObjectNode merged = JSON.objectNode();
          merged.setAll((ObjectNode) old);
          value
              .properties()
              .forEach(e -> merged.set(e.getKey(), both(merged.get(e.getKey()), e.getValue())));
          acc.set(key, merged);
          return;
        }
      case "required":
        {
          LinkedHashSet<String> names = new LinkedHashSet<>();
          old.forEach(n -> names.add(n.asText()));
          value.forEach(n -> names.add(n.asText()));
          ArrayNode merged = JSON.arrayNode();
          names.forEach(merged::add);
          acc.set(key, merged);
          return;
        }
      case "type":
        {
          Set<String> kept = new LinkedHashSet<>(typeNames(old));
          Set<String> other = typeNames(value);
          kept.removeIf(
              t -> !other.contains(t) && !(t.equals("number") && other.contains("integer")));
          if (typeNames(old).contains("number") && other.contains("integer")) {
            kept.remove("number");
            kept.add("integer");
          }
          if (kept.isEmpty()) {
            acc.put(
                CONFLICT,
                "allOf requires type " + old + " and type " + value + ", which share no value");
          }
          ArrayNode merged = JSON.arrayNode();
          kept.forEach(merged::add);
          acc.set(key, merged);
          return;
        }
      case "minimum":
      case "exclusiveMinimum":
      case "minLength":
      case "minItems":
      case "minProperties":
      case "minContains":
        if (old.isNumber()
            && value.isNumber()
            && value.decimalValue().compareTo(old.decimalValue()) > 0) {
          acc.set(key, value);
        }
        return;
      case "maximum":
      case "exclusiveMaximum":
      case "maxLength":
      case "maxItems":
      case "maxProperties":
      case "maxContains":
        if (old.isNumber()
            && value.isNumber()
            && value.decimalValue().compareTo(old.decimalValue()) < 0) {
          acc.set(key, value);
        }
        return;
      case "pattern":
      case PATTERNS:
        {
          ArrayNode extra =
              acc.has(PATTERNS) ? (ArrayNode) acc.get(PATTERNS) : acc.putArray(PATTERNS);
          if (value.isArray()) {
            value.forEach(extra::add);
          } else {
            extra.add(value);
          }
          return;
        }
      case "enum":
        {
          ArrayNode kept = JSON.arrayNode();
          for (JsonNode v : old) {
            for (JsonNode w : value) {
              if (v.equals(w)) {
                kept.add(v);
                break;
              }
            }
          }
          acc.set(key, kept);
          return;
        }
      case "const":
        acc.put(CONFLICT, "allOf requires both const " + old + " and const " + value);
        return;
      case "uniqueItems":
        acc.put(key, old.asBoolean() || value.asBoolean());
        return;
      case "multipleOf":
        if (old.isNumber()
            && value.isNumber()
            && old.canConvertToExactIntegral()
            && value.canConvertToExactIntegral()) {
          BigInteger a = old.bigIntegerValue();
          BigInteger b = value.bigIntegerValue();
          acc.put(key, new BigDecimal(a.multiply(b).divide(a.gcd(b))));
        }
        return;
      case "not":
        {
          ObjectNode either = JSON.objectNode();
          either.putArray("anyOf").add(old).add(value);
          acc.set(key, either);
          return;
        }
      case "anyOf":
      case "oneOf":
        {
          // Both choices must hold: their cross product, when it stays small.
          if (old.isArray() && value.isArray() && old.size() * value.size() <= 64) {
            ArrayNode product = JSON.arrayNode();
            for (JsonNode a : old) {
              for (JsonNode b : value) {
                product.add(both(a, b));
              }
            }
            acc.set(key, product);
          }
          return;
        }
      case "items":
      case "additionalItems":
      case "additionalProperties":
      case "unevaluatedProperties":
      case "unevaluatedItems":
      case "contains":
      case "propertyNames":
        acc.set(key, both(old, value));
        return;
      default:
        // format, default, title, ...: the first wins; the validator has the last word.
    }
  }

  private static JsonNode both(JsonNode a, JsonNode b) {
    if (a == null) {
      return b;
    }
    if (a.isBoolean() && !a.booleanValue() || b.isBoolean() && !b.booleanValue()) {
      return BooleanNode.FALSE;
    }
    if (a.isBoolean()) {
      return b;
    }
    if (b.isBoolean()) {
      return a;
    }
    ObjectNode merged = JSON.objectNode();
    merged.putArray("allOf").add(a).add(b);
    return merged;
  }

  private static Set<String> typeNames(JsonNode type) {
    Set<String> names = new LinkedHashSet<>();
    if (type.isArray()) {
      type.forEach(t -> names.add(t.asText()));
    } else {
      names.add(type.asText());
    }
    return names;
  }
}
