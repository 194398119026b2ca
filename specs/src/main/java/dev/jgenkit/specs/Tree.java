package dev.jgenkit.specs;

import com.fasterxml.jackson.databind.node.ValueNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The located document tree the loader reads a spec into before checking it. */
final class Tree {
  private Tree() {}

  /** A 1-based line and column in the spec text. */
  record Pos(int line, int column) {
    static final Pos START = new Pos(1, 1);
  }

  /** A value with its position and its size in values once aliases are expanded. */
  sealed interface Node permits MapNode, ListNode, ScalarNode {
    Pos pos();

    long size();
  }

  /** One key of a mapping, located at the key. */
  record Field(String key, Pos keyPos, Node value) {
    Field {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(keyPos, "keyPos");
      Objects.requireNonNull(value, "value");
    }
  }

  /** A mapping, keys in document order. */
  record MapNode(Pos pos, Map<String, Field> fields, long size) implements Node {
    MapNode {
      fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }
  }

  /** A sequence. */
  record ListNode(Pos pos, List<Node> items, long size) implements Node {
    ListNode {
      items = List.copyOf(items);
    }
  }

  /** A string, number, boolean or null. */
  record ScalarNode(Pos pos, ValueNode value) implements Node {
    ScalarNode {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public long size() {
      return 1;
    }
  }

  /** What a node is, for messages: "a string", "a list", ... */
  static String describe(Node node) {
    if (node instanceof MapNode) {
      return "an object";
    }
    if (node instanceof ListNode) {
      return "a list";
    }
    ValueNode value = ((ScalarNode) node).value();
    if (value.isTextual()) {
      return value.textValue().isEmpty() ? "an empty string" : "a string";
    }
    if (value.isNumber()) {
      return "a number";
    }
    if (value.isBoolean()) {
      return "a boolean";
    }
    return "null";
  }

  /** The text of a string scalar, or null for anything else. */
  static String text(Node node) {
    return node instanceof ScalarNode s && s.value().isTextual() ? s.value().textValue() : null;
  }
}
