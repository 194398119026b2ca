package dev.jgenkit.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgenkit.runners.results.RunResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * report.html in headless Chromium (Debian's {@code chromium}, or {@code -Djgenkit.chromium=PATH}),
 * offline: the page loads with no console messages at all (script errors, CSP violations and
 * blocked requests all log one), its script ran and shows the right counts, the filters read the
 * URL fragment, and a screenshot is kept under {@code target/chromium/} as a build artifact.
 * Skipped when Chromium is not installed.
 */
class HtmlReportChromiumIT {
  /** Where the pages and screenshots are kept (the module's target directory). */
  private static final Path ARTIFACTS = Path.of("target", "chromium");

  private static final Pattern CONSOLE = Pattern.compile(".*:CONSOLE[:(].*");
  private static final Pattern CHECK_ROW = Pattern.compile("<tr class=\"f check [a-z]+\"[^>]*>");
  private static final Pattern CHECK_ID = Pattern.compile("<tr class=\"f check [a-z]+\" id=\"(check-\\d+)\"");

  private static Path chromium;

  @TempDir Path tmp;

  @BeforeEach
  void findChromium() {
    String configured = System.getProperty("jgenkit.chromium", "/usr/bin/chromium");
    Path path = Path.of(configured);
    Assumptions.assumeTrue(
        Files.isExecutable(path), "Chromium not found at " + path + " (apt-get install chromium)");
    chromium = path;
  }

  @Test
  void twoRuntimeReportLoadsWithoutConsoleMessagesAndShowsTheCounts() throws Exception {
    // given
    Path page = page("report-two-runtimes.html", MultiRuntimeRuns.twoRuntimes());

    // when
    Browser run = dumpDom(page.toUri().toString());

    // then
    assertThat(run.consoleLines()).as("console messages").isEmpty();
    assertThat(run.stdout())
        .contains("data-ready=\"true\"")
        .contains("<span id=\"count-total\">15</span>")
        .contains("<span id=\"count-fail\">3</span>")
        .contains("<span id=\"shown\">15</span>");
    assertThat(visibleRows(run.stdout())).isEqualTo(15);
  }

  @Test
  void theFragmentFiltersByVerdictAndTheCountFollows() throws Exception {
    // given
    Path page = page("report-two-runtimes.html", MultiRuntimeRuns.twoRuntimes());

    // when
    Browser run = dumpDom(page.toUri() + "#verdict=FAIL,ERROR");

    // then: 3 failed + 3 errors shown, the passes' and skips' rows hidden
    assertThat(run.consoleLines()).isEmpty();
    assertThat(run.stdout()).contains("<span id=\"shown\">6</span>");
    assertThat(visibleRows(run.stdout())).isEqualTo(6);
  }

  @Test
  void theFragmentFiltersByRuntimeAndModel() throws Exception {
    // given
    Path page = page("report-two-runtimes.html", MultiRuntimeRuns.twoRuntimes());

    // when
    Browser run = dumpDom(page.toUri() + "#runtime=Genkit%201.22.0&model=reference/good");

    // then
    assertThat(run.consoleLines()).isEmpty();
    assertThat(run.stdout()).contains("<span id=\"shown\">5</span>");
  }

  @Test
  void sortsByDurationSlowestFirst() throws Exception {
    // given
    Path page = page("report.html", List.of(SampleRuns.full()));

    // when
    Browser run = dumpDom(page.toUri() + "#sort=desc");

    // then: Hang (120 s) first, then the 1.2 s stream, then Says hello (999 ms)
    assertThat(run.consoleLines()).isEmpty();
    assertThat(checkIds(run.stdout())).startsWith("check-4", "check-2", "check-6");
    assertThat(run.stdout()).contains("aria-sort=\"descending\"");
  }

  @Test
  void sampleFlowsReportLoadsWithoutConsoleMessages() throws Exception {
    // given
    Path page = page("report-sample-flows.html", List.of(SampleRuns.sampleFlows()));

    // when
    Browser run = dumpDom(page.toUri().toString());

    // then
    assertThat(run.consoleLines()).isEmpty();
    assertThat(run.stdout()).contains("data-ready=\"true\"", "<span id=\"shown\">8</span>");
  }

  @Test
  void keepsScreenshots() throws Exception {
    for (String name : List.of("report-two-runtimes", "report-sample-flows")) {
      // given
      List<RunResult> runs =
          name.equals("report-two-runtimes")
              ? MultiRuntimeRuns.twoRuntimes()
              : List.of(SampleRuns.sampleFlows());
      Path page = page(name + ".html", runs);
      Path png = ARTIFACTS.resolve(name + ".png").toAbsolutePath();
      Files.deleteIfExists(png);

      // when
      Browser run =
          chromium("--screenshot=" + png, "--window-size=1280,2000", page.toUri().toString());

      // then
      assertThat(run.consoleLines()).isEmpty();
      assertThat(png).exists();
      byte[] head = Files.readAllBytes(png);
      assertThat(head.length).isGreaterThan(10_000);
      assertThat(new String(head, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
    }
  }

  private static Path page(String name, List<RunResult> runs) throws IOException {
    Path file = ARTIFACTS.resolve(name).toAbsolutePath();
    ReportWriter.writeAtomically(file, HtmlReport.renderBytes(runs));
    return file;
  }

  private Browser dumpDom(String url) throws Exception {
    return chromium("--dump-dom", url);
  }

  /** Runs headless Chromium offline with a fresh profile; stdout and stderr to files. */
  private Browser chromium(String... args) throws Exception {
    Path profile = Files.createTempDirectory(tmp, "profile");
    Path out = Files.createTempFile(tmp, "out", ".txt");
    Path err = Files.createTempFile(tmp, "err", ".txt");
    List<String> command =
        new ArrayList<>(
            List.of(
                chromium.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--user-data-dir=" + profile,
                "--enable-logging=stderr",
                "--v=0"));
    command.addAll(List.of(args));
    Process p =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish within 120 s: " + command);
    }
    String stderr = Files.readString(err, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as("chromium exit status; stderr:%n%s", stderr).isZero();
    return new Browser(Files.readString(out, StandardCharsets.UTF_8), stderr);
  }

  private static int visibleRows(String dom) {
    Matcher m = CHECK_ROW.matcher(dom);
    int n = 0;
    while (m.find()) {
      if (!m.group().contains(" hidden")) {
        n++;
      }
    }
    return n;
  }

  private static List<String> checkIds(String dom) {
    Matcher m = CHECK_ID.matcher(dom);
    List<String> ids = new ArrayList<>();
    while (m.find()) {
      ids.add(m.group(1));
    }
    return ids;
  }

  /** What one Chromium invocation printed. */
  private record Browser(String stdout, String stderr) {
    /** Lines Chromium logs for {@code console.*} calls, uncaught errors and CSP violations. */
    List<String> consoleLines() {
      return stderr.lines().filter(l -> CONSOLE.matcher(l).matches()).toList();
    }
  }
}
