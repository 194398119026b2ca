package dev.jgenkit.specs;

import com.fasterxml.jackson.databind.node.ValueNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The located document tree {@link DocumentReader} reads a spec, sample file or plan into before
 * its loader checks it: every value keeps the line and column it was written at.
 */
public final class Tree {
  private Tree() {}

  /** A 1-based line and column in the spec text. */
  public record Pos(int line, int column) {
    public static final Pos START = new Pos(1, 1);
  }

  /** A value with its position and its size in values once aliases are expanded. */
  public sealed interface Node permits MapNode, ListNode, ScalarNode {
    Pos pos();

    long size();
  }

  /** One key of a mapping, located at the key. */
  public record Field(String key, Pos keyPos, Node value) {
    public Field {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(keyPos, "keyPos");
      Objects.requireNonNull(value, "value");
    }
  }

  /** A mapping, keys in document order. */
  public record MapNode(Pos pos, Map<String, Field> fields, long size) implements Node {
    public MapNode {
      fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }
  }

  /** A sequence. */
  public record ListNode(Pos pos, List<Node> items, long size) implements Node {
    public ListNode {
      items = List.copyOf(items);
    }
  }

  /** A string, number, boolean or null. */
  public record ScalarNode(Pos pos, ValueNode value) implements Node {
    public ScalarNode {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public long size() {
      return 1;
    }
  }

  /** What a node is, for messages: "a string", "a list", ... */
  public static String describe(Node node) {
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

  /** Where a position is, for hints: {@code line 3, column 5}. */
  public static String where(Pos pos) {
    return "line " + pos.line() + ", column " + pos.column();
  }

  /** The text of a string scalar, or null for anything else. */
  public static String text(Node node) {
    return node instanceof ScalarNode s && s.value().isTextual() ? s.value().textValue() : null;
  }
}
