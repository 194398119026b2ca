package dev.jgenkit.cli.picker;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/**
 * What the picker picks from and how a pick runs: the items, their preview text, and a run of the
 * chosen ones through the normal engine. Closing it stops whatever it started (the session's
 * runtime).
 */
public interface PickerSession extends AutoCloseable {
  /**
   * What one run did.
   *
   * @param exitCode as jgenkit would exit after this run (0, 1, 2 or 3)
   * @param results the latest verdict per item key
   */
  record Outcome(int exitCode, Map<String, ItemResult> results) {
    public Outcome {
      results = Map.copyOf(results);
    }
  }

  /** The header line, e.g. {@code jgenkit test-model · specs/good.yaml}. */
  String title();

  /** Where the selection is remembered: the spec files or the samples dir. */
  String memoryKey();

  /** The jgenkit arguments that open this picker again (bare {@code jgenkit} offers them). */
  List<String> reopenArgs();

  /** The items in plan order; may grow after a run (flows a sample turned out to have). */
  List<PickerItem> items();

  /** The preview text of an item. */
  String preview(PickerItem item);

  /** Takes what an earlier session remembered (flows seen per sample). */
  default void restore(SelectionMemory.Remembered remembered) {}

  /** What to remember besides the selection (flows seen per sample). */
  default Map<String, List<String>> knownFlows() {
    return Map.of();
  }

  /** Runs {@code chosen} (plan order), printing progress and results to {@code out}. */
  Outcome run(List<PickerItem> chosen, PrintWriter out) throws InterruptedException;

  @Override
  void close();
}
