package dev.jgenkit.specs.samples;

import java.util.List;
import java.util.Objects;

/**
 * One phase of a plan: its samples run before those of any later phase.
 *
 * @param phase the phase number, 1 to {@value Plan#MAX_PHASE}
 * @param title what the phase covers, e.g. {@code Core Framework}
 * @param samples its samples in plan order, each with this phase number
 */
public record PlanPhase(int phase, String title, List<PlanSample> samples) {
  public PlanPhase {
    Objects.requireNonNull(title, "title");
    samples = List.copyOf(samples);
    if (phase < 1 || phase > Plan.MAX_PHASE) {
      throw new IllegalArgumentException("phase must be 1 to " + Plan.MAX_PHASE + ": " + phase);
    }
    for (PlanSample sample : samples) {
      if (sample.phase() != phase) {
        throw new IllegalArgumentException(
            "sample " + sample.name() + " has phase " + sample.phase() + ", not " + phase);
      }
    }
  }
}
