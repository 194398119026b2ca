package dev.jgenkit.junit;

import dev.jgenkit.runners.samples.SamplePlanner;
import dev.jgenkit.specs.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.DirectorySource;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;

/**
 * One sample app; tagged {@code phase-<n>}, {@code sample:<name>} and its plan features. Its flows
 * are registered as dynamic {@link FlowDescriptor}s once the sample has started and listed them.
 */
final class SampleDescriptor extends JGenkitDescriptor {
  static final String SEGMENT = "sample";

  private final SamplePlanner.Entry entry;
  private final Map<String, FlowDescriptor> flows = new ConcurrentHashMap<>();

  SampleDescriptor(UniqueId id, SamplePlanner.Entry entry) {
    super(id, entry.name(), source(entry), Tags.of(tagNames(entry)));
    this.entry = entry;
  }

  static List<String> tagNames(SamplePlanner.Entry e) {
    List<String> names = new ArrayList<>();
    e.phase().ifPresent(p -> names.add(Tags.phase(p)));
    names.add(Tags.sample(e.name()));
    e.features().forEach(f -> names.add(Tags.feature(f)));
    return names;
  }

  private static TestSource source(SamplePlanner.Entry e) {
    if (e.directory().isPresent()) {
      return DirectorySource.from(e.directory().get().dir().toFile());
    }
    return fileSource(e.location());
  }

  /** A file position when the location has one, else the file. */
  static TestSource fileSource(Location loc) {
    if (!loc.file().toFile().exists()) {
      return null;
    }
    if (loc.file().toFile().isDirectory()) {
      return DirectorySource.from(loc.file().toFile());
    }
    return loc.line() > 0
        ? FileSource.from(loc.file().toFile(), FilePosition.from(loc.line(), Math.max(1, loc.column())))
        : FileSource.from(loc.file().toFile());
  }

  @Override
  public Type getType() {
    return Type.CONTAINER;
  }

  /** Its flows appear only when it runs. */
  @Override
  public boolean mayRegisterTests() {
    return true;
  }

  SamplePlanner.Entry entry() {
    return entry;
  }

  Optional<FlowDescriptor> flow(String name) {
    return Optional.ofNullable(flows.get(name));
  }

  void addFlow(String name, FlowDescriptor flow) {
    flows.put(name, flow);
    addChild(flow);
  }
}
