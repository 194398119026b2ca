package dev.jgenkit.specs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

/** Collects the problems found in one spec file; reported sorted by position. */
final class Problems {
  private final Path file;
  private final List<SpecProblem> found = new ArrayList<>();

  Problems(Path file) {
    this.file = file;
  }

  Path file() {
    return file;
  }

  void add(Tree.Pos pos, String message, String hint) {
    found.add(problem(pos, message, hint));
  }

  void add(SpecProblem problem) {
    found.add(problem);
  }

  SpecProblem problem(Tree.Pos pos, String message, String hint) {
    return new SpecProblem(new Location(file, pos.line(), pos.column()), message, hint);
  }

  boolean isEmpty() {
    return found.isEmpty();
  }

  int size() {
    return found.size();
  }

  /** Distinct problems by line then column; ties keep the order they were found in. */
  List<SpecProblem> sorted() {
    List<SpecProblem> distinct = new ArrayList<>(new LinkedHashSet<>(found));
    distinct.sort(
        Comparator.comparingInt((SpecProblem p) -> p.location().line())
            .thenComparingInt(p -> p.location().column()));
    return List.copyOf(distinct);
  }
}
