package dev.jgenkit.junit;

import dev.jgenkit.specs.Suite;
import java.util.List;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.UniqueId;

/** One suite of a spec file: a model and the tests run against it ({@link ModelTestDescriptor}s). */
final class ModelDescriptor extends JGenkitDescriptor {
  static final String SEGMENT = "model";

  private final Suite suite;

  ModelDescriptor(UniqueId id, Suite suite, TestSource source) {
    super(id, suite.model(), source, Tags.of(List.of(Tags.model(suite.model()))));
    this.suite = suite;
  }

  @Override
  public Type getType() {
    return Type.CONTAINER;
  }

  Suite suite() {
    return suite;
  }
}
