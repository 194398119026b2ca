package dev.jgenkit.reports;

import dev.jgenkit.runners.results.RunResult;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Feature coverage by phase of a {@code sample-flows} run, built from the real results: which
 * features the plan says each phase's samples exercise, and how those samples went.
 *
 * <p>Rows are the features in the order they first appear across the samples in run order (each
 * sample's {@code features} in the order the plan lists them). Columns are the phase groups of the
 * {@link PhaseTable}, in its order; the unplanned group is a column only when one of its samples
 * declares a feature. The cell for feature F and phase P looks at the samples of P that declare F,
 * with their {@link PhaseTable.Status status}:
 *
 * <ul>
 *   <li>{@link Cell#FAIL} when one of them failed (a flow FAIL or ERROR, a start ERROR included);
 *   <li>else {@link Cell#PASS} when one of them passed (every flow that ran passed, at least one
 *       ran);
 *   <li>else {@link Cell#SKIP} when there are such samples but none ran (all skipped);
 *   <li>{@link Cell#NONE} when no sample of P declares F.
 * </ul>
 *
 * @param features row labels
 * @param phases column labels: the plan phase, empty for the unplanned group
 * @param cells {@code cells.get(feature).get(phase)}, one row per feature, one cell per phase
 */
public record FeatureCoverage(
    List<String> features, List<OptionalInt> phases, List<List<Cell>> cells) {
  /** One cell of the matrix. */
  public enum Cell {
    /** Some sample of the phase with the feature passed and none failed. */
    PASS,
    /** Some sample of the phase with the feature failed or errored. */
    FAIL,
    /** The phase has samples with the feature, but none of them ran. */
    SKIP,
    /** No sample of the phase has the feature. */
    NONE;

    /** {@code pass}, {@code fail}, {@code skip} or {@code none}, as results.json writes it. */
    public String json() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public FeatureCoverage {
    features = List.copyOf(features);
    phases = List.copyOf(phases);
    cells = cells.stream().map(List::copyOf).toList();
    int columns = phases.size();
    if (cells.size() != features.size() || cells.stream().anyMatch(r -> r.size() != columns)) {
      throw new IllegalArgumentException("cells must be features × phases");
    }
  }

  /** The coverage of {@code run}. */
  public static FeatureCoverage of(RunResult run) {
    return of(PhaseTable.of(run));
  }

  /** The coverage of the samples in {@code table}. */
  public static FeatureCoverage of(PhaseTable table) {
    Set<String> features = new LinkedHashSet<>();
    table.rows().forEach(row -> features.addAll(row.sample().features()));
    List<PhaseTable.Group> columns =
        table.groups().stream()
            .filter(
                g ->
                    !g.unplanned()
                        || g.samples().stream().anyMatch(r -> !r.sample().features().isEmpty()))
            .toList();
    List<List<Cell>> cells = new ArrayList<>();
    for (String feature : features) {
      List<Cell> row = new ArrayList<>();
      for (PhaseTable.Group group : columns) {
        row.add(cell(feature, group));
      }
      cells.add(row);
    }
    return new FeatureCoverage(
        List.copyOf(features), columns.stream().map(PhaseTable.Group::phase).toList(), cells);
  }

  private static Cell cell(String feature, PhaseTable.Group group) {
    List<PhaseTable.Status> statuses =
        group.samples().stream()
            .filter(r -> r.sample().features().contains(feature))
            .map(PhaseTable.Row::status)
            .toList();
    if (statuses.isEmpty()) {
      return Cell.NONE;
    }
    if (statuses.contains(PhaseTable.Status.FAIL)) {
      return Cell.FAIL;
    }
    return statuses.contains(PhaseTable.Status.PASS) ? Cell.PASS : Cell.SKIP;
  }

  public boolean isEmpty() {
    return features.isEmpty();
  }

  /** The cell of {@code feature} in {@code phase} ({@link Cell#NONE} when either is not here). */
  public Cell cell(String feature, OptionalInt phase) {
    Objects.requireNonNull(phase, "phase");
    int row = features.indexOf(feature);
    int column = phases.indexOf(phase);
    return row < 0 || column < 0 ? Cell.NONE : cells.get(row).get(column);
  }
}
