package dev.jgenkit.junit;

import dev.jgenkit.specs.samples.Plan;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.junit.platform.engine.UniqueId;

/**
 * A samples directory and its plan, run as {@code jgenkit sample-flows} runs it; its children are
 * {@link SampleDescriptor}s in run order (each sample is a runtime of its own). Its source is the
 * class that named it, else the directory.
 */
final class SamplesDescriptor extends JGenkitDescriptor {
  static final String SEGMENT = "samples";

  private final Path dir;
  private final Optional<Plan> plan;

  SamplesDescriptor(UniqueId id, String displayName, Path dir, Optional<Plan> plan) {
    super(id, displayName, null, Set.of());
    this.dir = dir;
    this.plan = Objects.requireNonNull(plan, "plan");
  }

  @Override
  public Type getType() {
    return Type.CONTAINER;
  }

  Path dir() {
    return dir;
  }

  Optional<Plan> plan() {
    return plan;
  }
}
