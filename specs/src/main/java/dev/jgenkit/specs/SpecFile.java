package dev.jgenkit.specs;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** A loaded spec file: its suites in file order. */
public record SpecFile(Path path, List<Suite> suites) {
  public SpecFile {
    Objects.requireNonNull(path, "path");
    suites = List.copyOf(suites);
  }
}
