package dev.jgenkit.specs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jgenkit.specs.Tree.Field;
import dev.jgenkit.specs.Tree.ListNode;
import dev.jgenkit.specs.Tree.MapNode;
import dev.jgenkit.specs.Tree.Node;
import dev.jgenkit.specs.Tree.Pos;
import dev.jgenkit.specs.Tree.ScalarNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Checks that the spec, sample-file and plan loaders share, each recording located problems with
 * the same wording: unknown keys with did-you-mean, validator lists, booleans, JSON values.
 */
public final class TreeChecks {
  private static final Set<String> YAML_11_BOOLEANS = Set.of("yes", "no", "on", "off", "y", "n");

  private TreeChecks() {}

  /**
   * Reports every key of {@code map} not in {@code known}, suggesting the closest known one.
   *
   * @param what the object's name in messages, e.g. {@code "test"}: "unknown test key 'x'"
   */
  public static void unknownKeys(Problems problems, MapNode map, String what, List<String> known) {
    for (Field field : map.fields().values()) {
      if (!known.contains(field.key())) {
        List<String> quoted = known.stream().map(k -> "'" + k + "'").toList();
        String keys =
            quoted.size() == 1
                ? quoted.get(0)
                : String.join(", ", quoted.subList(0, quoted.size() - 1))
                    + " and "
                    + quoted.get(quoted.size() - 1);
        String only = "a " + what + " has only " + keys;
        problems.add(
            field.keyPos(),
            "unknown " + what + " key '" + field.key() + "'",
            DidYouMean.suggest(field.key(), known)
                .map(s -> "did you mean '" + s + "'? A" + only.substring(1))
                .orElse("A" + only.substring(1)));
      }
    }
  }

  /** The value under {@code key}, if the key is there. */
  public static Optional<Node> field(MapNode map, String key) {
    return Optional.ofNullable(map.fields().get(key)).map(Field::value);
  }

  /** Whether the node is a YAML/JSON null (including an empty YAML value). */
  public static boolean isNull(Node node) {
    return node instanceof ScalarNode s && s.value().isNull();
  }

  /**
   * A list of validators, {@code name} or {@code name:argument}, each checked against {@link
   * ValidatorCatalog}; the ones with problems are left out.
   */
  public static List<String> validators(Problems problems, Node node) {
    if (!(node instanceof ListNode list)) {
      problems.add(
          node.pos(),
          "'validators' must be a list, found " + Tree.describe(node),
          "write 'validators: [text-not-empty]' or one '- name' per line");
      return List.of();
    }
    List<String> validators = new ArrayList<>();
    for (Node item : list.items()) {
      String text = Tree.text(item);
      if (text == null) {
        problems.add(
            item.pos(),
            "a validator must be a string, found " + Tree.describe(item),
            validatorTypeHint(item));
      } else if (checkValidator(problems, text, item.pos())) {
        validators.add(text);
      }
    }
    return validators;
  }

  private static String validatorTypeHint(Node item) {
    if (item instanceof MapNode map && map.fields().size() == 1) {
      Field only = map.fields().values().iterator().next();
      if (only.value() instanceof ScalarNode s && s.value().isNull()) {
        return "quote it, as '- \"" + only.key() + ":\"': YAML reads a trailing ':' as a key";
      }
      String arg = only.value() instanceof ScalarNode s ? s.value().asText() : "...";
      return "write '"
          + only.key()
          + ":"
          + arg
          + "' with no space after ':' (with one, YAML reads a key and a value)";
    }
    return "write it as 'name' or 'name:argument', e.g. 'text-includes:hello'";
  }

  private static boolean checkValidator(Problems problems, String text, Pos pos) {
    if (text.isEmpty() || text.startsWith(":")) {
      problems.add(
          pos,
          "validator '" + text + "' has no name",
          "write it as 'name' or 'name:argument', e.g. 'text-includes:hello'");
      return false;
    }
    ValidatorSpec spec = ValidatorSpec.parse(text);
    Optional<ValidatorCatalog.Entry> entry = ValidatorCatalog.find(spec.name());
    if (entry.isEmpty()) {
      problems.add(
          pos,
          "unknown validator '" + spec.name() + "'",
          DidYouMean.suggest(spec.name(), ValidatorCatalog.names())
              .map(s -> "did you mean '" + s + "'?")
              .orElse("known validators: " + String.join(", ", ValidatorCatalog.names())));
      return false;
    }
    ValidatorCatalog.Argument rule = entry.get().argument();
    if (rule == ValidatorCatalog.Argument.REQUIRED && !spec.hasArgument()) {
      problems.add(
          pos,
          "validator '" + spec.name() + "' needs an argument",
          "write '" + entry.get().usage() + "'" + example(spec.name()));
      return false;
    }
    if (rule == ValidatorCatalog.Argument.NONE && text.contains(":")) {
      problems.add(
          pos,
          "validator '" + spec.name() + "' takes no argument, found '" + spec.argument() + "'",
          "write '" + spec.name() + "'");
      return false;
    }
    return true;
  }

  private static String example(String validator) {
    return "finish-reason".equals(validator) ? ", e.g. 'finish-reason:stop'" : "";
  }

  /**
   * A boolean under {@code key}; anything else is reported (with a note on YAML 1.1 booleans such
   * as {@code yes}) and read as {@code false}.
   */
  public static boolean bool(Problems problems, Node node, String key) {
    if (node instanceof ScalarNode s && s.value().isBoolean()) {
      return s.value().booleanValue();
    }
    String text = Tree.text(node);
    String hint = "write '" + key + ": true' or '" + key + ": false'";
    if (text != null && YAML_11_BOOLEANS.contains(text.toLowerCase(Locale.ROOT))) {
      hint += ": YAML 1.2, like the peer's parser, reads '" + text + "' as a string";
    } else if (text != null) {
      hint += ", unquoted";
    }
    problems.add(
        node.pos(), "'" + key + "' must be true or false, found " + Tree.describe(node), hint);
    return false;
  }

  /**
   * The JSON a runtime will receive for this value: key order and integers exactly as written.
   * NaN and infinities, which JSON cannot hold, are reported.
   */
  public static JsonNode json(Problems problems, Node node) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (node instanceof MapNode map) {
      ObjectNode object = f.objectNode();
      map.fields().values().forEach(field -> object.set(field.key(), json(problems, field.value())));
      return object;
    }
    if (node instanceof ListNode list) {
      ArrayNode array = f.arrayNode();
      list.items().forEach(item -> array.add(json(problems, item)));
      return array;
    }
    JsonNode value = ((ScalarNode) node).value();
    if (value.isDouble() && !Double.isFinite(value.doubleValue())) {
      problems.add(
          node.pos(),
          (Double.isNaN(value.doubleValue()) ? "NaN" : "an infinite number")
              + " cannot be sent: JSON has no such value",
          "use a finite number, or quote the value to send it as a string");
    }
    return value;
  }
}
