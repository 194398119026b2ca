package dev.jgenkit.runners.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The part of zod v3's {@code parse} that Genkit's {@code GenerateResponseSchema} uses: which
 * inputs pass, which issues are reported, and the output (unknown keys stripped, keys in schema
 * order).
 *
 * <p>Parsing returns the output node, or {@code null} when the input is invalid; issues are
 * collected for every invalid field, not only the first. A {@code MissingNode} is {@code
 * undefined}; JSON {@code null} is not undefined, so {@code optional()} does not accept it.
 */
final class Zod {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

  private Zod() {}

  /** One problem, as {@code <path>: <message>} with a JSONPath-like path. */
  record Issue(String path, String message) {
    @Override
    public String toString() {
      return path + ": " + message;
    }
  }

  /** A schema node. */
  abstract static class Type {
    abstract JsonNode parse(JsonNode node, String path, List<Issue> issues);

    final Type optional() {
      Type inner = this;
      return new Type() {
        @Override
        JsonNode parse(JsonNode node, String path, List<Issue> issues) {
          return Js.isUndefined(node) ? Js.undefined() : inner.parse(node, path, issues);
        }
      };
    }

    final Type nullish() {
      Type inner = this;
      return new Type() {
        @Override
        JsonNode parse(JsonNode node, String path, List<Issue> issues) {
          return Js.isUndefined(node) || node.isNull() ? node : inner.parse(node, path, issues);
        }
      };
    }
  }

  static String child(String path, String key) {
    return IDENTIFIER.matcher(key).matches()
        ? path + "." + key
        : path + "[" + JsJson.quote(key) + "]";
  }

  static String child(String path, int index) {
    return path + "[" + index + "]";
  }

  /** zod's name for the type of a value ({@code getParsedType}). */
  static String typeName(JsonNode node) {
    if (Js.isUndefined(node)) {
      return "undefined";
    }
    if (node.isNull()) {
      return "null";
    }
    if (node.isTextual()) {
      return "string";
    }
    if (node.isNumber()) {
      return Double.isNaN(node.doubleValue()) ? "nan" : "number";
    }
    if (node.isBoolean()) {
      return "boolean";
    }
    if (node.isArray()) {
      return "array";
    }
    return "object";
  }

  static JsonNode invalidType(String expected, JsonNode node, String path, List<Issue> issues) {
    String received = typeName(node);
    issues.add(
        new Issue(
            path,
            received.equals("undefined")
                ? "Required"
                : "Expected " + expected + ", received " + received));
    return null;
  }

  static Type string() {
    return new Type() {
      @Override
      JsonNode parse(JsonNode node, String path, List<Issue> issues) {
        return typeName(node).equals("string") ? node : invalidType("string", node, path, issues);
      }
    };
  }

  static Type number() {
    return new Type() {
      @Override
      JsonNode parse(JsonNode node, String path, List<Issue> issues) {
        return typeName(node).equals("number") ? node : invalidType("number", node, path, issues);
      }
    };
  }

  static Type bool() {
    return new Type() {
      @Override
      JsonNode parse(JsonNode node, String path, List<Issue> issues) {
        return node != null && node.isBoolean() ? node : invalidType("boolean", node, path, issues);
      }
    };
  }

  /** {@code z.unknown()} and {@code z.any()}: everything, undefined included. */
  static Type unknown() {
    return new Type() {
      @Override
      JsonNode parse(JsonNode node, String path, List<Issue> issues) {
        return node == null ? Js.undefined() : node;
      }
    };
  }

  static Type never() {
    return new Type() {
      @Override
      JsonNode parse(JsonNode node, String path, List<Issue> issues) {
        return invalidType("never", node, path, issues);
      }
    };
  }

  static Type enumOf(String... values) {
    Set<String> allowed = Set.of(values);
    String expected =
        List.of(values).stream().map(v -> "'" + v + "'").collect(Collectors.joining(" | "));
    return new Type() {
      @Override
      JsonNode parse(JsonNode node, String path, List<Issue> issues) {
        if (!typeName(node).equals("string")) {
          return invalidType(expected, node, path, issues);
        }
        if (!allowed.contains(node.textValue())) {
          issues.add(
              new Issue(
                  path,
                  "Invalid enum value. Expected "
                      + expected
                      + ", received '"
                      + node.textValue()
                      + "'"));
          return null;
        }
        return node;
      }
    };
  }

  static Type array(Type element) {
    return new Type() {
      @Override
      JsonNode parse(JsonNode node, String path, List<Issue> issues) {
        if (node == null || !node.isArray()) {
          return invalidType("array", node, path, issues);
        }
        ArrayNode out = NODES.arrayNode(node.size());
        boolean valid = true;
        for (int i = 0; i < node.size(); i++) {
          JsonNode parsed = element.parse(node.get(i), child(path, i), issues);
          if (parsed == null) {
            valid = false;
          } else {
            out.add(parsed.isMissingNode() ? NODES.nullNode() : parsed);
          }
        }
        return valid ? out : null;
      }
    };
  }

  /** {@code z.record(value)}: an object (not an array, not null) whose values all match. */
  static Type record(Type value) {
    return new Type() {
      @Override
      JsonNode parse(JsonNode node, String path, List<Issue> issues) {
        if (node == null || !node.isObject()) {
          return invalidType("object", node, path, issues);
        }
        ObjectNode out = NODES.objectNode();
        boolean valid = true;
        for (Map.Entry<String, JsonNode> field : node.properties()) {
          JsonNode parsed = value.parse(field.getValue(), child(path, field.getKey()), issues);
          if (parsed == null) {
            valid = false;
          } else if (!field.getKey().equals("__proto__")) {
            out.set(field.getKey(), parsed);
          }
        }
        return valid ? out : null;
      }
    };
  }

  static Obj object() {
    return new Obj(new LinkedHashMap<>(), false);
  }

  /** {@code z.object(shape)}: strips unknown keys unless {@link #passthrough()}. */
  static final class Obj extends Type {
    private final LinkedHashMap<String, Type> shape;
    private final boolean passthrough;

    private Obj(LinkedHashMap<String, Type> shape, boolean passthrough) {
      this.shape = shape;
      this.passthrough = passthrough;
    }

    /** {@code .extend({key: type})}: a replaced key keeps its position, as in zod. */
    Obj with(String key, Type type) {
      LinkedHashMap<String, Type> copy = new LinkedHashMap<>(shape);
      copy.put(key, type);
      return new Obj(copy, passthrough);
    }

    Obj passthrough() {
      return new Obj(shape, true);
    }

    @Override
    JsonNode parse(JsonNode node, String path, List<Issue> issues) {
      if (node == null || !node.isObject()) {
        return invalidType("object", node, path, issues);
      }
      ObjectNode out = NODES.objectNode();
      boolean valid = true;
      for (Map.Entry<String, Type> entry : shape.entrySet()) {
        String key = entry.getKey();
        JsonNode parsed = entry.getValue().parse(Js.get(node, key), child(path, key), issues);
        if (parsed == null) {
          valid = false;
        } else if (node.has(key)) {
          out.set(key, parsed);
        }
      }
      if (passthrough) {
        for (Map.Entry<String, JsonNode> field : node.properties()) {
          if (!shape.containsKey(field.getKey()) && !field.getKey().equals("__proto__")) {
            out.set(field.getKey(), field.getValue());
          }
        }
      }
      return valid ? out : null;
    }
  }

  /**
   * {@code z.union([...])} of Genkit part schemas: the first option that accepts the input wins.
   * When none does, zod reports only "Invalid input"; this reports the issues of the option the
   * part was evidently meant to be (the one named by its kind key), or that it has several kinds.
   */
  static final class PartUnion extends Type {
    private final List<Obj> options;
    private final Map<String, Obj> byKind;
    private final Obj fallback;

    /**
     * @param options all options in zod's order
     * @param byKind the option for each mutually exclusive kind key ({@code text}, {@code media},
     *     ...), in the order to name them
     * @param fallback the option whose issues to report when no kind key is present
     */
    PartUnion(List<Obj> options, LinkedHashMap<String, Obj> byKind, Obj fallback) {
      this.options = List.copyOf(options);
      this.byKind = byKind;
      this.fallback = fallback;
    }

    @Override
    JsonNode parse(JsonNode node, String path, List<Issue> issues) {
      for (Obj option : options) {
        List<Issue> scratch = new ArrayList<>();
        JsonNode parsed = option.parse(node, path, scratch);
        if (parsed != null && scratch.isEmpty()) {
          return parsed;
        }
      }
      if (node == null || !node.isObject()) {
        return invalidType("object", node, path, issues);
      }
      List<String> kinds = byKind.keySet().stream().filter(node::has).collect(Collectors.toList());
      if (kinds.size() > 1) {
        issues.add(
            new Issue(
                path,
                "Invalid input: a part has only one of "
                    + String.join(", ", byKind.keySet())
                    + "; found "
                    + String.join(", ", kinds)));
        return null;
      }
      Obj meant = kinds.isEmpty() ? fallback : byKind.get(kinds.get(0));
      List<Issue> found = new ArrayList<>();
      meant.parse(node, path, found);
      if (found.isEmpty()) {
        found.add(new Issue(path, "Invalid input"));
      }
      issues.addAll(found);
      return null;
    }
  }
}
