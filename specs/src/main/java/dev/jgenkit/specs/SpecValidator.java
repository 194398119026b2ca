package dev.jgenkit.specs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jgenkit.specs.Tree.Field;
import dev.jgenkit.specs.Tree.ListNode;
import dev.jgenkit.specs.Tree.MapNode;
import dev.jgenkit.specs.Tree.Node;
import dev.jgenkit.specs.Tree.Pos;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a spec tree against the spec format and builds the suites, recording every problem it
 * finds rather than stopping at the first.
 */
final class SpecValidator {
  static final List<String> SUITE_KEYS = List.of("model", "supports", "tests");
  static final List<String> TEST_KEYS = List.of("name", "input", "validators", "stream");
  private static final String SUITE_EXAMPLE = "'- model: googleai/gemini-2.5-flash'";

  private final Problems problems;

  SpecValidator(Problems problems) {
    this.problems = problems;
  }

  /** The suites of a document whose top-level value is {@code root}; empty for an empty one. */
  List<Suite> suites(Optional<Node> root) {
    if (root.isEmpty() || TreeChecks.isNull(root.get())) {
      problems.add(
          root.map(Node::pos).orElse(Pos.START),
          "spec file is empty",
          "a spec is a list of suites, each starting with " + SUITE_EXAMPLE);
      return List.of();
    }
    Node top = root.get();
    if (top instanceof MapNode map) {
      return suite(map).map(List::of).orElse(List.of());
    }
    if (!(top instanceof ListNode list)) {
      problems.add(
          top.pos(),
          "a spec must be a list of suites or one suite object, found " + Tree.describe(top),
          "start each suite with " + SUITE_EXAMPLE);
      return List.of();
    }
    if (list.items().isEmpty()) {
      problems.add(top.pos(), "spec has no suites", "add a suite such as " + SUITE_EXAMPLE);
    }
    List<Suite> suites = new ArrayList<>();
    for (Node item : list.items()) {
      if (item instanceof MapNode map) {
        suite(map).ifPresent(suites::add);
      } else {
        problems.add(
            item.pos(),
            "a suite must be an object, found " + Tree.describe(item),
            "write each suite as " + SUITE_EXAMPLE + " with 'supports:' and/or 'tests:' under it");
      }
    }
    return suites;
  }

  private Optional<Suite> suite(MapNode map) {
    TreeChecks.unknownKeys(problems, map, "suite", SUITE_KEYS);
    Optional<String> model = model(map);
    Optional<List<String>> supports = field(map, "supports").map(this::supports);
    Optional<List<CustomTest>> tests = field(map, "tests").map(this::tests);
    return model.map(m -> new Suite(m, supports, tests, location(map.pos())));
  }

  private Optional<String> model(MapNode map) {
    Optional<Field> field = Optional.ofNullable(map.fields().get("model"));
    if (field.isEmpty()) {
      problems.add(
          map.pos(),
          "suite has no 'model'",
          "add the model to test, e.g. 'model: googleai/gemini-2.5-flash'");
      return Optional.empty();
    }
    Node value = field.get().value();
    String text = Tree.text(value);
    if (text == null || text.isBlank()) {
      problems.add(
          value.pos(),
          "'model' must be a non-empty string, found " + Tree.describe(value),
          "give the model name, e.g. 'model: googleai/gemini-2.5-flash'");
      return Optional.empty();
    }
    return Optional.of(text);
  }

  private List<String> supports(Node node) {
    if (!(node instanceof ListNode list)) {
      problems.add(
          node.pos(),
          "'supports' must be a list of capabilities, found " + Tree.describe(node),
          "write one capability per line as '- tool-request', or '[tool-request, multiturn]'");
      return List.of();
    }
    List<String> capabilities = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Node item : list.items()) {
      String name = Tree.text(item);
      if (name == null) {
        problems.add(
            item.pos(),
            "a capability must be a string, found " + Tree.describe(item),
            "known capabilities: " + String.join(", ", Capabilities.KNOWN));
      } else if (!Capabilities.isKnown(name)) {
        problems.add(item.pos(), "unknown capability '" + name + "'", capabilityHint(name));
      } else if (!seen.add(name)) {
        problems.add(
            item.pos(),
            "capability '" + name + "' is listed twice",
            "remove the repeat: it would run the same test twice");
      } else {
        capabilities.add(name);
      }
    }
    return capabilities;
  }

  private static String capabilityHint(String name) {
    if (ValidatorCatalog.isKnown(name)) {
      return "'"
          + name
          + "' is a validator, not a capability: add a custom test under 'tests:' with"
          + " 'validators: ["
          + name
          + "]'";
    }
    return DidYouMean.suggest(name, Capabilities.KNOWN)
        .map(s -> "did you mean '" + s + "'?")
        .orElse("known capabilities: " + String.join(", ", Capabilities.KNOWN));
  }

  private List<CustomTest> tests(Node node) {
    if (!(node instanceof ListNode list)) {
      problems.add(
          node.pos(),
          "'tests' must be a list of tests, found " + Tree.describe(node),
          "start each test with '- name: <name>' and give it 'input:' and 'validators:'");
      return List.of();
    }
    List<CustomTest> tests = new ArrayList<>();
    for (Node item : list.items()) {
      if (item instanceof MapNode map) {
        test(map).ifPresent(tests::add);
      } else {
        problems.add(
            item.pos(),
            "a test must be an object, found " + Tree.describe(item),
            "write each test as '- name: <name>' with 'input:' and 'validators:' under it");
      }
    }
    return tests;
  }

  private Optional<CustomTest> test(MapNode map) {
    int before = problemCount();
    TreeChecks.unknownKeys(problems, map, "test", TEST_KEYS);
    String name = field(map, "name").map(this::name).orElse(CustomTest.DEFAULT_NAME);
    Optional<ObjectNode> input = input(map);
    List<String> validators = field(map, "validators").map(v -> TreeChecks.validators(problems, v)).orElse(List.of());
    boolean stream = field(map, "stream").map(v -> TreeChecks.bool(problems, v, "stream")).orElse(false);
    if (input.isEmpty() || problemCount() != before) {
      return Optional.empty();
    }
    return Optional.of(new CustomTest(name, input.get(), validators, stream, location(map.pos())));
  }

  private String name(Node node) {
    String text = Tree.text(node);
    if (text == null || text.isBlank()) {
      problems.add(
          node.pos(),
          "'name' must be a non-empty string, found " + Tree.describe(node),
          "name the test, or leave 'name' out to call it '" + CustomTest.DEFAULT_NAME + "'");
      return CustomTest.DEFAULT_NAME;
    }
    return text;
  }

  private Optional<ObjectNode> input(MapNode test) {
    Field field = test.fields().get("input");
    if (field == null) {
      problems.add(
          test.pos(),
          "test has no 'input'",
          "add 'input:' with the GenerateRequest to send, at least 'messages:'");
      return Optional.empty();
    }
    if (!(field.value() instanceof MapNode input)) {
      problems.add(
          field.value().pos(),
          "'input' must be an object (a GenerateRequest), found " + Tree.describe(field.value()),
          "give 'input' keys such as 'messages:', 'config:', 'tools:' and 'output:'");
      return Optional.empty();
    }
    Field messages = input.fields().get("messages");
    if (messages == null) {
      problems.add(
          input.pos(),
          "'input' has no 'messages'",
          "add 'messages:' with at least one message, e.g. '- role: user'");
    } else if (!(messages.value() instanceof ListNode)) {
      problems.add(
          messages.value().pos(),
          "'messages' must be a list of messages, found " + Tree.describe(messages.value()),
          "start each message with '- role: user' and give it 'content:'");
    }
    return Optional.of((ObjectNode) TreeChecks.json(problems, input));
  }

  private int problemCount() {
    return problems.size();
  }

  private Location location(Pos pos) {
    return problems.location(pos);
  }

  private static Optional<Node> field(MapNode map, String key) {
    return TreeChecks.field(map, key);
  }
}
