package dev.jgenkit.specs;

import java.util.Objects;

/** One located problem in a spec file: what is wrong and how to fix it. */
public record SpecProblem(Location location, String message, String hint) {
  public SpecProblem {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(message, "message");
    hint = hint == null ? "" : hint;
  }

  /** {@code file:line:col: message} followed, when there is one, by {@code  (hint: ...)}. */
  public String format() {
    return location + ": " + message + (hint.isEmpty() ? "" : "\n  hint: " + hint);
  }
}
