package dev.jgenkit.specs;

import java.util.List;

/** A spec file could not be loaded; carries every problem found, each located. */
public final class SpecException extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient List<SpecProblem> problems;

  public SpecException(List<SpecProblem> problems) {
    super(problems.isEmpty() ? "invalid spec" : problems.get(0).format());
    this.problems = List.copyOf(problems);
  }

  public SpecException(SpecProblem problem) {
    this(List.of(problem));
  }

  public List<SpecProblem> problems() {
    return problems;
  }
}
