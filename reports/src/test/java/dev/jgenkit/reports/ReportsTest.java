package dev.jgenkit.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportsTest {
  @Test
  void writesEveryFileReport(@TempDir Path tmp) throws Exception {
    // given
    Path dir = tmp.resolve("reports");

    // when
    List<Path> written = Reports.writeAll(dir, SampleRuns.full());

    // then
    assertThat(written)
        .containsExactly(
            dir.resolve("results.json"),
            dir.resolve("junit.xml"),
            dir.resolve("report.md"),
            dir.resolve("report.html"));
    assertThat(dir.resolve("report.md"))
        .hasContent(MarkdownReport.render(List.of(SampleRuns.full())));
    assertThat(dir.resolve("report.html"))
        .hasContent(HtmlReport.render(List.of(SampleRuns.full())));
    try (var files = Files.list(dir)) {
      assertThat(files).hasSize(4); // no temporary files left behind
    }
  }

  @Test
  void aViewThatCannotBeWrittenFailsTheWholeWriteWithItsIOException(@TempDir Path tmp) throws Exception {
    // given: report.html cannot be replaced (a non-empty directory of that name)
    Path dir = tmp.resolve("reports");
    Files.createDirectories(dir.resolve("report.html").resolve("x"));

    // when / then: the views are written on their own thread; its failure reaches the caller
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Reports.writeAll(dir, SampleRuns.full()))
        .isInstanceOf(java.io.IOException.class)
        .hasMessageContaining("report.html");
    assertThat(dir.resolve("results.json")).exists();
    assertThat(dir.resolve("junit.xml")).exists();
    assertThat(dir.resolve("report.md")).exists();
  }

  @Test
  void appendsTheMarkdownToTheJobSummaryWhenGitHubNamesOne(@TempDir Path tmp) throws Exception {
    // given: an earlier step already wrote to the summary
    Path summary = tmp.resolve("step_summary.md");
    Files.writeString(summary, "# Build\nok");
    Map<String, String> env = Map.of(Reports.STEP_SUMMARY_ENV, summary.toString());

    // when
    Reports.writeAll(tmp.resolve("r"), SampleRuns.full(), env);

    // then
    assertThat(Files.readString(summary, StandardCharsets.UTF_8))
        .isEqualTo("# Build\nok\n" + MarkdownReport.render(List.of(SampleRuns.full())));
  }

  @Test
  void createsTheJobSummaryWhenMissing(@TempDir Path tmp) throws Exception {
    // given
    Path summary = tmp.resolve("summary.md");

    // when
    Reports.writeViews(
        tmp.resolve("r"),
        MultiRuntimeRuns.twoRuntimes(),
        Map.of(Reports.STEP_SUMMARY_ENV, summary.toString()));

    // then
    assertThat(summary).hasContent(MarkdownReport.render(MultiRuntimeRuns.twoRuntimes()));
  }

  @Test
  void leavesTheJobSummaryAloneOutsideGitHub(@TempDir Path tmp) throws Exception {
    // when
    boolean appended =
        Reports.appendStepSummary(Map.of(Reports.STEP_SUMMARY_ENV, " "), new byte[] {'x'});
    Reports.writeAll(tmp.resolve("r"), SampleRuns.full(), Map.of());

    // then
    assertThat(appended).isFalse();
    try (var files = Files.list(tmp)) {
      assertThat(files).containsExactly(tmp.resolve("r"));
    }
  }
}
