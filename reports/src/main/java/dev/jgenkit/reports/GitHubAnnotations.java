package dev.jgenkit.reports;

import dev.jgenkit.reports.ParityMatrix.Check;
import dev.jgenkit.runners.results.RunResult;
import dev.jgenkit.specs.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * GitHub Actions workflow commands that annotate failed checks: one {@code ::error
 * file=…,line=…,col=…,title=…::message} line per FAIL or ERROR (both fail the run, so both are
 * errors; the title says which), in report order, at most {@code cap} of them, then one {@code
 * ::notice} saying how many more were left out.
 *
 * <p>GitHub shows at most 10 error annotations per step ({@value #DEFAULT_CAP}, the default cap)
 * and drops the rest silently, hence the notice. The file is the spec or plan file when its path is
 * relative (GitHub resolves it against the workspace), so the annotation lands on the test's line
 * in a pull request. The message is the redacted reason, cut to {@value #MAX_MESSAGE_CHARS}
 * characters. Data is escaped as the Actions toolkit does ({@code %}, CR, LF as {@code %25 %0D
 * %0A}; properties also {@code :} and {@code ,} as {@code %3A %2C}), so a reason cannot end the
 * command or start another one.
 */
public final class GitHubAnnotations {
  /** GitHub's limit of error annotations shown per step. */
  public static final int DEFAULT_CAP = 10;

  /** Longest message (in code points) of one annotation. */
  public static final int MAX_MESSAGE_CHARS = 4000;

  private GitHubAnnotations() {}

  /** True when running in GitHub Actions ({@code GITHUB_ACTIONS=true}). */
  public static boolean enabled(Map<String, String> env) {
    return "true".equals(env.get("GITHUB_ACTIONS"));
  }

  /** {@link #render(List, int)} with the {@link #DEFAULT_CAP default cap}. */
  public static List<String> render(List<RunResult> runs) {
    return render(runs, DEFAULT_CAP);
  }

  /**
   * The annotation lines (without line breaks) for the failed checks of {@code runs}; empty when
   * none failed.
   *
   * @param cap how many checks to annotate, at least 0
   */
  public static List<String> render(List<RunResult> runs, int cap) {
    if (cap < 0) {
      throw new IllegalArgumentException("cap must be >= 0");
    }
    List<Check> checks = ParityMatrix.checks(runs);
    boolean multiRuntime = ParityMatrix.runtimes(checks).size() > 1;
    List<Check> failed = checks.stream().filter(c -> c.verdict().failed()).toList();
    List<String> lines = new ArrayList<>();
    for (Check c : failed.subList(0, Math.min(cap, failed.size()))) {
      lines.add(annotation(c, multiRuntime));
    }
    int left = failed.size() - Math.min(cap, failed.size());
    if (left > 0) {
      lines.add(
          "::notice title="
              + property("jgenkit")
              + "::"
              + data(
                  left
                      + (left == 1 ? " more failed check is" : " more failed checks are")
                      + " not annotated ("
                      + failed.size()
                      + " failed in all); see the job summary or report.md"));
    }
    return List.copyOf(lines);
  }

  private static String annotation(Check c, boolean multiRuntime) {
    StringBuilder props = new StringBuilder();
    Location at = c.test().location();
    if (!at.file().isAbsolute() && !at.file().toString().isEmpty()) {
      props.append("file=").append(property(at.file().toString().replace('\\', '/')));
      if (at.line() > 0) {
        props.append(",line=").append(at.line());
        if (at.column() > 0) {
          props.append(",col=").append(at.column());
        }
      }
      props.append(',');
    }
    String arrow = " › ";
    String title = c.verdict().name() + ": " + c.model() + arrow + c.test().name();
    if (multiRuntime) {
      title += " [" + c.runtime() + "]";
    }
    props.append("title=").append(property(Text.escapeControls(title)));
    String reason = Redaction.redact(c.result().reason()).strip();
    if (reason.isEmpty()) {
      reason = c.verdict().name();
    }
    String message = Text.truncate(Text.escapeControls(reason, true), MAX_MESSAGE_CHARS, "…");
    return "::error " + props + "::" + data(message);
  }

  /** Escapes workflow-command data: {@code %}, CR and LF. */
  static String data(String text) {
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  /** Escapes a workflow-command property value: as data, plus {@code :} and {@code ,}. */
  static String property(String text) {
    return data(text).replace(":", "%3A").replace(",", "%2C");
  }
}
