package dev.jgenkit.specs.samples;

import dev.jgenkit.specs.Location;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A loaded {@code jgenkit-sample.yaml}: how to start a sample and how to run its flows. Every key
 * is optional; what is absent falls back to the conventional entry, the plan and the defaults.
 *
 * @param path the file
 * @param start the command and its arguments (argv, run without a shell); never empty when present
 * @param cwd the directory to start in, relative to the sample directory
 * @param env names of the environment variables the sample needs, in file order
 * @param timeout the sample's time limit, positive
 * @param phase the phase (1 to 99) for a sample that no plan lists
 * @param flows per-flow settings by flow name, in file order
 * @param location where the file's top-level object starts
 */
public record SampleFile(
    Path path,
    Optional<List<String>> start,
    Optional<String> cwd,
    List<String> env,
    Optional<Duration> timeout,
    OptionalInt phase,
    Map<String, FlowSpec> flows,
    Location location) {
  public SampleFile {
    Objects.requireNonNull(path, "path");
    start = start.map(List::copyOf);
    if (start.isPresent() && start.get().isEmpty()) {
      throw new IllegalArgumentException("start must not be empty");
    }
    Objects.requireNonNull(cwd, "cwd");
    env = List.copyOf(env);
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isPresent() && (timeout.get().isNegative() || timeout.get().isZero())) {
      throw new IllegalArgumentException("timeout must be positive");
    }
    Objects.requireNonNull(phase, "phase");
    if (phase.isPresent() && (phase.getAsInt() < 1 || phase.getAsInt() > Plan.MAX_PHASE)) {
      throw new IllegalArgumentException("phase must be 1 to " + Plan.MAX_PHASE);
    }
    flows = Collections.unmodifiableMap(new LinkedHashMap<>(flows));
    Objects.requireNonNull(location, "location");
  }

  /** The settings for one flow, if the file has any. */
  public Optional<FlowSpec> flow(String name) {
    return Optional.ofNullable(flows.get(name));
  }
}
