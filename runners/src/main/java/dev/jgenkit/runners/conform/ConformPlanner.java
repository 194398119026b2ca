package dev.jgenkit.runners.conform;

import dev.jgenkit.specs.conform.ConformConfig;
import dev.jgenkit.specs.samples.Plan;
import dev.jgenkit.specs.samples.PlanSample;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Discovers a conform layout's plugins ({@code <specs-dir>/<plugin>/model-conformance.yaml} per
 * runtime) and orders the (plugin, runtime) units: plugins in plan order (phase by phase), then the
 * plugins the plan does not list, keyless ones first, then by name; within a plugin, runtimes in
 * the order given. A unit is skipped, with the reason, when a variable of {@code [conform.env]} or
 * of the plan is unset or empty, or when the plugin has no entry file for the runtime.
 */
public final class ConformPlanner {
  private ConformPlanner() {}

  /**
   * One plugin on one runtime.
   *
   * @param spec the plugin's {@code model-conformance.yaml}
   * @param entry the entry file that is started ({@code <plugin dir>/<entry-filename>})
   * @param requiredEnv the variables the plugin needs
   * @param skipReason present when the unit is not run
   * @param phase the plan phase, empty when the plan does not list the plugin
   */
  public record Unit(
      String plugin,
      ConformConfig.Runtime runtime,
      Path spec,
      Path entry,
      List<String> requiredEnv,
      Optional<String> skipReason,
      OptionalInt phase) {
    public Unit {
      Objects.requireNonNull(plugin, "plugin");
      Objects.requireNonNull(runtime, "runtime");
      Objects.requireNonNull(spec, "spec");
      Objects.requireNonNull(entry, "entry");
      requiredEnv = List.copyOf(requiredEnv);
      Objects.requireNonNull(skipReason, "skipReason");
      Objects.requireNonNull(phase, "phase");
    }

    /** The start command: the runtime's entry command and the entry file. */
    public List<String> command() {
      List<String> argv = new ArrayList<>(runtime.entryCommand());
      argv.add(entry.toString());
      return argv;
    }
  }

  /** The plugins of one runtime: subdirectories of its specs dir holding the spec, by name. */
  public static List<String> plugins(ConformConfig.Runtime runtime) {
    try (Stream<Path> dirs = Files.list(runtime.specsDir())) {
      return dirs.filter(d -> Files.isRegularFile(d.resolve(ConformConfig.SPEC_FILE)))
          .map(d -> d.getFileName().toString())
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + runtime.specsDir(), e);
    }
  }

  /**
   * The units to run, in order.
   *
   * @param runtimes the selected runtimes, in order
   * @param only plugin names to keep (empty: all); the caller checks they exist
   * @param plan the phased plan, when there is one
   * @param env the environment the runtimes would get
   */
  public static List<Unit> plan(
      ConformConfig config,
      List<ConformConfig.Runtime> runtimes,
      List<String> only,
      Optional<Plan> plan,
      Map<String, String> env) {
    Set<String> all = new LinkedHashSet<>();
    runtimes.forEach(rt -> all.addAll(plugins(rt)));
    List<String> ordered = order(new ArrayList<>(all), config, plan);
    List<Unit> units = new ArrayList<>();
    for (String plugin : ordered) {
      if (!only.isEmpty() && !only.contains(plugin)) {
        continue;
      }
      List<String> required = new ArrayList<>(config.requiredEnv(plugin));
      plan.flatMap(p -> p.sample(plugin)).map(PlanSample::env).orElse(List.of()).stream()
          .filter(v -> !required.contains(v)).forEach(required::add);
      List<String> missing =
          required.stream().filter(v -> env.getOrDefault(v, "").isBlank()).toList();
      OptionalInt phase = plan.map(p -> p.phaseOf(plugin)).orElse(OptionalInt.empty());
      for (ConformConfig.Runtime rt : runtimes) {
        Path dir = rt.specsDir().resolve(plugin);
        Path spec = dir.resolve(ConformConfig.SPEC_FILE);
        if (!Files.isRegularFile(spec)) {
          continue; // this runtime's specs dir has no such plugin
        }
        Path entry = dir.resolve(rt.entryFilename());
        Optional<String> skip = Optional.empty();
        if (!missing.isEmpty()) {
          skip = Optional.of("missing environment variables: " + String.join(", ", missing));
        } else if (!Files.isRegularFile(entry)) {
          skip = Optional.of("no entry file " + rt.entryFilename() + " for runtime " + rt.name());
        }
        units.add(new Unit(plugin, rt, spec, entry, required, skip, phase));
      }
    }
    return units;
  }

  /** Plan order, then keyless plugins, then the rest, each by name. */
  static List<String> order(List<String> plugins, ConformConfig config, Optional<Plan> plan) {
    List<String> out = new ArrayList<>();
    plan.ifPresent(p -> p.samplesInOrder().stream().map(PlanSample::name)
        .filter(plugins::contains).forEach(out::add));
    plugins.stream()
        .filter(p -> !out.contains(p))
        .sorted(Comparator.comparing((String p) -> !config.requiredEnv(p).isEmpty())
            .thenComparing(Comparator.naturalOrder()))
        .forEach(out::add);
    return out;
  }
}
