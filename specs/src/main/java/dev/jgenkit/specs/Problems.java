package dev.jgenkit.specs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Collects the located problems found in one document (a spec, a sample file, a plan); they are
 * reported together, sorted by position.
 */
public final class Problems {
  private final Path file;
  private final List<SpecProblem> found = new ArrayList<>();

  public Problems(Path file) {
    this.file = file;
  }

  public Path file() {
    return file;
  }

  public void add(Tree.Pos pos, String message, String hint) {
    found.add(problem(pos, message, hint));
  }

  public void add(SpecProblem problem) {
    found.add(problem);
  }

  public SpecProblem problem(Tree.Pos pos, String message, String hint) {
    return new SpecProblem(location(pos), message, hint);
  }

  /** The location of {@code pos} in this document. */
  public Location location(Tree.Pos pos) {
    return new Location(file, pos.line(), pos.column());
  }

  public boolean isEmpty() {
    return found.isEmpty();
  }

  public int size() {
    return found.size();
  }

  /** Throws every problem found, sorted, when there is any. */
  public void throwIfAny() throws SpecException {
    if (!found.isEmpty()) {
      throw new SpecException(sorted());
    }
  }

  /** Distinct problems by line then column; ties keep the order they were found in. */
  public List<SpecProblem> sorted() {
    List<SpecProblem> distinct = new ArrayList<>(new LinkedHashSet<>(found));
    distinct.sort(
        Comparator.comparingInt((SpecProblem p) -> p.location().line())
            .thenComparingInt(p -> p.location().column()));
    return List.copyOf(distinct);
  }
}
