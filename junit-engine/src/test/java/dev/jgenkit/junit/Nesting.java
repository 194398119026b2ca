package dev.jgenkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;
import org.junit.platform.testkit.engine.Events;

/** Checks the JUnit event contract: parents start before and finish after their children. */
final class Nesting {
  private Nesting() {}

  static void assertWellNested(Events events) {
    Set<UniqueId> started = new HashSet<>();
    Set<UniqueId> finished = new HashSet<>();
    for (Event e : events.list()) {
      TestDescriptor d = e.getTestDescriptor();
      UniqueId parent = d.getParent().map(TestDescriptor::getUniqueId).orElse(null);
      if (e.getType() == EventType.STARTED || e.getType() == EventType.SKIPPED
          || e.getType() == EventType.DYNAMIC_TEST_REGISTERED) {
        if (parent != null) {
          assertThat(started).as("parent of %s started", d.getUniqueId()).contains(parent);
          assertThat(finished).as("parent of %s still open", d.getUniqueId()).doesNotContain(parent);
        }
        if (e.getType() == EventType.STARTED) {
          assertThat(started.add(d.getUniqueId())).as("%s started once", d.getUniqueId()).isTrue();
        }
      } else if (e.getType() == EventType.FINISHED) {
        assertThat(started).as("%s started before it finished", d.getUniqueId()).contains(d.getUniqueId());
        for (TestDescriptor c : d.getChildren()) {
          if (started.contains(c.getUniqueId())) {
            assertThat(finished).as("child %s finished first", c.getUniqueId()).contains(c.getUniqueId());
          }
        }
        finished.add(d.getUniqueId());
      }
    }
    assertThat(finished).as("everything started finished").containsAll(started);
  }
}
