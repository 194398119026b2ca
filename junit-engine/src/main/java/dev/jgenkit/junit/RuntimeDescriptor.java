package dev.jgenkit.junit;

import dev.jgenkit.runners.RuntimeTarget;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.platform.engine.UniqueId;

/**
 * One runtime and the spec files whose model tests run against it; started (or attached to) once
 * for all of them. Its children are {@link ModelDescriptor}s.
 */
final class RuntimeDescriptor extends JGenkitDescriptor {
  static final String SEGMENT = "runtime";

  private final Function<Path, RuntimeTarget> target;
  private final RunOptions options;
  private final Map<String, SpecSource> specs = new LinkedHashMap<>();

  /**
   * @param target the runtime target, given the log file a started runtime writes
   */
  RuntimeDescriptor(UniqueId id, String displayName, Function<Path, RuntimeTarget> target, RunOptions options) {
    super(id, displayName, null, Set.of());
    this.target = target;
    this.options = options;
  }

  @Override
  public Type getType() {
    return Type.CONTAINER;
  }

  RuntimeTarget target(Path logFile) {
    return target.apply(logFile);
  }

  RunOptions options() {
    return options;
  }

  /** The spec files in the order they were discovered. */
  Map<String, SpecSource> specs() {
    return specs;
  }

  Optional<SpecSource> spec(String key) {
    return Optional.ofNullable(specs.get(key));
  }

  void addSpec(SpecSource source) {
    specs.putIfAbsent(source.key(), source);
  }
}
