package dev.jgenkit.specs.samples;

import dev.jgenkit.specs.DidYouMean;
import dev.jgenkit.specs.Problems;
import dev.jgenkit.specs.Tree;
import dev.jgenkit.specs.Tree.ListNode;
import dev.jgenkit.specs.Tree.Node;
import dev.jgenkit.specs.Tree.Pos;
import dev.jgenkit.specs.Tree.ScalarNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/** Checks that sample files and plans share: strings, environment variable names, phases. */
final class Checks {
  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private Checks() {}

  static boolean isEnvName(String name) {
    return ENV_NAME.matcher(name).matches();
  }

  /** A non-blank string, or empty after reporting what was found. */
  static Optional<String> string(Problems problems, Node node, String key, String hint) {
    String text = Tree.text(node);
    if (text == null || text.isBlank()) {
      String found = text != null && !text.isEmpty() ? "a blank string" : Tree.describe(node);
      problems.add(node.pos(), "'" + key + "' must be a non-empty string, found " + found, hint);
      return Optional.empty();
    }
    return Optional.of(text);
  }

  /** A phase number, 1 to {@value Plan#MAX_PHASE}. */
  static OptionalInt phase(Problems problems, Node node, String hint) {
    if (node instanceof ScalarNode s && s.value().isIntegralNumber() && s.value().canConvertToInt()) {
      int phase = s.value().intValue();
      if (phase >= 1 && phase <= Plan.MAX_PHASE) {
        return OptionalInt.of(phase);
      }
    }
    problems.add(
        node.pos(),
        "'phase' must be a whole number from 1 to " + Plan.MAX_PHASE + ", found " + shown(node),
        hint);
    return OptionalInt.empty();
  }

  /**
   * A list of environment variable names, each valid and listed once.
   *
   * @param example how to write the list, for hints
   */
  static List<String> envNames(Problems problems, Node node, String example) {
    if (!(node instanceof ListNode list)) {
      problems.add(
          node.pos(),
          "'env' must be a list of environment variable names, found " + Tree.describe(node),
          "write " + example + " or one '- NAME' per line");
      return List.of();
    }
    List<String> names = new ArrayList<>();
    Map<String, Pos> seen = new HashMap<>();
    for (Node item : list.items()) {
      Optional<String> name = envName(problems, item);
      if (name.isEmpty()) {
        continue;
      }
      Pos first = seen.putIfAbsent(name.get(), item.pos());
      if (first != null) {
        problems.add(
            item.pos(),
            "environment variable '" + name.get() + "' is listed twice",
            "it is already at " + Tree.where(first) + "; keep only one");
      } else {
        names.add(name.get());
      }
    }
    return names;
  }

  /** One environment variable name, checked. */
  static Optional<String> envName(Problems problems, Node item) {
    String text = Tree.text(item);
    if (text == null) {
      problems.add(
          item.pos(),
          "an environment variable name must be a string, found " + Tree.describe(item),
          item instanceof Tree.MapNode
              ? "list only the name, e.g. '- GEMINI_API_KEY': the value comes from the environment"
              : "write the name, e.g. '- GEMINI_API_KEY'");
      return Optional.empty();
    }
    if (!isEnvName(text)) {
      problems.add(
          item.pos(),
          "'" + text + "' is not a valid environment variable name",
          envNameHint(text));
      return Optional.empty();
    }
    return Optional.of(text);
  }

  static String envNameHint(String text) {
    if (text.contains("=")) {
      return "list only the name, '"
          + text.substring(0, text.indexOf('='))
          + "': the value comes from the environment, never from this file";
    }
    if (text.contains("*")) {
      return "list every variable by its full name: a pattern cannot be checked";
    }
    if (text.startsWith("$")) {
      return "write the name without '$', e.g. '" + text.replaceFirst("^\\$\\{?", "") + "'";
    }
    return "use letters, digits and '_', not starting with a digit, e.g. 'GEMINI_API_KEY'";
  }

  /** A did-you-mean hint, or {@code otherwise}. */
  static String suggest(String input, List<String> candidates, String otherwise) {
    return DidYouMean.suggest(input, candidates)
        .map(s -> "did you mean '" + s + "'?")
        .orElse(otherwise);
  }

  /** A scalar as written ("-5", "'soon'"), or what else the node is. */
  static String shown(Node node) {
    if (node instanceof ScalarNode s && s.value().isNumber()) {
      if (!Double.isFinite(s.value().doubleValue())) {
        return String.valueOf(s.value().doubleValue());
      }
      if (s.value().isIntegralNumber()) {
        return s.value().bigIntegerValue().toString();
      }
      // 2.0 stays "2.0": "found 2" would not say why a whole number was refused.
      double d = s.value().doubleValue();
      BigDecimal decimal = BigDecimal.valueOf(d);
      return (d == Math.rint(d) ? decimal : decimal.stripTrailingZeros()).toPlainString();
    }
    String text = Tree.text(node);
    return text != null && !text.isEmpty() ? "'" + text + "'" : Tree.describe(node);
  }
}
