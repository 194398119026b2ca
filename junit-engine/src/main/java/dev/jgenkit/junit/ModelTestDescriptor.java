package dev.jgenkit.junit;

import dev.jgenkit.runners.plan.PlannedTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.UniqueId;

/**
 * One model-conformance test, as planned from its spec without a runtime; tagged with its
 * capability, {@code builtin} or {@code custom}, {@code streaming} when it streams, and its model.
 *
 * @see Tags
 */
final class ModelTestDescriptor extends JGenkitDescriptor {
  static final String SEGMENT = "test";

  private final String specKey;
  private final PlannedTest planned;

  /**
   * @param planned the test as planned from its spec file alone: its index is its position in that
   *     file's plan
   */
  ModelTestDescriptor(UniqueId id, String displayName, String specKey, PlannedTest planned, TestSource source) {
    super(id, displayName, source, tags(planned));
    this.specKey = specKey;
    this.planned = planned;
  }

  private static java.util.Set<org.junit.platform.engine.TestTag> tags(PlannedTest t) {
    List<String> names = new ArrayList<>();
    t.capability().ifPresent(names::add);
    names.add(t.builtIn() ? Tags.BUILTIN : Tags.CUSTOM);
    if (t.stream()) {
      names.add(Tags.STREAMING);
    }
    names.add(Tags.model(t.model()));
    return Tags.of(names);
  }

  /** The unique-ID segment value: the capability of a built-in, {@code custom-N} for the rest. */
  static String segment(PlannedTest t, int customNumber) {
    return t.capability().orElse("custom-" + customNumber);
  }

  @Override
  public Type getType() {
    return Type.TEST;
  }

  /**
   * {@code model: test}, so tools that know only a class and a test name (Surefire, legacy XML)
   * tell apart the same test run against several models.
   */
  @Override
  public String getLegacyReportingName() {
    return planned.model() + ": " + planned.name();
  }

  String specKey() {
    return specKey;
  }

  PlannedTest planned() {
    return planned;
  }
}
