package dev.jgenkit.runners.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jgenkit.specs.BuiltInTest;
import dev.jgenkit.specs.BuiltInTests;
import dev.jgenkit.specs.CustomTest;
import dev.jgenkit.specs.SpecFile;
import dev.jgenkit.specs.Suite;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Turns spec files into the ordered list of tests to run: per suite (file order) the built-ins in
 * {@code supports} order, then the custom tests, exactly as the peer dispatches them.
 */
public final class Planner {
  /**
   * @param defaultSupports the {@code --supports} list for suites with neither supports nor tests
   * @param supportsAuto {@code --supports auto}: such suites get every built-in, and the ones the
   *     model's metadata declares unsupported are planned as SKIP
   * @param strict add the stricter validators to the built-ins
   */
  public record Options(List<String> defaultSupports, boolean supportsAuto, boolean strict) {
    public Options {
      defaultSupports = List.copyOf(defaultSupports);
    }
  }

  private Planner() {}

  /** Every action key the specs need, in first-use order. */
  public static Set<String> requiredKeys(List<SpecFile> specs) {
    Set<String> keys = new LinkedHashSet<>();
    for (SpecFile f : specs) {
      for (Suite s : f.suites()) {
        keys.add(s.modelKey());
      }
    }
    return keys;
  }

  /**
   * The tests of {@code plan} at {@code indices}, in plan order, renumbered from 0 so the result is
   * a plan of its own; suite indices and everything else are kept.
   */
  public static List<PlannedTest> select(List<PlannedTest> plan, Set<Integer> indices) {
    List<PlannedTest> out = new ArrayList<>();
    for (PlannedTest t : plan) {
      if (indices.contains(t.index())) {
        out.add(t.withPosition(out.size(), t.suiteIndex()));
      }
    }
    return out;
  }

  /**
   * @param actions the runtime's {@code /api/actions} map (key → descriptor), for metadata; may be
   *     empty
   */
  public static List<PlannedTest> plan(
      List<SpecFile> specs, Options options, Map<String, JsonNode> actions) {
    Objects.requireNonNull(actions, "actions");
    List<PlannedTest> out = new ArrayList<>();
    int suiteIndex = 0;
    for (SpecFile file : specs) {
      for (Suite suite : file.suites()) {
        Optional<JsonNode> supports =
            CapabilityMetadata.supportsOf(actions.get(suite.modelKey()));
        boolean usesDefault = suite.supports().isEmpty() && suite.tests().isEmpty();
        List<String> caps =
            usesDefault && options.supportsAuto()
                ? BuiltInTests.capabilities()
                : suite.capabilities(options.defaultSupports());
        for (String cap : caps) {
          Optional<BuiltInTest> bt = BuiltInTests.get(cap);
          if (bt.isEmpty()) {
            continue; // rejected when the spec was loaded; --supports items are checked by the CLI
          }
          BuiltInTest t = bt.get();
          List<String> validators = new ArrayList<>(t.validators());
          if (options.strict()) {
            validators.addAll(BuiltInTests.strictValidators(cap));
          }
          Optional<String> declared =
              supports.flatMap(s -> CapabilityMetadata.declaredUnsupported(cap, s));
          Optional<String> skip =
              usesDefault && options.supportsAuto()
                  ? declared.map(d -> "model metadata declares " + d)
                  : Optional.empty();
          out.add(
              new PlannedTest(
                  out.size(),
                  suiteIndex,
                  suite.model(),
                  suite.modelKey(),
                  t.name(),
                  Optional.of(cap),
                  t.input(),
                  validators,
                  t.stream(),
                  skip,
                  skip.isPresent() ? Optional.empty() : declared,
                  suite.location()));
        }
        for (CustomTest c : suite.customTests()) {
          out.add(
              new PlannedTest(
                  out.size(),
                  suiteIndex,
                  suite.model(),
                  suite.modelKey(),
                  c.name(),
                  Optional.empty(),
                  c.input(),
                  c.validators(),
                  c.stream(),
                  Optional.empty(),
                  Optional.empty(),
                  c.location()));
        }
        suiteIndex++;
      }
    }
    return out;
  }
}
