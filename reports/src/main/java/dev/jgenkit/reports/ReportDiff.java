package dev.jgenkit.reports;

import dev.jgenkit.runners.results.RunResult;
import dev.jgenkit.runners.results.TestResult;
import dev.jgenkit.runners.results.Verdict;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What changed between a baseline run and a current one. Checks are matched by command kind,
 * runtime name (multi-runtime runs; none for a plain run), model (or sample), test (or flow) name
 * and, for duplicate names, their occurrence.
 *
 * @param changes in the current run's order, removed checks last
 */
public record ReportDiff(List<Change> changes) {
  /** The kinds of change, most serious first. */
  public enum Kind {
    /** Passed (or was skipped) in the baseline, fails or errors now. */
    NEW_FAILURE,
    /** Failed or errored in the baseline, passes now. */
    FIXED,
    /** Ran in the baseline, skipped now. */
    NEWLY_SKIPPED,
    /** Skipped in the baseline, runs now. */
    UNSKIPPED,
    /** Passed both times, and got slower beyond the threshold. */
    SLOWER,
    /** Passed both times, and got faster beyond the threshold. */
    FASTER,
    /** Not in the baseline. */
    NEW_CHECK,
    /** In the baseline only. */
    REMOVED_CHECK
  }

  /** One changed check. */
  public record Change(
      Kind kind, String key, Optional<TestResult> before, Optional<TestResult> after) {
    public Change {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(before, "before");
      Objects.requireNonNull(after, "after");
    }
  }

  public ReportDiff {
    changes = List.copyOf(changes);
  }

  /**
   * @param slowerFactor a passing check whose duration grew by this factor (e.g. 1.5) and by at
   *     least {@code minDeltaMillis} is SLOWER (shrank likewise: FASTER)
   */
  public static ReportDiff of(
      RunResult baseline, RunResult current, double slowerFactor, long minDeltaMillis) {
    Map<String, TestResult> before = keyed(baseline);
    Map<String, TestResult> after = keyed(current);
    List<Change> changes = new ArrayList<>();
    for (Map.Entry<String, TestResult> e : after.entrySet()) {
      TestResult now = e.getValue();
      TestResult was = before.get(e.getKey());
      if (was == null) {
        changes.add(new Change(Kind.NEW_CHECK, e.getKey(), Optional.empty(), Optional.of(now)));
        continue;
      }
      kind(was, now, slowerFactor, minDeltaMillis)
          .ifPresent(k -> changes.add(new Change(k, e.getKey(), Optional.of(was), Optional.of(now))));
    }
    for (Map.Entry<String, TestResult> e : before.entrySet()) {
      if (!after.containsKey(e.getKey())) {
        changes.add(new Change(Kind.REMOVED_CHECK, e.getKey(), Optional.of(e.getValue()), Optional.empty()));
      }
    }
    return new ReportDiff(changes);
  }

  private static Optional<Kind> kind(TestResult was, TestResult now, double factor, long minDelta) {
    Verdict a = was.verdict();
    Verdict b = now.verdict();
    if (b.failed() && !a.failed()) {
      return Optional.of(Kind.NEW_FAILURE);
    }
    if (a.failed() && b == Verdict.PASS) {
      return Optional.of(Kind.FIXED);
    }
    if (b == Verdict.SKIP && a != Verdict.SKIP) {
      return Optional.of(Kind.NEWLY_SKIPPED);
    }
    if (a == Verdict.SKIP && b != Verdict.SKIP) {
      return Optional.of(Kind.UNSKIPPED);
    }
    if (a == Verdict.PASS && b == Verdict.PASS) {
      long x = was.durationMillis();
      long y = now.durationMillis();
      if (y - x >= minDelta && y >= x * factor) {
        return Optional.of(Kind.SLOWER);
      }
      if (x - y >= minDelta && x >= y * factor) {
        return Optional.of(Kind.FASTER);
      }
    }
    return Optional.empty();
  }

  /** Checks keyed by command, runtime name, model or sample, name and occurrence, in run order. */
  static Map<String, TestResult> keyed(RunResult run) {
    Map<String, TestResult> out = new LinkedHashMap<>();
    Map<String, Integer> seen = new HashMap<>();
    for (TestResult r : run.results()) {
      String runtime = r.test().runtime().isEmpty() ? "" : r.test().runtime() + " › ";
      String base = run.command() + " " + runtime + r.test().model() + " › " + r.test().name();
      int n = seen.merge(base, 1, Integer::sum);
      out.put(n == 1 ? base : base + " #" + n, r);
    }
    return out;
  }

  /** True when a check that passed (or was skipped) in the baseline fails or errors now. */
  public boolean regressed() {
    return changes.stream().anyMatch(c -> c.kind() == Kind.NEW_FAILURE);
  }

  public List<Change> of(Kind kind) {
    return changes.stream().filter(c -> c.kind() == kind).toList();
  }

  /** A plain-text account, grouped by kind, most serious first. */
  public String render() {
    StringBuilder out = new StringBuilder();
    if (changes.isEmpty()) {
      return "No changes: every check has the same verdict, and no passing check changed speed beyond the threshold.\n";
    }
    for (Kind k : Kind.values()) {
      List<Change> cs = of(k);
      if (cs.isEmpty()) {
        continue;
      }
      out.append(title(k)).append(" (").append(cs.size()).append(")\n");
      for (Change c : cs) {
        out.append("  ").append(Text.escapeControls(c.key().substring(c.key().indexOf(' ') + 1)));
        String verdicts = c.before().map(r -> r.verdict().name()).orElse("-") + " → "
            + c.after().map(r -> r.verdict().name()).orElse("-");
        out.append("  ").append(verdicts);
        if (k == Kind.SLOWER || k == Kind.FASTER) {
          out.append("  ").append(Text.duration(c.before().get().durationMillis())).append(" → ")
              .append(Text.duration(c.after().get().durationMillis()));
        }
        c.after().filter(r -> r.verdict() != Verdict.PASS && !r.reason().isEmpty())
            .ifPresent(r -> out.append("  ").append(Text.escapeControls(
                Redaction.redact(r.reason()).replaceAll("\\s*\\R\\s*", " "))));
        out.append('\n');
      }
    }
    return out.toString();
  }

  private static String title(Kind k) {
    return switch (k) {
      case NEW_FAILURE -> "New failures";
      case FIXED -> "Fixed";
      case NEWLY_SKIPPED -> "Newly skipped";
      case UNSKIPPED -> "No longer skipped";
      case SLOWER -> "Slower";
      case FASTER -> "Faster";
      case NEW_CHECK -> "New checks";
      case REMOVED_CHECK -> "Removed checks";
    };
  }
}
