package dev.jgenkit.specs.samples;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jgenkit.specs.Location;
import dev.jgenkit.specs.Problems;
import dev.jgenkit.specs.Tree;
import dev.jgenkit.specs.Tree.Field;
import dev.jgenkit.specs.Tree.ListNode;
import dev.jgenkit.specs.Tree.MapNode;
import dev.jgenkit.specs.Tree.Node;
import dev.jgenkit.specs.Tree.Pos;
import dev.jgenkit.specs.Tree.ScalarNode;
import dev.jgenkit.specs.TreeChecks;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks a sample-file tree against the format and builds the {@link SampleFile}. */
final class SampleFileChecker {
  static final List<String> FILE_KEYS = List.of("start", "cwd", "env", "timeout", "phase", "flows");
  static final List<String> FLOW_KEYS = List.of("input", "stream", "validators", "skip");
  private static final Set<String> YAML_11_BOOLEANS = Set.of("yes", "no", "on", "off", "y", "n");
  private static final Pattern WINDOWS_ABSOLUTE = Pattern.compile("^[A-Za-z]:[/\\\\].*");
  private static final Pattern DURATION_WITH_UNIT = Pattern.compile("\\d+(\\.\\d+)?\\s*(ms|s|m|h)");

  private final Problems problems;

  SampleFileChecker(Problems problems) {
    this.problems = problems;
  }

  /** The sample file, or null when a problem was recorded. */
  SampleFile sampleFile(Optional<Node> root) {
    if (root.isEmpty() || TreeChecks.isNull(root.get())) {
      problems.add(
          root.map(Node::pos).orElse(Pos.START),
          "sample file is empty",
          "give 'start:' and/or 'flows:', or delete the file to start the sample the conventional"
              + " way");
      return null;
    }
    if (!(root.get() instanceof MapNode map)) {
      problems.add(
          root.get().pos(),
          "a sample file must be an object, found " + Tree.describe(root.get()),
          "write keys such as 'start:', 'env:' and 'flows:' at the top level");
      return null;
    }
    int before = problems.size();
    TreeChecks.unknownKeys(problems, map, "sample file", FILE_KEYS);
    Optional<List<String>> start = TreeChecks.field(map, "start").flatMap(this::start);
    Optional<String> cwd = TreeChecks.field(map, "cwd").flatMap(this::cwd);
    List<String> env =
        TreeChecks.field(map, "env")
            .map(n -> Checks.envNames(problems, n, "'env: [GEMINI_API_KEY]'"))
            .orElse(List.of());
    Optional<Duration> timeout = TreeChecks.field(map, "timeout").flatMap(this::timeout);
    OptionalInt phase =
        TreeChecks.field(map, "phase")
            .map(n -> Checks.phase(problems, n, "write e.g. 'phase: 2'; phases run in ascending order"))
            .orElse(OptionalInt.empty());
    Map<String, FlowSpec> flows =
        TreeChecks.field(map, "flows").map(this::flows).orElse(Map.of());
    if (problems.size() != before) {
      return null;
    }
    return new SampleFile(
        problems.file(), start, cwd, env, timeout, phase, flows, problems.location(map.pos()));
  }

  private Optional<List<String>> start(Node node) {
    String example = "e.g. 'start: [node, index.js]'";
    if (!(node instanceof ListNode list)) {
      String text = Tree.text(node);
      String hint =
          text != null && !text.isBlank()
              ? "write 'start: ["
                  + String.join(", ", text.strip().split("\\s+"))
                  + "]': the command runs without a shell, so give it as a list"
              : "give the command and its arguments as a list, " + example;
      problems.add(
          node.pos(),
          "'start' must be a list of strings (the command and its arguments), found "
              + Tree.describe(node),
          hint);
      return Optional.empty();
    }
    if (list.items().isEmpty()) {
      problems.add(
          node.pos(), "'start' is empty", "give the command and its arguments, " + example);
      return Optional.empty();
    }
    List<String> argv = new ArrayList<>();
    for (Node item : list.items()) {
      String text = Tree.text(item);
      if (text == null) {
        boolean scalar = item instanceof ScalarNode s && !s.value().isNull();
        problems.add(
            item.pos(),
            "an argument in 'start' must be a string, found " + Tree.describe(item),
            scalar
                ? "quote it, as '\"" + ((ScalarNode) item).value().asText() + "\"'"
                : "write each argument as a plain string, " + example);
      } else if (argv.isEmpty() && text.isBlank()) {
        problems.add(
            item.pos(),
            "the command in 'start' is empty",
            "the first item is the program to run, " + example);
      } else {
        argv.add(text);
      }
    }
    return argv.size() == list.items().size() ? Optional.of(argv) : Optional.empty();
  }

  private Optional<String> cwd(Node node) {
    Optional<String> cwd =
        Checks.string(
            problems,
            node,
            "cwd",
            "give a directory relative to the sample directory, e.g. 'cwd: app'");
    if (cwd.isPresent() && isAbsolute(cwd.get())) {
      problems.add(
          node.pos(),
          "'cwd' must be relative to the sample directory, found '" + cwd.get() + "'",
          "write the path from the sample directory, e.g. 'cwd: app' or 'cwd: ..'");
      return Optional.empty();
    }
    return cwd;
  }

  private static boolean isAbsolute(String path) {
    return path.startsWith("/")
        || path.startsWith("\\")
        || path.startsWith("~")
        || WINDOWS_ABSOLUTE.matcher(path).matches();
  }

  private Optional<Duration> timeout(Node node) {
    String hint = "write the number of seconds, e.g. 'timeout: 120'";
    if (!(node instanceof ScalarNode s && s.value().isNumber())) {
      String text = Tree.text(node);
      if (text != null && DURATION_WITH_UNIT.matcher(text.strip()).matches()) {
        hint = "write the number of seconds with no unit, e.g. 'timeout: 120'";
      }
      problems.add(
          node.pos(),
          "'timeout' must be a number of seconds, found " + Tree.describe(node),
          hint);
      return Optional.empty();
    }
    double seconds = s.value().doubleValue();
    if (!(seconds > 0) || !Double.isFinite(seconds)) {
      problems.add(
          node.pos(),
          "'timeout' must be a positive number of seconds, found " + Checks.shown(node),
          hint);
      return Optional.empty();
    }
    if (seconds > SampleFileLoader.MAX_TIMEOUT_SECONDS) {
      problems.add(
          node.pos(),
          "'timeout' is "
              + Checks.shown(node)
              + " seconds, the limit is "
              + SampleFileLoader.MAX_TIMEOUT_SECONDS
              + " (a day)",
          hint);
      return Optional.empty();
    }
    BigDecimal nanos =
        (s.value().isIntegralNumber()
                ? new BigDecimal(s.value().bigIntegerValue())
                : BigDecimal.valueOf(seconds))
            .movePointRight(9);
    Duration timeout = Duration.ofNanos(nanos.longValue());
    if (timeout.isZero()) {
      problems.add(
          node.pos(),
          "'timeout' must be a positive number of seconds, found " + Checks.shown(node),
          hint);
      return Optional.empty();
    }
    return Optional.of(timeout);
  }

  private Map<String, FlowSpec> flows(Node node) {
    if (!(node instanceof MapNode map)) {
      problems.add(
          node.pos(),
          "'flows' must be an object mapping flow names to their settings, found "
              + Tree.describe(node),
          node instanceof ListNode
              ? "write each flow as '<flowName>:' with 'input:', 'stream:', 'validators:' or"
                  + " 'skip:' under it, not as a list item"
              : "write each flow as '<flowName>:' with 'input:', 'stream:', 'validators:' or"
                  + " 'skip:' under it");
      return Map.of();
    }
    Map<String, FlowSpec> flows = new LinkedHashMap<>();
    for (Field field : map.fields().values()) {
      flow(field).ifPresent(flow -> flows.put(flow.name(), flow));
    }
    return flows;
  }

  private Optional<FlowSpec> flow(Field field) {
    String name = field.key();
    if (name.isBlank()) {
      problems.add(
          field.keyPos(),
          "a flow name must not be empty",
          "use the flow's name as the runtime lists it, e.g. 'menuSuggestion:'");
      return Optional.empty();
    }
    Node value = field.value();
    if (TreeChecks.isNull(value)) {
      // 'myFlow:' with nothing under it: the flow runs with every default.
      return Optional.of(
          new FlowSpec(
              name, Optional.empty(), false, List.of(), Optional.empty(), location(field)));
    }
    if (!(value instanceof MapNode map)) {
      problems.add(
          value.pos(),
          "flow '" + name + "' must be an object, found " + Tree.describe(value),
          "put 'input:', 'stream:', 'validators:' or 'skip:' under '" + name + ":'");
      return Optional.empty();
    }
    int before = problems.size();
    TreeChecks.unknownKeys(problems, map, "flow", FLOW_KEYS);
    Optional<JsonNode> input =
        TreeChecks.field(map, "input").map(n -> TreeChecks.json(problems, n));
    boolean stream =
        TreeChecks.field(map, "stream").map(n -> TreeChecks.bool(problems, n, "stream")).orElse(false);
    List<String> validators =
        TreeChecks.field(map, "validators")
            .map(n -> TreeChecks.validators(problems, n))
            .orElse(List.of());
    Optional<String> skip = TreeChecks.field(map, "skip").flatMap(this::skip);
    if (problems.size() != before) {
      return Optional.empty();
    }
    return Optional.of(new FlowSpec(name, input, stream, validators, skip, location(field)));
  }

  private Optional<String> skip(Node node) {
    if (node instanceof ScalarNode s && s.value().isBoolean()) {
      return s.value().booleanValue()
          ? Optional.of(SampleFileLoader.SKIPPED_IN_FILE)
          : Optional.empty();
    }
    String text = Tree.text(node);
    if (text != null && YAML_11_BOOLEANS.contains(text.toLowerCase(Locale.ROOT))) {
      // 'skip: no' would otherwise skip the flow with the reason "no".
      problems.add(
          node.pos(),
          "'skip: " + text + "' is ambiguous",
          "write 'skip: true' or 'skip: false': YAML 1.2 reads '" + text + "' as a string,"
              + " which would be the reason");
      return Optional.empty();
    }
    if (text != null && !text.isBlank()) {
      return Optional.of(text.strip());
    }
    problems.add(
        node.pos(),
        text != null
            ? "'skip' has an empty reason"
            : "'skip' must be a reason or true, found " + Tree.describe(node),
        "write the reason, e.g. 'skip: needs a GPU', or 'skip: true'");
    return Optional.empty();
  }

  private Location location(Field field) {
    return problems.location(field.keyPos());
  }
}
