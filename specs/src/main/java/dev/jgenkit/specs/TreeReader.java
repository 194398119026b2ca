package dev.jgenkit.specs;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ValueNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.jgenkit.specs.Tree.Field;
import dev.jgenkit.specs.Tree.ListNode;
import dev.jgenkit.specs.Tree.MapNode;
import dev.jgenkit.specs.Tree.Node;
import dev.jgenkit.specs.Tree.Pos;
import dev.jgenkit.specs.Tree.ScalarNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a YAML or JSON token stream into a {@link Tree}, enforcing the loader's limits: nesting
 * depth, aliases to collections, values after alias expansion. Duplicate keys, unknown aliases and
 * unsupported tags are recorded and reading goes on; a syntax error or a broken limit ends it.
 */
final class TreeReader {
  private static final String YAML_TAG = "tag:yaml.org,2002:";
  private static final Set<String> CORE_TAGS =
      Set.of("str", "int", "float", "bool", "null", "seq", "map");

  private final Problems problems;
  private final String content;
  private final boolean yaml;
  private final DocumentKind kind;
  private final YamlSource source;
  private final Map<String, Node> anchors = new HashMap<>();
  private int collectionAliases;

  TreeReader(Problems problems, String content, boolean yaml, DocumentKind kind) {
    this.problems = problems;
    this.content = content;
    this.yaml = yaml;
    this.kind = kind;
    this.source = new YamlSource(content);
  }

  /**
   * What reading produced.
   *
   * @param root the single top-level value; empty for an empty document
   * @param complete false when reading stopped at a fatal problem (already recorded)
   */
  record Outcome(Optional<Node> root, boolean complete) {
    static final Outcome STOPPED = new Outcome(Optional.empty(), false);
  }

  Outcome read(JsonParser parser) {
    try {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return new Outcome(Optional.empty(), true);
      }
      Node root = readValue(parser, first, 1);
      if (parser.nextToken() != null) {
        throw fatal(
            pos(parser),
            yaml
                ? kind.noun() + " has more than one YAML document"
                : "unexpected content after the top-level JSON value",
            yaml ? kind.multipleDocumentsHint() : kind.trailingJsonHint());
      }
      return new Outcome(Optional.of(root), true);
    } catch (Fatal f) {
      problems.add(f.problem);
    } catch (IOException e) {
      problems.add(
          new ParseFailures(problems, content, yaml, kind).describe(e, pos(parser.currentLocation())));
    }
    return Outcome.STOPPED;
  }

  private Node readValue(JsonParser p, JsonToken token, int depth) throws IOException, Fatal {
    if (token == null) {
      throw fatal(pos(p), "unexpected end of file", "close every open list and object");
    }
    return switch (token) {
      case START_OBJECT -> readMap(p, depth);
      case START_ARRAY -> readList(p, depth);
      case VALUE_EMBEDDED_OBJECT -> binary(pos(p));
      default -> readScalar(p, token);
    };
  }

  private Node binary(Pos pos) {
    problems.add(
        pos,
        "binary values are not supported",
        "write the data as a string, e.g. a base64 'data:' URL");
    return new ScalarNode(pos, JsonNodeFactory.instance.nullNode());
  }

  private MapNode readMap(JsonParser p, int depth) throws IOException, Fatal {
    Pos pos = pos(p);
    String anchor = collectionAnchor(p);
    checkDepth(pos, depth);
    if (yaml) {
      tag(p, pos);
    }
    Map<String, Field> fields = new LinkedHashMap<>();
    long size = 1;
    for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
      if (t != JsonToken.FIELD_NAME) {
        throw fatal(pos(p), "unexpected end of file", "close every open object");
      }
      String key = p.currentName();
      Pos keyPos = pos(p);
      Node value = readValue(p, p.nextToken(), depth + 1);
      Field previous = fields.get(key);
      if (previous == null) {
        fields.put(key, new Field(key, keyPos, value));
      } else {
        problems.add(
            keyPos,
            "duplicate key '" + key + "'",
            "'" + key + "' is already set at " + where(previous.keyPos()) + "; keep only one");
      }
      size = grow(size, value, pos);
    }
    return anchored(anchor, new MapNode(pos, fields, size));
  }

  private ListNode readList(JsonParser p, int depth) throws IOException, Fatal {
    Pos pos = pos(p);
    String anchor = collectionAnchor(p);
    checkDepth(pos, depth);
    if (yaml) {
      tag(p, pos);
    }
    List<Node> items = new ArrayList<>();
    long size = 1;
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      Node item = readValue(p, t, depth + 1);
      items.add(item);
      size = grow(size, item, pos);
    }
    return anchored(anchor, new ListNode(pos, items, size));
  }

  private Node readScalar(JsonParser p, JsonToken token) throws IOException, Fatal {
    Pos pos = pos(p);
    if (yaml && ((YAMLParser) p).isCurrentAlias()) {
      return alias(p.getText(), pos);
    }
    // Jackson reports anchors of lists and objects only; a scalar's is read from the text.
    String anchor = yaml ? source.anchorAt(p.currentTokenLocation()) : null;
    ValueNode value = yaml ? yamlScalar(p, token, pos) : JsonTrees.scalar(p, token);
    return anchored(anchor, new ScalarNode(pos, value));
  }

  private ValueNode yamlScalar(JsonParser p, JsonToken token, Pos pos) throws IOException {
    String text = p.getText();
    String tag = tag(p, pos);
    if (tag != null) {
      ValueNode value = YamlScalars.tagged(tag, text);
      if (value == null) {
        problems.add(
            pos,
            "'" + text + "' is not a valid !!" + tag,
            "remove the tag or write a value of that type");
        return JsonNodeFactory.instance.nullNode();
      }
      return value;
    }
    if (token != JsonToken.VALUE_STRING) {
      return YamlScalars.plain(text);
    }
    // Jackson follows YAML 1.1 and leaves some 1.2 numbers (0o17) as strings; re-read plain ones.
    ValueNode typed = YamlScalars.plain(text);
    return !typed.isTextual() && source.isPlainAt(p.currentTokenLocation())
        ? typed
        : JsonNodeFactory.instance.textNode(text);
  }

  /** The core-schema tag name ({@code str}, {@code int}, ...) or null; other tags are reported. */
  private String tag(JsonParser p, Pos pos) throws IOException {
    String tag = ((YAMLParser) p).getTypeId();
    if (tag == null) {
      return null;
    }
    if (tag.startsWith(YAML_TAG) && CORE_TAGS.contains(tag.substring(YAML_TAG.length()))) {
      return tag.substring(YAML_TAG.length());
    }
    String shown = tag.startsWith(YAML_TAG) ? "!!" + tag.substring(YAML_TAG.length()) : "!" + tag;
    problems.add(
        pos,
        "unsupported YAML tag '" + shown + "'",
        kind.tagHint());
    return null;
  }

  private String collectionAnchor(JsonParser p) throws IOException {
    return yaml ? ((YAMLParser) p).getObjectId() : null;
  }

  private <N extends Node> N anchored(String anchor, N node) {
    if (anchor != null) {
      anchors.put(anchor, node);
    }
    return node;
  }

  private Node alias(String name, Pos pos) throws Fatal {
    Node target = anchors.get(name);
    if (target == null) {
      problems.add(
          pos,
          "alias '*" + name + "' refers to no anchor",
          "define '&" + name + "' on an earlier value, or quote the text if it is not an alias");
      return new ScalarNode(pos, JsonNodeFactory.instance.nullNode());
    }
    if (target instanceof ScalarNode scalar) {
      return new ScalarNode(pos, scalar.value());
    }
    collectionAliases++;
    if (collectionAliases > SpecLoader.MAX_ALIASES) {
      throw fatal(
          pos,
          "more than " + SpecLoader.MAX_ALIASES + " aliases to lists or objects",
          "aliases are limited to stop alias bombs; write the repeated values out");
    }
    return target;
  }

  private long grow(long size, Node child, Pos pos) throws Fatal {
    long total = size + child.size();
    if (total > SpecLoader.MAX_VALUES) {
      throw fatal(
          pos,
          "the document expands to more than " + SpecLoader.MAX_VALUES + " values",
          kind.aliasHint());
    }
    return total;
  }

  private void checkDepth(Pos pos, int depth) throws Fatal {
    if (depth > SpecLoader.MAX_DEPTH) {
      throw fatal(
          pos,
          "nesting is deeper than " + SpecLoader.MAX_DEPTH + " levels",
          kind.depthHint());
    }
  }

  private static Pos pos(JsonParser p) {
    return pos(p.currentTokenLocation());
  }

  static Pos pos(JsonLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return Pos.START;
    }
    return new Pos(location.getLineNr(), Math.max(1, location.getColumnNr()));
  }

  static String where(Pos pos) {
    return Tree.where(pos);
  }

  private Fatal fatal(Pos pos, String message, String hint) {
    return new Fatal(problems.problem(pos, message, hint));
  }

  /** Stops reading: the document cannot be read further. */
  private static final class Fatal extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient SpecProblem problem;

    Fatal(SpecProblem problem) {
      super(problem.message(), null, false, false);
      this.problem = problem;
    }
  }
}
