package dev.jgenkit.specs.samples;

import dev.jgenkit.specs.Location;
import java.util.List;
import java.util.Objects;

/**
 * One sample in a plan.
 *
 * @param name the sample's directory name under the samples directory
 * @param phase the phase it is listed in
 * @param env the environment variables it needs; unset ones make it skipped, never started
 * @param features the features it exercises, for the coverage matrix
 * @param notes free text (work items, caveats); {@code ""} when there is none
 * @param location where the sample is written in the plan
 */
public record PlanSample(
    String name, int phase, List<String> env, List<String> features, String notes, Location location) {
  public PlanSample {
    Objects.requireNonNull(name, "name");
    env = List.copyOf(env);
    features = List.copyOf(features);
    Objects.requireNonNull(notes, "notes");
    Objects.requireNonNull(location, "location");
  }
}
