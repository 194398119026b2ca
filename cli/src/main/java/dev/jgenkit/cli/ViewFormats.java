package dev.jgenkit.cli;

import dev.jgenkit.runners.results.RunResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** The views `jgenkit report` can write besides results.json and junit.xml. */
final class ViewFormats {
  static final Set<String> KNOWN = Set.of("json", "junit");
  static final String DEFAULT = "json,junit";

  private ViewFormats() {}

  static void write(RunResult run, Set<String> formats, Path dir, List<Path> written) throws IOException {
    // Markdown and HTML views join here.
  }
}
