package dev.jgenkit.runners.results;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A sample app of a {@code sample-flows} run, as the plan and its directory describe it.
 *
 * @param name the sample's name (its directory name)
 * @param phase the plan phase, empty when the sample is not in the plan
 * @param phaseTitle the plan's title of that phase ("" when none)
 * @param features what the sample exercises, from the plan
 * @param requiredEnv the variables it needs (plan and sample file)
 * @param missingEnv those of them that were unset (the sample was skipped)
 * @param directory where the sample lives, empty when the plan names a sample that is not there
 * @param runtime the runtime jgenkit started for it (URL, Genkit version, pid, command, log), empty
 *     when it was not started
 */
public record SampleInfo(
    String name,
    OptionalInt phase,
    String phaseTitle,
    List<String> features,
    List<String> requiredEnv,
    List<String> missingEnv,
    Optional<String> directory,
    Optional<RuntimeInfo> runtime) {
  public SampleInfo {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(phase, "phase");
    phaseTitle = phaseTitle == null ? "" : phaseTitle;
    features = List.copyOf(features);
    requiredEnv = List.copyOf(requiredEnv);
    missingEnv = List.copyOf(missingEnv);
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(runtime, "runtime");
  }
}
