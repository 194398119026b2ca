package dev.jgenkit.specs.samples;

import dev.jgenkit.specs.Problems;
import dev.jgenkit.specs.Tree;
import dev.jgenkit.specs.Tree.Field;
import dev.jgenkit.specs.Tree.ListNode;
import dev.jgenkit.specs.Tree.MapNode;
import dev.jgenkit.specs.Tree.Node;
import dev.jgenkit.specs.Tree.Pos;
import dev.jgenkit.specs.TreeChecks;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/** Checks a plan tree against the plan format and builds the {@link Plan}. */
final class PlanChecker {
  static final List<String> PLAN_KEYS =
      List.of("name", "description", "phases", "env-help", "features");
  static final List<String> PHASE_KEYS = List.of("phase", "title", "samples");
  static final List<String> SAMPLE_KEYS = List.of("name", "env", "features", "notes");
  private static final String PHASE_EXAMPLE = "'- phase: 1' with 'title:' and 'samples:' under it";

  private final Problems problems;
  private final String defaultName;
  private final Optional<Path> source;
  private final Map<String, Placed> samplesSeen = new HashMap<>();
  private Optional<List<String>> declaredFeatures = Optional.empty();

  /** Where a sample was first listed, for duplicate reports. */
  private record Placed(int phase, Pos pos) {}

  PlanChecker(Problems problems, String defaultName, Optional<Path> source) {
    this.problems = problems;
    this.defaultName = defaultName;
    this.source = source;
  }

  /** The plan, or null when a problem was recorded. */
  Plan plan(Optional<Node> root) {
    if (root.isEmpty() || TreeChecks.isNull(root.get())) {
      problems.add(
          root.map(Node::pos).orElse(Pos.START),
          "plan file is empty",
          "a plan starts with 'phases:', a list of " + PHASE_EXAMPLE);
      return null;
    }
    if (!(root.get() instanceof MapNode map)) {
      problems.add(
          root.get().pos(),
          "a plan must be an object, found " + Tree.describe(root.get()),
          "write 'phases:' at the top level, a list of " + PHASE_EXAMPLE);
      return null;
    }
    int before = problems.size();
    TreeChecks.unknownKeys(problems, map, "plan", PLAN_KEYS);
    String name =
        TreeChecks.field(map, "name")
            .flatMap(
                n -> Checks.string(problems, n, "name", "name the plan, e.g. 'name: my-samples'"))
            .orElse(defaultName);
    TreeChecks.field(map, "description")
        .ifPresent(
            n ->
                Checks.string(
                    problems, n, "description", "describe the plan in a sentence, or leave it out"));
    // Features first: the samples' features are checked against them.
    declaredFeatures = TreeChecks.field(map, "features").map(this::declaredFeatures);
    Map<String, String> envHelp =
        TreeChecks.field(map, "env-help").map(this::envHelp).orElse(Map.of());
    List<PlanPhase> phases = phases(map);
    if (problems.size() != before) {
      return null;
    }
    List<String> features =
        declaredFeatures.orElseGet(
            () -> {
              Set<String> inOrder = new LinkedHashSet<>();
              phases.forEach(p -> p.samples().forEach(s -> inOrder.addAll(s.features())));
              return List.copyOf(inOrder);
            });
    return new Plan(name, source, phases, envHelp, features);
  }

  private List<PlanPhase> phases(MapNode plan) {
    Optional<Node> field = TreeChecks.field(plan, "phases");
    if (field.isEmpty()) {
      problems.add(
          plan.pos(), "plan has no 'phases'", "add 'phases:', a list of " + PHASE_EXAMPLE);
      return List.of();
    }
    if (!(field.get() instanceof ListNode list)) {
      problems.add(
          field.get().pos(),
          "'phases' must be a list of phases, found " + Tree.describe(field.get()),
          "write each phase as " + PHASE_EXAMPLE);
      return List.of();
    }
    if (list.items().isEmpty()) {
      problems.add(list.pos(), "plan has no phases", "add a phase such as " + PHASE_EXAMPLE);
      return List.of();
    }
    List<PlanPhase> phases = new ArrayList<>();
    Map<Integer, Pos> numbers = new HashMap<>();
    int highest = 0;
    for (Node item : list.items()) {
      if (!(item instanceof MapNode map)) {
        problems.add(
            item.pos(),
            "a phase must be an object, found " + Tree.describe(item),
            "write each phase as " + PHASE_EXAMPLE);
        continue;
      }
      OptionalInt number = phaseNumber(map);
      if (number.isPresent()) {
        int n = number.getAsInt();
        Pos pos = TreeChecks.field(map, "phase").map(Node::pos).orElse(map.pos());
        Pos first = numbers.putIfAbsent(n, pos);
        if (first != null) {
          problems.add(
              pos,
              "phase " + n + " is listed twice",
              "phase " + n + " is already at " + Tree.where(first) + "; merge the two");
        } else if (n < highest) {
          problems.add(
              pos,
              "phase " + n + " comes after phase " + highest,
              "list the phases in ascending order: samples run phase by phase");
        }
        highest = Math.max(highest, n);
      }
      phase(map, number).ifPresent(phases::add);
    }
    return phases;
  }

  private OptionalInt phaseNumber(MapNode map) {
    Optional<Node> field = TreeChecks.field(map, "phase");
    if (field.isEmpty()) {
      problems.add(
          map.pos(),
          "phase has no 'phase' number",
          "add 'phase: N', 1 to " + Plan.MAX_PHASE + ", in ascending order");
      return OptionalInt.empty();
    }
    return Checks.phase(
        problems, field.get(), "number the phases from 1 to " + Plan.MAX_PHASE + ", ascending");
  }

  private Optional<PlanPhase> phase(MapNode map, OptionalInt number) {
    int before = problems.size();
    TreeChecks.unknownKeys(problems, map, "phase", PHASE_KEYS);
    int n = number.orElse(0);
    String title =
        TreeChecks.field(map, "title")
            .flatMap(
                t ->
                    Checks.string(
                        problems, t, "title", "say what the phase covers, e.g. 'title: Core'"))
            .orElse("Phase " + n);
    List<PlanSample> samples = samples(map, n);
    if (number.isEmpty() || problems.size() != before) {
      return Optional.empty();
    }
    return Optional.of(new PlanPhase(n, title, samples));
  }

  private List<PlanSample> samples(MapNode phase, int number) {
    String label = number > 0 ? "phase " + number : "phase";
    Optional<Node> field = TreeChecks.field(phase, "samples");
    String example = "add '- name: <sample directory>' entries";
    if (field.isEmpty()) {
      problems.add(
          phase.pos(),
          label + " has no 'samples'",
          "add 'samples:' with '- name: <sample directory>' entries");
      return List.of();
    }
    if (!(field.get() instanceof ListNode list)) {
      problems.add(
          field.get().pos(),
          "'samples' must be a list of samples, found " + Tree.describe(field.get()),
          "start each sample with '- name: <sample directory>'");
      return List.of();
    }
    if (list.items().isEmpty()) {
      problems.add(list.pos(), label + " has no samples", example + ", or remove the phase");
      return List.of();
    }
    List<PlanSample> samples = new ArrayList<>();
    for (Node item : list.items()) {
      sample(item, number).ifPresent(samples::add);
    }
    return samples;
  }

  private Optional<PlanSample> sample(Node item, int phase) {
    String bare = Tree.text(item);
    if (bare != null) {
      // A bare name: '- framework-format-demo'.
      return sampleName(item).flatMap(name -> placed(name, item, phase, List.of(), List.of(), ""));
    }
    if (!(item instanceof MapNode map)) {
      problems.add(
          item.pos(),
          "a sample must be an object or a name, found " + Tree.describe(item),
          "write '- name: <sample directory>' with 'env:', 'features:' and 'notes:' under it");
      return Optional.empty();
    }
    int before = problems.size();
    TreeChecks.unknownKeys(problems, map, "sample", SAMPLE_KEYS);
    Optional<Node> nameNode = TreeChecks.field(map, "name");
    Optional<String> name = nameNode.flatMap(this::sampleName);
    if (nameNode.isEmpty()) {
      problems.add(
          map.pos(),
          "sample has no 'name'",
          "add 'name: <sample directory>', the directory's name under the samples directory");
    }
    List<String> env =
        TreeChecks.field(map, "env")
            .map(n -> Checks.envNames(problems, n, "'env: [GEMINI_API_KEY]'"))
            .orElse(List.of());
    List<String> features = TreeChecks.field(map, "features").map(this::features).orElse(List.of());
    String notes =
        TreeChecks.field(map, "notes")
            .flatMap(n -> Checks.string(problems, n, "notes", "write the notes as text"))
            .orElse("");
    if (name.isEmpty() || problems.size() != before) {
      return Optional.empty();
    }
    return placed(name.get(), map, phase, env, features, notes);
  }

  private Optional<PlanSample> placed(
      String name, Node at, int phase, List<String> env, List<String> features, String notes) {
    Placed first = samplesSeen.putIfAbsent(name, new Placed(phase, at.pos()));
    if (first != null) {
      problems.add(
          at.pos(),
          "sample '" + name + "' is listed twice",
          "it is already in phase "
              + first.phase()
              + " at "
              + Tree.where(first.pos())
              + "; a sample runs once, so keep only one");
      return Optional.empty();
    }
    return Optional.of(new PlanSample(name, phase, env, features, notes, problems.location(at.pos())));
  }

  private Optional<String> sampleName(Node node) {
    Optional<String> name =
        Checks.string(
            problems,
            node,
            "name",
            "give the sample's directory name under the samples directory");
    if (name.isPresent()
        && (name.get().contains("/")
            || name.get().contains("\\")
            || name.get().equals(".")
            || name.get().equals(".."))) {
      problems.add(
          node.pos(),
          "sample name '" + name.get() + "' is a path, not a directory name",
          name.get().startsWith(".")
              ? "name a directory directly under the samples directory"
              : "name the directory directly under the samples directory, e.g. '"
                  + name.get().replaceAll("^.*[/\\\\]", "")
                  + "'");
      return Optional.empty();
    }
    return name;
  }

  private List<String> features(Node node) {
    List<String> known = new ArrayList<>();
    for (Text feature : stringList(node, "features", "feature")) {
      if (declaredFeatures.isPresent() && !declaredFeatures.get().contains(feature.text())) {
        problems.add(
            feature.pos(),
            "unknown feature '" + feature.text() + "'",
            Checks.suggest(
                feature.text(),
                declaredFeatures.get(),
                "add it to the plan's 'features', which lists every feature in matrix order"));
      } else {
        known.add(feature.text());
      }
    }
    return known;
  }

  private List<String> declaredFeatures(Node node) {
    return stringList(node, "features", "feature").stream().map(Text::text).toList();
  }

  /** A string from a list, with its position. */
  private record Text(String text, Pos pos) {}

  /** A list of distinct non-blank strings; the items with problems are left out. */
  private List<Text> stringList(Node node, String key, String what) {
    if (!(node instanceof ListNode list)) {
      problems.add(
          node.pos(),
          "'" + key + "' must be a list of strings, found " + Tree.describe(node),
          "write one '- " + what + "' per line, or '[a, b]'");
      return List.of();
    }
    List<Text> values = new ArrayList<>();
    Map<String, Pos> seen = new HashMap<>();
    for (Node item : list.items()) {
      String text = Tree.text(item);
      if (text == null || text.isBlank()) {
        problems.add(
            item.pos(),
            "a " + what + " must be a non-empty string, found " + Tree.describe(item),
            "write it as text; quote it if it starts with a special character, e.g."
                + " '- \"@ai.flow() basic\"'");
        continue;
      }
      Pos first = seen.putIfAbsent(text, item.pos());
      if (first != null) {
        problems.add(
            item.pos(),
            what + " '" + text + "' is listed twice",
            "it is already at " + Tree.where(first) + "; keep only one");
      } else {
        values.add(new Text(text, item.pos()));
      }
    }
    return values;
  }

  private Map<String, String> envHelp(Node node) {
    if (!(node instanceof MapNode map)) {
      problems.add(
          node.pos(),
          "'env-help' must be an object mapping variable names to where to get them, found "
              + Tree.describe(node),
          "write 'GEMINI_API_KEY: \"Google AI Studio: https://aistudio.google.com/apikey\"'");
      return Map.of();
    }
    Map<String, String> help = new LinkedHashMap<>();
    for (Field field : map.fields().values()) {
      boolean valid = Checks.isEnvName(field.key());
      if (!valid) {
        problems.add(
            field.keyPos(),
            "'" + field.key() + "' is not a valid environment variable name",
            Checks.envNameHint(field.key()));
      }
      Optional<String> text =
          Checks.string(
              problems,
              field.value(),
              field.key(),
              "say where to get it, e.g. 'Google AI Studio: https://aistudio.google.com/apikey'");
      if (valid && text.isPresent()) {
        help.put(field.key(), text.get());
      }
    }
    return help;
  }
}
