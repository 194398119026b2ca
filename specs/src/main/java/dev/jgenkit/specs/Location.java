package dev.jgenkit.specs;

import java.nio.file.Path;
import java.util.Objects;

/** A position in a source file; line and column are 1-based (0 when unknown). */
public record Location(Path file, int line, int column) {
  public Location {
    Objects.requireNonNull(file, "file");
    if (line < 0 || column < 0) {
      throw new IllegalArgumentException("line and column must be >= 0");
    }
  }

  public static Location startOf(Path file) {
    return new Location(file, 1, 1);
  }

  /**
   * The same position with {@code file} relative to {@code base} when it lies under it, e.g. to
   * print paths relative to the working directory.
   */
  public Location relativeTo(Path base) {
    Path absolute = file.toAbsolutePath().normalize();
    Path root = base.toAbsolutePath().normalize();
    return absolute.startsWith(root) && !absolute.equals(root)
        ? new Location(root.relativize(absolute), line, column)
        : this;
  }

  /** {@code file:line:col}, the form editors and CI annotators understand. */
  @Override
  public String toString() {
    return line == 0 ? file.toString() : file + ":" + line + ":" + column;
  }
}
