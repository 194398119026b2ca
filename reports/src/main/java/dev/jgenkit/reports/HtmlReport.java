package dev.jgenkit.reports;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jgenkit.reports.ParityMatrix.Check;
import dev.jgenkit.runners.plan.PlannedTest;
import dev.jgenkit.runners.results.RunResult;
import dev.jgenkit.runners.results.RuntimeInfo;
import dev.jgenkit.runners.results.TestResult;
import dev.jgenkit.runners.results.Verdict;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The HTML report ({@code report.html}): one self-contained page, rendered here (so it shows the
 * right counts without JavaScript) with a small inline script for filters and sorting.
 *
 * <p>It shows the summary counts, the runs, filters (verdict, runtime, model or sample, test text),
 * the {@link ParityMatrix parity matrix} (each mark links to its check), the per-model summary,
 * for sample-flows the phase table and feature-by-phase matrix, and every check with its duration
 * (sortable), facts, and for FAIL and ERROR the full reason, the validators, the location and an
 * excerpt of the request and of the response ({@link Excerpts}). The filters also read the URL fragment, e.g. {@code
 * report.html#verdict=FAIL,ERROR&model=googleai/gemini-2.5-flash&sort=desc}.
 *
 * <p>No network: the page has no external scripts, styles, fonts or images, and its
 * Content-Security-Policy ({@code default-src 'none'}) allows only its own inline style and script,
 * by hash. Everything from results is HTML-escaped; free text (reasons, inputs) is redacted and has
 * long data URLs shortened first. Output is deterministic: no generation time, ids from plan order.
 */
public final class HtmlReport {
  /** The report's conventional file name. */
  public static final String FILE_NAME = "report.html";

  /** Longest reason (in code points) shown for a failure. */
  public static final int MAX_REASON_CHARS = 20_000;

  private static final int MAX_SUMMARY_CHARS = 160;

  private HtmlReport() {}

  /** The page as UTF-8 bytes. */
  public static byte[] renderBytes(List<RunResult> runs) {
    return render(runs).getBytes(StandardCharsets.UTF_8);
  }

  /** The page, ending with a newline. */
  public static String render(List<RunResult> runs) {
    return new Page(runs).render();
  }

  /** Renders one page; holds the checks so helpers stay short. */
  private static final class Page {
    private final List<RunResult> runs;
    private final List<Check> checks;
    private final boolean multiRuntime;
    private final StringBuilder out = new StringBuilder();

    Page(List<RunResult> runs) {
      this.runs = List.copyOf(runs);
      this.checks = ParityMatrix.checks(runs);
      this.multiRuntime = ParityMatrix.runtimes(checks).size() > 1;
    }

    String render() {
      out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
      out.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
      out.append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
          .append("style-src '")
          .append(sha256(CSS))
          .append("'; script-src '")
          .append(sha256(JS))
          .append("'; base-uri 'none'; form-action 'none'\">\n");
      out.append("<title>jgenkit report: ").append(esc(countsText())).append("</title>\n");
      out.append("<style>").append(CSS).append("</style>\n</head>\n<body>\n");
      header();
      out.append("<main>\n");
      if (!checks.isEmpty()) {
        filters();
        List<ParityMatrix> matrices = ParityMatrix.of(runs);
        for (ParityMatrix m : matrices) {
          matrix(m, matrices.size() > 1);
        }
        modelSummary();
        sampleSections();
      }
      checksTable();
      out.append("</main>\n<script>").append(JS).append("</script>\n</body>\n</html>\n");
      return out.toString();
    }

    private String countsText() {
      return count(Verdict.PASS)
          + " passed, "
          + count(Verdict.FAIL)
          + " failed, "
          + count(Verdict.ERROR)
          + (count(Verdict.ERROR) == 1 ? " error, " : " errors, ")
          + count(Verdict.SKIP)
          + " skipped";
    }

    private long count(Verdict v) {
      return checks.stream().filter(c -> c.verdict() == v).count();
    }

    private void header() {
      long millis = runs.stream().mapToLong(ResultsJson::runMillis).sum();
      out.append("<header>\n<h1>jgenkit report</h1>\n<p class=\"summary\">");
      out.append("<strong><span id=\"count-total\">").append(checks.size()).append("</span> ")
          .append(checks.size() == 1 ? "check" : "checks").append("</strong>");
      pill(Verdict.PASS, "passed", "passed");
      pill(Verdict.FAIL, "failed", "failed");
      pill(Verdict.ERROR, "error", "errors");
      pill(Verdict.SKIP, "skipped", "skipped");
      out.append(" <span class=\"muted\">in ").append(esc(Text.duration(millis)))
          .append("</span></p>\n");
      if (runs.stream().anyMatch(RunResult::interrupted)) {
        out.append("<p class=\"warn\">Interrupted: results are incomplete.</p>\n");
      }
      out.append("<ul class=\"runs\">\n");
      for (RunResult run : runs) {
        out.append("<li>").append(esc(run.command())).append(" on ");
        if (ResultsJson.sampleFlows(run)) {
          List<String> labels =
              ParityMatrix.runtimes(checks.stream().filter(c -> c.run() == run).toList());
          out.append("<b>").append(esc(String.join(", ", labels))).append("</b>, ")
              .append(run.samples().size())
              .append(run.samples().size() == 1 ? " sample" : " samples");
        } else if (run.multiRuntime()) {
          out.append("<b>").append(esc(String.join(", ",
              run.runtimes().stream().map(ParityMatrix::describe).toList()))).append("</b>");
        } else {
          RuntimeInfo rt = run.runtime();
          String label = ParityMatrix.runtimeOf(checks, run);
          out.append("<b>").append(esc(label)).append("</b> <span class=\"muted\">");
          if (!label.contains(rt.url())) {
            out.append(esc(rt.url())).append(", ");
          }
          out.append(rt.attached() ? "attached" : "started");
          if (rt.pid().isPresent()) {
            out.append(" (pid ").append(rt.pid().getAsLong()).append(')');
          }
          rt.logFile().ifPresent(log -> out.append(", log ").append(esc(log)));
          out.append("</span>");
        }
        out.append(" · ").append(run.results().size())
            .append(run.results().size() == 1 ? " check" : " checks")
            .append(" · started ").append(esc(run.startedAt().toString()))
            .append(" · ").append(esc(Text.duration(ResultsJson.runMillis(run))));
        if (run.interrupted()) {
          out.append(" · <span class=\"warn\">interrupted</span>");
        }
        out.append(" · ").append(esc(run.tool() + " " + run.toolVersion())).append("</li>\n");
      }
      out.append("</ul>\n</header>\n");
    }

    private void pill(Verdict v, String singular, String plural) {
      long n = count(v);
      String css = css(v);
      out.append(" <span class=\"pill ").append(css).append("\">").append(mark(v))
          .append(" <span id=\"count-").append(css).append("\">").append(n).append("</span> ")
          .append(n == 1 ? singular : plural).append("</span>");
    }

    private void filters() {
      out.append("<section id=\"filters\" aria-label=\"Filters\">\n<fieldset><legend>Verdict")
          .append("</legend>");
      for (Verdict v : Verdict.values()) {
        out.append("<label><input type=\"checkbox\" name=\"verdict\" value=\"").append(v.name())
            .append("\" checked> ").append(mark(v)).append(' ')
            .append(v.name().toLowerCase(Locale.ROOT)).append(" (").append(count(v))
            .append(")</label>");
      }
      out.append("</fieldset>\n");
      select("f-runtime", "Runtime", "all runtimes", ParityMatrix.runtimes(checks));
      Set<String> models = new LinkedHashSet<>();
      checks.forEach(c -> models.add(c.model()));
      select("f-model", "Model / sample", "all", List.copyOf(models));
      out.append("<label>Test <input id=\"f-test\" type=\"search\" ")
          .append("placeholder=\"name or capability\" autocomplete=\"off\"></label>\n");
      out.append("<p class=\"shown\">Showing <span id=\"shown\">").append(checks.size())
          .append("</span> of ").append(checks.size()).append("</p>\n</section>\n");
    }

    private void select(String id, String label, String all, List<String> values) {
      out.append("<label>").append(esc(label)).append(" <select id=\"").append(id)
          .append("\"><option value=\"\">").append(esc(all)).append("</option>");
      for (String v : values) {
        out.append("<option value=\"").append(esc(v)).append("\">").append(esc(v))
            .append("</option>");
      }
      out.append("</select></label>\n");
    }

    private void matrix(ParityMatrix m, boolean titled) {
      boolean samples = m.kind() == ParityMatrix.Kind.SAMPLES;
      out.append("<section class=\"matrix-section\">\n<h2>")
          .append(titled ? (samples ? "Sample flows" : "Model parity") : "Parity matrix")
          .append("</h2>\n<div class=\"scroll\"><table class=\"matrix\">\n<thead><tr>");
      if (samples) {
        out.append("<th>Phase</th><th>Sample</th><th>Flow</th>");
      } else {
        out.append("<th>Capability / test</th>");
      }
      for (ParityMatrix.Column c : m.columns()) {
        out.append("<th class=\"f\"").append(data("runtime", c.runtime()));
        if (!samples) {
          out.append(data("model", c.model()));
        }
        out.append('>');
        if (samples) {
          out.append(esc(m.multiRuntime() ? c.runtime() : "Result"));
        } else {
          out.append("<span class=\"model\">").append(esc(c.model())).append("</span>");
          if (m.multiRuntime()) {
            out.append("<span class=\"rt\">").append(esc(c.runtime())).append("</span>");
          }
        }
        out.append("</th>");
      }
      out.append("</tr></thead>\n<tbody>\n");
      for (int i = 0; i < m.rows().size(); i++) {
        ParityMatrix.Row row = m.rows().get(i);
        StringBuilder names = new StringBuilder(row.label());
        for (int j = 0; j < m.columns().size(); j++) {
          m.cell(i, j).forEach(c -> names.append(' ').append(c.test().name()));
        }
        out.append("<tr class=\"f\"").append(data("test", names.toString().toLowerCase(Locale.ROOT)));
        if (samples) {
          out.append(data("model", row.sample())).append("><td>")
              .append(row.phase().isPresent() ? Integer.toString(row.phase().getAsInt()) : "—")
              .append("</td><td>").append(esc(row.sample())).append("</td><td>")
              .append(esc(row.name())).append("</td>");
        } else {
          out.append("><th scope=\"row\">");
          if (row.capability().isPresent()) {
            out.append("<code>").append(esc(row.capability().get())).append("</code>");
          } else {
            out.append(esc(row.name())).append(" <span class=\"muted\">(custom)</span>");
          }
          out.append("</th>");
        }
        for (int j = 0; j < m.columns().size(); j++) {
          ParityMatrix.Column col = m.columns().get(j);
          out.append("<td class=\"f cell\"").append(data("runtime", col.runtime()));
          if (!samples) {
            out.append(data("model", col.model()));
          }
          out.append('>');
          List<Check> cell = m.cell(i, j);
          if (cell.isEmpty()) {
            out.append("<span class=\"none\" title=\"not planned\">·</span>");
          }
          for (Check c : cell) {
            String title = c.verdict().name() + ": " + c.test().name();
            String reason = MarkdownReport.noteText(c.result());
            if (!reason.isEmpty()) {
              title += " — " + Text.truncate(reason, MAX_SUMMARY_CHARS, "…");
            }
            out.append("<a class=\"cell-link ").append(css(c.verdict())).append("\" href=\"#check-")
                .append(c.index()).append('"').append(data("verdict", c.verdict().name()))
                .append(" title=\"").append(esc(title)).append("\">").append(mark(c.verdict()))
                .append("</a>");
          }
          out.append("</td>");
        }
        out.append("</tr>\n");
      }
      out.append("</tbody>\n</table></div>\n<p class=\"legend\">")
          .append(mark(Verdict.PASS)).append(" pass, ").append(mark(Verdict.FAIL))
          .append(" fail, ").append(mark(Verdict.ERROR)).append(" error, ")
          .append(mark(Verdict.SKIP)).append(" skip, · ")
          .append(samples ? "not run" : "not planned for that model")
          .append(". Hover a mark for the reason; click it for the check.</p>\n</section>\n");
    }

    private void modelSummary() {
      List<Check> models = checks.stream().filter(c -> !c.sampleFlow()).toList();
      if (models.isEmpty()) {
        return;
      }
      Collection<List<Check>> groups = MarkdownReport.byModelAndRuntime(models);
      out.append("<section>\n<h2>Models</h2>\n<table class=\"models\">\n<thead><tr><th></th>")
          .append("<th>Model</th><th>Runtime</th><th class=\"num\">Passed</th>")
          .append("<th class=\"num\">Failed</th><th class=\"num\">Errors</th>")
          .append("<th class=\"num\">Skipped</th><th class=\"num\">Time</th></tr></thead>\n<tbody>\n");
      for (List<Check> group : groups) {
        Check first = group.get(0);
        PhaseTable.Counts c = MarkdownReport.counts(group);
        out.append("<tr class=\"f\"").append(data("runtime", first.runtime()))
            .append(data("model", first.model())).append("><td>")
            .append(MarkdownReport.status(c.status())).append("</td><td>")
            .append(esc(first.model())).append("</td><td>").append(esc(first.runtime()))
            .append("</td><td class=\"num\">").append(c.passed()).append('/').append(c.total())
            .append("</td><td class=\"num\">").append(c.failed())
            .append("</td><td class=\"num\">").append(c.errored())
            .append("</td><td class=\"num\">").append(c.skipped())
            .append("</td><td class=\"num\">")
            .append(esc(Text.duration(group.stream().mapToLong(x -> x.result().durationMillis()).sum())))
            .append("</td></tr>\n");
      }
      out.append("</tbody>\n</table>\n</section>\n");
    }

    private void sampleSections() {
      Map<String, RunResult> runs = ParityMatrix.sampleRuns(checks);
      boolean multi = runs.size() > 1;
      for (Map.Entry<String, RunResult> e : runs.entrySet()) {
        RunResult run = e.getValue();
        String suffix = multi ? " · " + esc(e.getKey()) : "";
        PhaseTable table = PhaseTable.of(run);
        if (!table.isEmpty()) {
          out.append("<section>\n<h2>Phases").append(suffix).append("</h2>\n");
          phaseTable(table, e.getKey());
          out.append("</section>\n");
        }
        FeatureCoverage coverage = FeatureCoverage.of(table);
        if (!coverage.isEmpty()) {
          out.append("<section>\n<h2>Features by phase").append(suffix).append("</h2>\n");
          featureCoverage(coverage);
          out.append("</section>\n");
        }
      }
    }

    private void phaseTable(PhaseTable table, String runtime) {
      out.append("<table class=\"phases\">\n<thead><tr><th>Phase</th><th>Sample</th>")
          .append("<th>Genkit</th><th class=\"num\">Passed</th><th class=\"num\">Failed</th>")
          .append("<th class=\"num\">Errors</th><th class=\"num\">Skipped</th><th></th>")
          .append("</tr></thead>\n<tbody>\n");
      for (PhaseTable.Group group : table.groups()) {
        boolean first = true;
        for (PhaseTable.Row row : group.samples()) {
          PhaseTable.Counts c = row.counts();
          String phase = "";
          if (first) {
            phase =
                group.unplanned()
                    ? "not in the plan"
                    : group.phase().getAsInt()
                        + (group.title().isBlank() ? "" : " · " + group.title());
          }
          out.append("<tr class=\"f\"").append(data("runtime", runtime))
              .append(data("model", row.name())).append("><td>").append(esc(phase))
              .append("</td><td>").append(esc(row.name()));
          if (!row.sample().missingEnv().isEmpty()) {
            out.append(" <span class=\"muted\">needs ")
                .append(esc(String.join(", ", row.sample().missingEnv()))).append("</span>");
          }
          out.append("</td><td>")
              .append(esc(row.sample().runtime().flatMap(RuntimeInfo::genkitVersion).orElse("—")))
              .append("</td><td class=\"num\">").append(c.passed())
              .append("</td><td class=\"num\">").append(c.failed())
              .append("</td><td class=\"num\">").append(c.errored())
              .append("</td><td class=\"num\">").append(c.skipped()).append("</td><td>")
              .append(MarkdownReport.status(row.status())).append("</td></tr>\n");
          first = false;
        }
      }
      out.append("</tbody>\n</table>\n");
    }

    private void featureCoverage(FeatureCoverage coverage) {
      out.append("<table class=\"features\">\n<thead><tr><th>Feature</th>");
      coverage
          .phases()
          .forEach(
              p ->
                  out.append("<th>")
                      .append(p.isPresent() ? "Phase " + p.getAsInt() : "Unplanned")
                      .append("</th>"));
      out.append("</tr></thead>\n<tbody>\n");
      for (int i = 0; i < coverage.features().size(); i++) {
        out.append("<tr><th scope=\"row\">").append(esc(coverage.features().get(i)))
            .append("</th>");
        for (FeatureCoverage.Cell cell : coverage.cells().get(i)) {
          out.append("<td>").append(cellMark(cell)).append("</td>");
        }
        out.append("</tr>\n");
      }
      out.append("</tbody>\n</table>\n");
    }

    private void checksTable() {
      out.append("<section>\n<h2>Checks</h2>\n");
      if (checks.isEmpty()) {
        out.append("<p>No checks ran.</p>\n</section>\n");
        return;
      }
      out.append("<div class=\"scroll\"><table id=\"checks\">\n<thead><tr><th>Verdict</th>")
          .append("<th>Runtime</th><th>Model / sample</th><th>Test / flow</th>")
          .append("<th class=\"num\" aria-sort=\"none\"><button type=\"button\" id=\"sort-duration\"")
          .append(" data-sort=\"none\" title=\"Sort by duration\">Duration ↕</button></th>")
          .append("<th>Details</th></tr></thead>\n<tbody>\n");
      for (Check c : checks) {
        checkRow(c);
      }
      out.append("</tbody>\n</table></div>\n</section>\n");
    }

    private void checkRow(Check c) {
      PlannedTest t = c.test();
      TestResult r = c.result();
      String search = (t.name() + " " + t.capability().orElse("")).toLowerCase(Locale.ROOT);
      out.append("<tr class=\"f check ").append(css(c.verdict())).append("\" id=\"check-")
          .append(c.index()).append('"').append(data("index", Integer.toString(c.index())))
          .append(data("verdict", c.verdict().name())).append(data("runtime", c.runtime()))
          .append(data("model", c.model())).append(data("test", search.strip()))
          .append(data("ms", Long.toString(r.durationMillis()))).append('>');
      out.append("<td class=\"verdict\">").append(mark(c.verdict())).append(' ')
          .append(c.verdict().name()).append("</td><td>").append(esc(c.runtime()))
          .append("</td><td>").append(esc(c.model())).append("</td><td>").append(esc(t.name()));
      if (t.capability().isPresent()) {
        out.append("<div class=\"muted\"><code>").append(esc(t.capability().get()))
            .append("</code>").append(t.stream() ? " · stream" : "").append("</div>");
      } else if (t.stream()) {
        out.append("<div class=\"muted\">stream</div>");
      }
      out.append("</td><td class=\"num\">")
          .append(c.verdict() == Verdict.SKIP ? "—" : esc(Text.duration(r.durationMillis())))
          .append("</td><td>");
      details(c);
      out.append("</td></tr>\n");
    }

    private void details(Check c) {
      TestResult r = c.result();
      PlannedTest t = c.test();
      String reason = Text.escapeControls(Redaction.redact(r.reason()).strip(), true);
      switch (r.verdict()) {
        case PASS:
          out.append("<span class=\"muted\">").append(esc(c.facts())).append("</span>");
          return;
        case SKIP:
          out.append("<span class=\"muted\">").append(esc(Text.joinLines(reason)))
              .append("</span>");
          return;
        case FAIL:
        case ERROR:
        default:
          break;
      }
      String summary =
          reason.isEmpty()
              ? "(no reason given)"
              : Text.truncate(Text.joinLines(reason), MAX_SUMMARY_CHARS, "…");
      out.append("<details><summary>").append(esc(summary)).append("</summary>\n");
      out.append("<h4>Reason</h4><pre class=\"reason\">")
          .append(esc(Text.truncate(reason, MAX_REASON_CHARS, "…"))).append("</pre>\n");
      out.append("<dl>");
      fact("Location", t.location().toString());
      if (!t.validators().isEmpty()) {
        fact("Validators", String.join(", ", t.validators()));
      }
      fact("Model key", t.modelKey());
      if (r.attempts() > 1) {
        fact("Attempts", Integer.toString(r.attempts()));
      }
      String facts = c.facts();
      if (!facts.isEmpty()) {
        fact("Facts", facts);
      }
      r.finishReason().ifPresent(v -> fact("Finish reason", v));
      r.traceId().ifPresent(v -> fact("Trace id", v));
      t.declaredUnsupported().ifPresent(v -> fact("Declared unsupported", v));
      out.append("</dl>\n");
      JsonNode input = t.input();
      if (input != null && !input.isMissingNode() && !input.isNull()) {
        out.append("<h4>Request</h4><pre class=\"request\">").append(esc(Excerpts.text(input)))
            .append("</pre>\n");
      }
      r.response().ifPresent(response -> out.append("<h4>Response</h4><pre class=\"response\">")
          .append(esc(Excerpts.text(response))).append("</pre>\n"));
      out.append("</details>");
    }

    private void fact(String name, String value) {
      out.append("<dt>").append(esc(name)).append("</dt><dd>")
          .append(esc(Text.escapeControls(Redaction.redact(value)))).append("</dd>");
    }
  }

  /** HTML-escaped for text and double- or single-quoted attribute values. */
  static String esc(String text) {
    if (text == null) {
      return "";
    }
    // Noncharacters and unpaired surrogates as \\uXXXX too: they are not valid in an HTML page.
    String safe = Text.xmlSafe(text);
    StringBuilder out = new StringBuilder(safe.length() + 16);
    for (int i = 0; i < safe.length(); i++) {
      char c = safe.charAt(i);
      switch (c) {
        case '&':
          out.append("&amp;");
          break;
        case '<':
          out.append("&lt;");
          break;
        case '>':
          out.append("&gt;");
          break;
        case '"':
          out.append("&quot;");
          break;
        case '\'':
          out.append("&#39;");
          break;
        default:
          // NUL and other C0 controls are invalid in HTML text; keep tab and line breaks.
          if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
            out.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
          } else {
            out.append(c);
          }
      }
    }
    return out.toString();
  }

  private static String data(String name, String value) {
    return " data-" + name + "=\"" + esc(value) + "\"";
  }

  private static String css(Verdict v) {
    return v.name().toLowerCase(Locale.ROOT);
  }

  private static String mark(Verdict v) {
    return MarkdownReport.mark(v);
  }

  private static String cellMark(FeatureCoverage.Cell cell) {
    switch (cell) {
      case PASS:
        return MarkdownReport.PASS;
      case FAIL:
        return MarkdownReport.FAIL;
      case SKIP:
        return MarkdownReport.SKIP;
      case NONE:
      default:
        return "<span class=\"none\">·</span>";
    }
  }

  /** {@code sha256-<base64>}, a CSP source for an inline element with exactly {@code text}. */
  static String sha256(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return "sha256-" + Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform must provide SHA-256.
      throw new IllegalStateException(e);
    }
  }

  static final String CSS =
      """

      :root{color-scheme:light dark;--fg:#1f2328;--muted:#656d76;--bg:#fff;--line:#d0d7de;\
      --head:#f6f8fa;--pass:#1a7f37;--fail:#cf222e;--error:#9a6700;--skip:#656d76}
      @media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--muted:#8d96a0;--bg:#0d1117;\
      --line:#30363d;--head:#161b22;--pass:#3fb950;--fail:#f85149;--error:#d29922;--skip:#8d96a0}}
      *{box-sizing:border-box}
      body{margin:0;padding:1rem 1.5rem;font:14px/1.45 system-ui,-apple-system,"Segoe UI",\
      Roboto,sans-serif;color:var(--fg);background:var(--bg)}
      h1{font-size:1.5rem;margin:0 0 .25rem}h2{font-size:1.15rem;margin:1.5rem 0 .5rem}
      h4{margin:.75rem 0 .25rem;font-size:.85rem}
      code,pre{font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
      pre{white-space:pre-wrap;word-break:break-word;background:var(--head);padding:.5rem;\
      border:1px solid var(--line);border-radius:4px;max-height:24rem;overflow:auto;margin:0}
      table{border-collapse:collapse;margin:.25rem 0}
      th,td{border:1px solid var(--line);padding:.25rem .5rem;text-align:left;vertical-align:top}
      thead th{background:var(--head);position:sticky;top:0}
      .scroll{overflow-x:auto}
      .num{text-align:right;white-space:nowrap}
      .muted{color:var(--muted)}.warn{color:var(--error);font-weight:600}
      .summary{font-size:1.05rem}.pill{margin-left:.5rem;white-space:nowrap}
      .pill.pass{color:var(--pass)}.pill.fail{color:var(--fail)}.pill.error{color:var(--error)}\
      .pill.skip{color:var(--skip)}
      .runs{margin:.25rem 0;padding-left:1.25rem;color:var(--fg)}
      #filters{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;padding:.5rem;\
      border:1px solid var(--line);border-radius:6px;background:var(--head)}
      #filters fieldset{border:0;margin:0;padding:0;display:flex;gap:.5rem;align-items:center}
      #filters legend{float:left;margin-right:.25rem;font-weight:600}
      #filters .shown{margin:0 0 0 auto}
      .matrix td.cell{text-align:center;white-space:nowrap}
      .matrix th .model{display:block}.matrix th .rt{display:block;font-weight:400;\
      color:var(--muted);font-size:.85em}
      .cell-link{text-decoration:none}.cell-link.dim{opacity:.15}
      .none{color:var(--muted)}
      .legend{color:var(--muted);font-size:.9em}
      #checks tr.fail td.verdict{color:var(--fail)}#checks tr.error td.verdict{color:var(--error)}
      #checks tr.pass td.verdict{color:var(--pass)}#checks tr.skip td.verdict{color:var(--skip)}
      #checks td.verdict{white-space:nowrap;font-weight:600}
      #checks tr:target{outline:2px solid var(--fail)}
      summary{cursor:pointer}
      dl{display:grid;grid-template-columns:max-content 1fr;gap:.1rem .75rem;margin:.5rem 0}
      dt{color:var(--muted)}dd{margin:0;word-break:break-word}
      button{font:inherit;background:none;border:0;padding:0;cursor:pointer;color:inherit;\
      font-weight:700}
      [hidden]{display:none!important}
      """;

  static final String JS =
      """

      (function () {
        'use strict';
        var doc = document;
        var boxes = Array.prototype.slice.call(doc.querySelectorAll('input[name="verdict"]'));
        var runtime = doc.getElementById('f-runtime');
        var model = doc.getElementById('f-model');
        var test = doc.getElementById('f-test');
        var shown = doc.getElementById('shown');
        var sortButton = doc.getElementById('sort-duration');
        var table = doc.getElementById('checks');
        var body = table ? table.tBodies[0] : null;
        var rows = body ? Array.prototype.slice.call(body.rows) : [];
        var filtered = Array.prototype.slice.call(doc.querySelectorAll('.f'));
        var links = Array.prototype.slice.call(doc.querySelectorAll('a.cell-link'));
        var order = 'none';
        var NEXT = {none: 'desc', desc: 'asc', asc: 'none'};
        var ARIA = {none: 'none', desc: 'descending', asc: 'ascending'};

        function verdicts() {
          var set = {};
          boxes.forEach(function (b) { if (b.checked) { set[b.value] = true; } });
          return set;
        }

        function matches(el, v, r, m, q) {
          var d = el.dataset;
          if (d.verdict !== undefined && !v[d.verdict]) { return false; }
          if (r && d.runtime !== undefined && d.runtime !== r) { return false; }
          if (m && d.model !== undefined && d.model !== m) { return false; }
          if (q && d.test !== undefined && d.test.indexOf(q) < 0) { return false; }
          return true;
        }

        function apply() {
          var v = verdicts();
          var r = runtime ? runtime.value : '';
          var m = model ? model.value : '';
          var q = test ? test.value.trim().toLowerCase() : '';
          var n = 0;
          filtered.forEach(function (el) {
            var ok = matches(el, v, r, m, q);
            el.hidden = !ok;
            if (ok && el.classList.contains('check')) { n++; }
          });
          links.forEach(function (a) { a.classList.toggle('dim', !v[a.dataset.verdict]); });
          if (shown) { shown.textContent = String(n); }
        }

        function sort() {
          if (!body || !sortButton) { return; }
          var sorted = rows.slice();
          if (order !== 'none') {
            var dir = order === 'asc' ? 1 : -1;
            sorted.sort(function (a, b) {
              return (Number(a.dataset.ms) - Number(b.dataset.ms)) * dir ||
                  Number(a.dataset.index) - Number(b.dataset.index);
            });
          }
          sorted.forEach(function (row) { body.appendChild(row); });
          sortButton.dataset.sort = order;
          sortButton.parentNode.setAttribute('aria-sort', ARIA[order]);
        }

        function fromHash() {
          var hash = location.hash.slice(1);
          try { hash = decodeURIComponent(hash); } catch (e) { return; }
          if (hash.indexOf('=') < 0) {
            var target = hash ? doc.getElementById(hash) : null;
            var details = target ? target.querySelector('details') : null;
            if (details) { details.open = true; }
            return;
          }
          var params = new URLSearchParams(location.hash.slice(1));
          if (params.has('verdict')) {
            var wanted = {};
            params.get('verdict').split(',').forEach(function (x) {
              wanted[x.trim().toUpperCase()] = true;
            });
            boxes.forEach(function (b) { b.checked = !!wanted[b.value]; });
          }
          if (params.has('runtime') && runtime) { runtime.value = params.get('runtime'); }
          if (params.has('model') && model) { model.value = params.get('model'); }
          if (params.has('test') && test) { test.value = params.get('test'); }
          if (params.has('sort') && NEXT[params.get('sort')]) { order = params.get('sort'); }
        }

        boxes.forEach(function (b) { b.addEventListener('change', apply); });
        [runtime, model].forEach(function (s) { if (s) { s.addEventListener('change', apply); } });
        if (test) { test.addEventListener('input', apply); }
        if (sortButton) {
          sortButton.addEventListener('click', function () { order = NEXT[order]; sort(); });
        }
        window.addEventListener('hashchange', function () { fromHash(); apply(); sort(); });
        fromHash();
        apply();
        sort();
        doc.documentElement.setAttribute('data-ready', 'true');
      })();
      """;
}
