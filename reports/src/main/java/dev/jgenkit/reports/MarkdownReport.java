package dev.jgenkit.reports;

import dev.jgenkit.reports.ParityMatrix.Check;
import dev.jgenkit.runners.results.RunResult;
import dev.jgenkit.runners.results.SampleInfo;
import dev.jgenkit.runners.results.TestResult;
import dev.jgenkit.runners.results.Verdict;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The Markdown report ({@code report.md}), written for GitHub (the job summary, a PR comment, the
 * file view) and readable as plain text:
 *
 * <ol>
 *   <li>a title and a summary line ({@code **8 tests: ✅ 3 passed · ❌ 2 failed · 💥 2 errors · ⏭️ 1
 *       skipped** in 124.3 s}), an interruption warning, the runs;
 *   <li>the {@link ParityMatrix parity matrix}: rows capabilities / tests (or sample flows), columns
 *       runtime × model, cells ✅ pass, ❌ fail, 💥 error, ⏭️ skip, with reasons as numbered notes
 *       (identical reasons share a number) listed under the matrix;
 *   <li>per model (and runtime): status, passed/total, failed, errors, skipped, time;
 *   <li>for sample-flows runs, per runtime: the {@link PhaseTable phase table} and the {@link
 *       FeatureCoverage feature-by-phase matrix};
 *   <li>passing checks with their stream facts and tokens, collapsed in {@code <details>}.
 * </ol>
 *
 * <p>All text the report did not write itself is {@link Redaction#redact redacted}, folded onto one
 * line, cut to {@value #MAX_NOTE_CHARS} characters in notes, and escaped so that it renders as
 * text: Markdown and HTML punctuation get a backslash, so a model's output cannot add links,
 * markup, table cells or math. The report stays within {@value #MAX_BYTES} bytes (GitHub's job
 * summary takes at most 1 MiB per step): past that the passing detail is left out, then the notes
 * from the end, each with a line saying so.
 */
public final class MarkdownReport {
  /** The report's conventional file name. */
  public static final String FILE_NAME = "report.md";

  /** The largest report, in UTF-8 bytes: under GitHub's 1 MiB per-step summary limit. */
  public static final int MAX_BYTES = 1_000_000;

  /** Longest note (in code points) a reason becomes. */
  public static final int MAX_NOTE_CHARS = 500;

  static final String PASS = "✅";
  static final String FAIL = "❌";
  static final String ERROR = "💥";
  static final String SKIP = "⏭️";
  static final String NONE = "·";

  private MarkdownReport() {}

  /** The report as UTF-8 bytes. */
  public static byte[] renderBytes(List<RunResult> runs) {
    return render(runs).getBytes(StandardCharsets.UTF_8);
  }

  /** The report, ending with a newline, at most {@value #MAX_BYTES} bytes in UTF-8. */
  public static String render(List<RunResult> runs) {
    return render(runs, MAX_BYTES);
  }

  /** The report within {@code maxBytes}, for tests of the size cap. */
  static String render(List<RunResult> runs, int maxBytes) {
    String full = new Doc(runs, true, Integer.MAX_VALUE).render();
    if (fits(full, maxBytes)) {
      return full;
    }
    String lean = new Doc(runs, false, Integer.MAX_VALUE).render();
    if (fits(lean, maxBytes)) {
      return lean;
    }
    // The most notes that fit; rendering is cheap next to a run, so search by re-rendering.
    int notes = new Doc(runs, false, Integer.MAX_VALUE).noteCount();
    int lo = 0;
    int hi = notes;
    String best = null;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      String text = new Doc(runs, false, mid).render();
      if (fits(text, maxBytes)) {
        best = text;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return best != null ? best : cut(new Doc(runs, false, 0).render(), maxBytes);
  }

  private static boolean fits(String text, int maxBytes) {
    return text.getBytes(StandardCharsets.UTF_8).length <= maxBytes;
  }

  /** Even without notes and detail it is too big (a huge matrix): cut at a line, say so. */
  private static String cut(String text, int maxBytes) {
    String note = "\n\n> ⚠️ Report truncated to stay under 1 MiB; see report.html or results.json.\n";
    int budget = Math.max(0, maxBytes - note.getBytes(StandardCharsets.UTF_8).length);
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    int end = Math.min(budget, bytes.length);
    String head = new String(bytes, 0, end, StandardCharsets.UTF_8);
    int nl = head.lastIndexOf('\n');
    head = nl >= 0 ? head.substring(0, nl) : "";
    // A cut inside a multi-byte character decodes to U+FFFD; cutting at a newline drops it.
    return head + note;
  }

  /** One rendering of the report, with or without passing detail and with at most N notes. */
  private static final class Doc {
    private final List<RunResult> runs;
    private final boolean passingDetail;
    private final int maxNotes;
    private final List<Check> checks;
    private final Map<String, Integer> notes = new LinkedHashMap<>();
    private final StringBuilder out = new StringBuilder();

    Doc(List<RunResult> runs, boolean passingDetail, int maxNotes) {
      this.runs = List.copyOf(runs);
      this.passingDetail = passingDetail;
      this.maxNotes = maxNotes;
      this.checks = ParityMatrix.checks(runs);
    }

    int noteCount() {
      render();
      return notes.size();
    }

    String render() {
      out.setLength(0);
      notes.clear();
      out.append("# jgenkit report\n\n");
      out.append(summaryLine()).append("\n\n");
      if (runs.stream().anyMatch(RunResult::interrupted)) {
        out.append("> ⚠️ **Interrupted**: results are incomplete.\n\n");
      }
      runsSection();
      if (checks.isEmpty()) {
        out.append("No checks ran.\n");
        return out.toString();
      }
      List<ParityMatrix> matrices = ParityMatrix.of(runs);
      for (ParityMatrix m : matrices) {
        matrix(m, matrices.size() > 1);
      }
      modelSummary();
      sampleSections();
      passing();
      return out.toString().stripTrailing() + "\n";
    }

    private String summaryLine() {
      boolean allFlows = !checks.isEmpty() && checks.stream().allMatch(Check::sampleFlow);
      boolean allTests = checks.stream().noneMatch(Check::sampleFlow);
      String noun = allFlows ? "flows" : allTests ? "tests" : "checks";
      long total = checks.size();
      long millis = runs.stream().mapToLong(ResultsJson::runMillis).sum();
      return "**"
          + total
          + " "
          + (total == 1 ? noun.substring(0, noun.length() - 1) : noun)
          + ": "
          + PASS
          + " "
          + count(Verdict.PASS)
          + " passed · "
          + FAIL
          + " "
          + count(Verdict.FAIL)
          + " failed · "
          + ERROR
          + " "
          + count(Verdict.ERROR)
          + (count(Verdict.ERROR) == 1 ? " error · " : " errors · ")
          + SKIP
          + " "
          + count(Verdict.SKIP)
          + " skipped** in "
          + Text.duration(millis);
    }

    private long count(Verdict v) {
      return checks.stream().filter(c -> c.verdict() == v).count();
    }

    /** One line per run: command, runtime, when, how long, which jgenkit. */
    private void runsSection() {
      for (RunResult run : runs) {
        StringBuilder line = new StringBuilder("- ").append(md(run.command()));
        if (ResultsJson.sampleFlows(run)) {
          List<String> labels =
              ParityMatrix.runtimes(
                  checks.stream().filter(c -> c.run() == run).toList());
          if (!labels.isEmpty()) {
            line.append(" on ").append(md(String.join(", ", labels)));
          }
          line.append(", ").append(run.samples().size())
              .append(run.samples().size() == 1 ? " sample" : " samples");
        } else if (run.multiRuntime()) {
          line.append(" on ").append(md(String.join(", ",
              run.runtimes().stream().map(ParityMatrix::describe).toList())));
        } else {
          String label = ParityMatrix.runtimeOf(checks, run);
          line.append(" on ").append(md(label)).append(" (");
          if (!label.contains(run.runtime().url())) {
            line.append(md(run.runtime().url())).append(", ");
          }
          line.append(run.runtime().attached() ? "attached)" : "started)");
        }
        line.append(", ").append(run.results().size())
            .append(run.results().size() == 1 ? " check" : " checks");
        line.append(", started ").append(run.startedAt()).append(", ");
        line.append(Text.duration(ResultsJson.runMillis(run)));
        if (run.interrupted()) {
          line.append(", interrupted");
        }
        line.append(" · ").append(md(run.tool())).append(' ').append(md(run.toolVersion()));
        out.append(line).append('\n');
      }
      out.append('\n');
    }

    private void matrix(ParityMatrix m, boolean titled) {
      boolean samples = m.kind() == ParityMatrix.Kind.SAMPLES;
      out.append("## ")
          .append(titled ? (samples ? "Sample flows" : "Model parity") : "Parity matrix")
          .append("\n\n");
      List<String> header = new ArrayList<>();
      if (samples) {
        header.add("Phase");
        header.add("Sample");
        header.add("Flow");
      } else {
        header.add("Capability / test");
      }
      for (ParityMatrix.Column c : m.columns()) {
        if (samples) {
          header.add(m.multiRuntime() ? md(c.runtime()) : "Result");
        } else if (m.multiRuntime()) {
          header.add(md(c.model()) + "<br>" + md(c.runtime()));
        } else {
          header.add(md(c.model()));
        }
      }
      tableHeader(header);
      int firstNote = notes.size() + 1;
      String lastSample = null;
      for (int i = 0; i < m.rows().size(); i++) {
        ParityMatrix.Row row = m.rows().get(i);
        List<String> cells = new ArrayList<>();
        if (samples) {
          boolean first = !row.sample().equals(lastSample);
          cells.add(first ? phase(row.phase()) : "");
          cells.add(first ? md(row.sample()) : "");
          cells.add(md(row.name()));
          lastSample = row.sample();
        } else {
          cells.add(
              row.capability().isPresent()
                  ? "`" + row.capability().get().replace("`", "") + "`"
                  : md(row.name()) + " *(custom)*");
        }
        for (int j = 0; j < m.columns().size(); j++) {
          cells.add(cell(m.cell(i, j)));
        }
        tableRow(cells);
      }
      out.append('\n');
      out.append(PASS).append(" pass, ").append(FAIL).append(" fail, ").append(ERROR)
          .append(" error, ").append(SKIP).append(" skip, ").append(NONE)
          .append(samples ? " not run\n\n" : " not planned for that model\n\n");
      notesList(firstNote);
    }

    private String cell(List<Check> cell) {
      if (cell.isEmpty()) {
        return NONE;
      }
      List<String> parts = new ArrayList<>();
      for (Check c : cell) {
        String mark = mark(c.verdict());
        String reason = noteText(c.result());
        if (!reason.isEmpty()) {
          int n = notes.computeIfAbsent(reason, k -> notes.size() + 1);
          mark += "<sup>" + n + "</sup>";
        }
        parts.add(mark);
      }
      return String.join(" ", parts);
    }

    /** The notes numbered from {@code first} on, as an ordered list; the omitted ones counted. */
    private void notesList(int first) {
      List<String> texts = new ArrayList<>(notes.keySet());
      if (texts.size() < first) {
        return;
      }
      int shown = 0;
      for (int n = first; n <= texts.size(); n++) {
        if (n > maxNotes) {
          break;
        }
        out.append(n).append(". ").append(blockSafe(md(texts.get(n - 1)))).append('\n');
        shown++;
      }
      int omitted = texts.size() - first + 1 - shown;
      if (omitted > 0) {
        out.append(shown > 0 ? "\n" : "")
            .append("> Notes ")
            .append(first + shown)
            .append('–')
            .append(texts.size())
            .append(" (")
            .append(omitted)
            .append(omitted == 1 ? " note" : " notes")
            .append(") are left out to keep this report under 1 MiB;")
            .append(" see report.html or results.json.\n");
      }
      out.append('\n');
    }

    /** Per model and runtime: status, passed/total, failed, errors, skipped, summed time. */
    private void modelSummary() {
      List<Check> models = checks.stream().filter(c -> !c.sampleFlow()).toList();
      if (models.isEmpty()) {
        return;
      }
      boolean multi = ParityMatrix.runtimes(models).size() > 1;
      Collection<List<Check>> groups = byModelAndRuntime(models);
      out.append("## Models\n\n");
      List<String> header = new ArrayList<>(List.of("", "Model"));
      if (multi) {
        header.add("Runtime");
      }
      header.addAll(List.of("Passed", "Failed", "Errors", "Skipped", "Time"));
      tableHeader(header);
      for (List<Check> group : groups) {
        Check first = group.get(0);
        PhaseTable.Counts counts = counts(group);
        List<String> cells = new ArrayList<>();
        cells.add(status(counts.status()));
        cells.add(md(first.model()));
        if (multi) {
          cells.add(md(first.runtime()));
        }
        cells.add(counts.passed() + "/" + counts.total());
        cells.add(Long.toString(counts.failed()));
        cells.add(Long.toString(counts.errored()));
        cells.add(Long.toString(counts.skipped()));
        cells.add(Text.duration(group.stream().mapToLong(c -> c.result().durationMillis()).sum()));
        tableRow(cells);
      }
      out.append('\n');
    }

    /** Phase table and feature coverage, one pair per runtime of the sample-flows runs. */
    private void sampleSections() {
      Map<String, RunResult> byRuntime = ParityMatrix.sampleRuns(checks);
      if (byRuntime.isEmpty()) {
        return;
      }
      boolean multi = byRuntime.size() > 1;
      for (Map.Entry<String, RunResult> e : byRuntime.entrySet()) {
        String suffix = multi ? " · " + md(e.getKey()) : "";
        PhaseTable table = PhaseTable.of(e.getValue());
        if (!table.isEmpty()) {
          out.append("## Phases").append(suffix).append("\n\n");
          phaseTable(table);
        }
        FeatureCoverage coverage = FeatureCoverage.of(table);
        if (!coverage.isEmpty()) {
          out.append("## Features by phase").append(suffix).append("\n\n");
          featureCoverage(coverage);
        }
      }
    }

    private void phaseTable(PhaseTable table) {
      tableHeader(
          List.of("Phase", "Sample", "Genkit", "Passed", "Failed", "Errors", "Skipped", ""));
      List<SampleInfo> needy = new ArrayList<>();
      for (PhaseTable.Group group : table.groups()) {
        boolean first = true;
        for (PhaseTable.Row row : group.samples()) {
          PhaseTable.Counts c = row.counts();
          String phase = !first ? "" : group.unplanned() ? "—" : phaseLabel(group);
          tableRow(
              List.of(
                  phase,
                  md(row.name()),
                  md(row.sample().runtime().flatMap(rt -> rt.genkitVersion()).orElse("—")),
                  Long.toString(c.passed()),
                  Long.toString(c.failed()),
                  Long.toString(c.errored()),
                  Long.toString(c.skipped()),
                  status(row.status())));
          if (!row.sample().missingEnv().isEmpty()) {
            needy.add(row.sample());
          }
          first = false;
        }
      }
      out.append('\n');
      for (SampleInfo s : needy) {
        out.append("- ")
            .append(SKIP)
            .append(' ')
            .append(md(s.name()))
            .append(" needs ")
            .append(md(String.join(", ", s.missingEnv())))
            .append('\n');
      }
      if (!needy.isEmpty()) {
        out.append('\n');
      }
    }

    private static String phaseLabel(PhaseTable.Group group) {
      String label = Integer.toString(group.phase().getAsInt());
      return group.title().isBlank() ? label : label + " · " + md(group.title());
    }

    private void featureCoverage(FeatureCoverage coverage) {
      List<String> header = new ArrayList<>(List.of("Feature"));
      coverage.phases().forEach(p -> header.add(p.isPresent() ? "Phase " + p.getAsInt() : "Unplanned"));
      tableHeader(header);
      for (int i = 0; i < coverage.features().size(); i++) {
        List<String> cells = new ArrayList<>(List.of(md(coverage.features().get(i))));
        for (FeatureCoverage.Cell cell : coverage.cells().get(i)) {
          cells.add(cellMark(cell));
        }
        tableRow(cells);
      }
      out.append('\n');
    }

    /** Passing checks with their facts, collapsed. */
    private void passing() {
      List<Check> passed = checks.stream().filter(c -> c.verdict() == Verdict.PASS).toList();
      if (passed.isEmpty()) {
        return;
      }
      out.append("<details>\n<summary>")
          .append(PASS)
          .append(' ')
          .append(passed.size())
          .append(passed.size() == 1 ? " passing check" : " passing checks")
          .append("</summary>\n\n");
      if (!passingDetail) {
        out.append("Left out to keep this report under 1 MiB; see report.html or results.json.\n");
        out.append("\n</details>\n");
        return;
      }
      boolean multi = ParityMatrix.runtimes(checks).size() > 1;
      List<String> header = new ArrayList<>();
      if (multi) {
        header.add("Runtime");
      }
      header.addAll(List.of("Model / sample", "Test / flow", "Time", "Details"));
      tableHeader(header);
      for (Check c : passed) {
        List<String> cells = new ArrayList<>();
        if (multi) {
          cells.add(md(c.runtime()));
        }
        cells.add(md(c.model()));
        cells.add(md(c.test().name()));
        cells.add(Text.duration(c.result().durationMillis()));
        cells.add(md(c.facts()));
        tableRow(cells);
      }
      out.append("\n</details>\n");
    }

    private void tableHeader(List<String> header) {
      tableRow(header);
      StringBuilder rule = new StringBuilder("|");
      for (int i = 0; i < header.size(); i++) {
        rule.append("---|");
      }
      out.append(rule).append('\n');
    }

    private void tableRow(List<String> cells) {
      out.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }
  }

  /**
   * Model checks grouped by model and runtime, in matrix column order: models in order of first
   * appearance, each model's runtimes likewise.
   */
  static Collection<List<Check>> byModelAndRuntime(List<Check> checks) {
    Map<String, Map<String, List<Check>>> byModel = new LinkedHashMap<>();
    for (Check c : checks) {
      byModel
          .computeIfAbsent(c.model(), k -> new LinkedHashMap<>())
          .computeIfAbsent(c.runtime(), k -> new ArrayList<>())
          .add(c);
    }
    List<String> runtimes = ParityMatrix.runtimes(checks);
    List<List<Check>> groups = new ArrayList<>();
    for (Map<String, List<Check>> perRuntime : byModel.values()) {
      perRuntime.entrySet().stream()
          .sorted(Comparator.comparingInt(e -> runtimes.indexOf(e.getKey())))
          .forEach(e -> groups.add(e.getValue()));
    }
    return groups;
  }

  static PhaseTable.Counts counts(List<Check> checks) {
    return new PhaseTable.Counts(
        checks.stream().filter(c -> c.verdict() == Verdict.PASS).count(),
        checks.stream().filter(c -> c.verdict() == Verdict.FAIL).count(),
        checks.stream().filter(c -> c.verdict() == Verdict.ERROR).count(),
        checks.stream().filter(c -> c.verdict() == Verdict.SKIP).count());
  }

  /** A check's reason as a note: redacted, on one line, cut; empty when there is none. */
  static String noteText(TestResult r) {
    if (r.verdict() == Verdict.PASS) {
      return "";
    }
    String folded = Text.escapeControls(Text.joinLines(Redaction.redact(r.reason())));
    return Text.truncate(folded, MAX_NOTE_CHARS, "…");
  }

  static String mark(Verdict v) {
    switch (v) {
      case PASS:
        return PASS;
      case FAIL:
        return FAIL;
      case ERROR:
        return ERROR;
      case SKIP:
      default:
        return SKIP;
    }
  }

  static String status(PhaseTable.Status s) {
    switch (s) {
      case PASS:
        return PASS;
      case FAIL:
        return FAIL;
      case SKIP:
      default:
        return SKIP;
    }
  }

  private static String cellMark(FeatureCoverage.Cell cell) {
    switch (cell) {
      case PASS:
        return PASS;
      case FAIL:
        return FAIL;
      case SKIP:
        return SKIP;
      case NONE:
      default:
        return NONE;
    }
  }

  private static String phase(OptionalInt phase) {
    return phase.isPresent() ? Integer.toString(phase.getAsInt()) : "—";
  }

  /** Characters that mean something to GFM or its HTML and math extensions, inline. */
  private static final String MARKDOWN_PUNCTUATION = "\\`*_[]<>|~#&$!";

  /**
   * {@code text} on one line, control characters escaped, each Markdown/HTML-significant character
   * backslash-escaped so it renders literally (in a table cell too: {@code |} becomes {@code \|}).
   */
  static String md(String text) {
    String line =
        Text.xmlSafe(Text.escapeControls(Text.joinLines(Optional.ofNullable(text).orElse(""))));
    StringBuilder out = new StringBuilder(line.length() + 8);
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (MARKDOWN_PUNCTUATION.indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  private static final java.util.regex.Pattern ORDERED_LIST_START =
      java.util.regex.Pattern.compile("(\\d{1,9})[.)]");

  /** Escapes a leading character that would open a block (a list, quote, heading) in a list item. */
  private static String blockSafe(String text) {
    if (text.isEmpty()) {
      return text;
    }
    char c = text.charAt(0);
    if (c == '-' || c == '+' || c == '=') {
      return "\\" + text;
    }
    // "12. x" would start a nested ordered list: escape its delimiter, not the digits.
    java.util.regex.Matcher m = ORDERED_LIST_START.matcher(text);
    return m.lookingAt() ? m.group(1) + "\\" + text.substring(m.group(1).length()) : text;
  }
}
