package dev.jgenkit.junit;

import java.util.Optional;
import java.util.Set;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;

/** A descriptor of the jgenkit engine's tree, with its tags (a test's include its container's). */
abstract class JGenkitDescriptor extends AbstractTestDescriptor {
  private final Set<TestTag> tags;
  private volatile TestSource source;

  JGenkitDescriptor(UniqueId id, String displayName, TestSource source, Set<TestTag> tags) {
    super(id, displayName);
    this.tags = Set.copyOf(tags);
    this.source = source;
  }

  @Override
  public Set<TestTag> getTags() {
    return tags;
  }

  @Override
  public Optional<TestSource> getSource() {
    return Optional.ofNullable(source);
  }

  /**
   * Gives a container without a source the first class that brought it in: build tools (Maven
   * Surefire) report tests in sets named after a container's class.
   */
  void sourceIfAbsent(TestSource s) {
    if (source == null) {
      source = s;
    }
  }
}
