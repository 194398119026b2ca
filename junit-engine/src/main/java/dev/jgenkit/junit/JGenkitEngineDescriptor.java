package dev.jgenkit.junit;

import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;

/** The engine's root: runtimes (with their models) and samples directories, in discovery order. */
final class JGenkitEngineDescriptor extends EngineDescriptor {
  private final EngineSettings settings;

  JGenkitEngineDescriptor(UniqueId id, EngineSettings settings) {
    super(id, "jgenkit");
    this.settings = settings;
  }

  EngineSettings settings() {
    return settings;
  }
}
