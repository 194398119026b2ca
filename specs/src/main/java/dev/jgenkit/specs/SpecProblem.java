package dev.jgenkit.specs;

import java.nio.file.Path;
import java.util.Objects;

/** One located problem in a spec file: what is wrong and how to fix it. */
public record SpecProblem(Location location, String message, String hint) {
  public SpecProblem {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(message, "message");
    hint = hint == null ? "" : hint;
  }

  /** The same problem with its file relative to {@code base}; see {@link Location#relativeTo}. */
  public SpecProblem relativeTo(Path base) {
    return new SpecProblem(location.relativeTo(base), message, hint);
  }

  /** {@code file:line:col: message}, then any hint on a second line: {@code   hint: ...}. */
  public String format() {
    return location + ": " + message + (hint.isEmpty() ? "" : "\n  hint: " + hint);
  }
}
