package dev.jgenkit.specs.samples;

import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A phased plan for running sample apps: the phases in ascending order, each with its samples in
 * run order, plus where to get each environment variable and the features to chart.
 *
 * @param name the plan's name ({@code name:} in the file, else the file name without extension)
 * @param source the file it was loaded from; empty for a built-in plan
 * @param phases ascending, numbers unique
 * @param envHelp where to get each variable, by name, in file order
 * @param features the rows of the coverage matrix, in order: the file's {@code features}, or else
 *     every sample's features in order of first appearance
 */
public record Plan(
    String name,
    Optional<Path> source,
    List<PlanPhase> phases,
    Map<String, String> envHelp,
    List<String> features) {
  /** The highest phase number. */
  public static final int MAX_PHASE = 99;

  public Plan {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(source, "source");
    phases = List.copyOf(phases);
    envHelp = Collections.unmodifiableMap(new LinkedHashMap<>(envHelp));
    features = List.copyOf(features);
    Set<String> names = new HashSet<>();
    int previous = 0;
    for (PlanPhase phase : phases) {
      if (phase.phase() <= previous) {
        throw new IllegalArgumentException("phases must ascend: " + phase.phase());
      }
      previous = phase.phase();
      for (PlanSample sample : phase.samples()) {
        if (!names.add(sample.name())) {
          throw new IllegalArgumentException("sample listed twice: " + sample.name());
        }
      }
    }
  }

  /** The sample with this name, if the plan lists it. */
  public Optional<PlanSample> sample(String name) {
    return samplesInOrder().stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /** Every sample, phase by phase, in run order. */
  public List<PlanSample> samplesInOrder() {
    return phases.stream().flatMap(p -> p.samples().stream()).toList();
  }

  /** The phase the sample is listed in, if any. */
  public OptionalInt phaseOf(String sample) {
    return sample(sample).map(s -> OptionalInt.of(s.phase())).orElse(OptionalInt.empty());
  }

  /** The phase with this number, if the plan has it. */
  public Optional<PlanPhase> phase(int number) {
    return phases.stream().filter(p -> p.phase() == number).findFirst();
  }
}
