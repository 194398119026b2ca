package dev.jgenkit.cli.picker;

import dev.jgenkit.runners.results.Verdict;
import java.util.Objects;

/**
 * The latest verdict of an item in this session, shown as its mark and in the preview.
 *
 * @param reason why it failed, errored or was skipped; empty on PASS
 */
public record ItemResult(Verdict verdict, String reason, long durationMillis) {
  public ItemResult {
    Objects.requireNonNull(verdict, "verdict");
    reason = reason == null ? "" : reason;
  }
}
