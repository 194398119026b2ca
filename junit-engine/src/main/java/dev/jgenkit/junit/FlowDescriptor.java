package dev.jgenkit.junit;

import dev.jgenkit.runners.plan.PlannedTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.platform.engine.UniqueId;

/**
 * One flow of a sample (or the sample's {@code (start)} when it could not start), registered
 * dynamically; tagged {@code flow}, {@code streaming} when it streams, and with its sample's tags.
 */
final class FlowDescriptor extends JGenkitDescriptor {
  static final String SEGMENT = "flow";

  private final String sample;
  private final String flow;

  FlowDescriptor(UniqueId id, PlannedTest flow, SampleDescriptor sample, boolean longName) {
    super(id, longName ? sample.getDisplayName() + ": " + flow.name() : flow.name(),
        SampleDescriptor.fileSource(flow.location()), tags(flow, sample));
    this.sample = sample.getDisplayName();
    this.flow = flow.name();
  }

  private static java.util.Set<org.junit.platform.engine.TestTag> tags(PlannedTest flow, SampleDescriptor sample) {
    List<String> names = new ArrayList<>(SampleDescriptor.tagNames(sample.entry()));
    names.add(Tags.FLOW);
    if (flow.stream()) {
      names.add(Tags.STREAMING);
    }
    return Tags.of(names);
  }

  @Override
  public Type getType() {
    return Type.TEST;
  }

  /** {@code sample: flow}, for tools that know only a class and a test name. */
  @Override
  public String getLegacyReportingName() {
    return sample + ": " + flow;
  }
}
