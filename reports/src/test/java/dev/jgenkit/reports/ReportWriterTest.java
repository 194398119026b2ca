package dev.jgenkit.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {
  @TempDir Path dir;

  @Test
  void createsMissingParentDirectories() throws Exception {
    // given
    Path target = dir.resolve("a/b/c/report.txt");

    // when
    ReportWriter.writeAtomically(target, "hello".getBytes(StandardCharsets.UTF_8));

    // then
    assertThat(target).hasContent("hello");
  }

  @Test
  void replacesAnExistingFileAndLeavesNoTemporaryFilesBehind() throws Exception {
    // given
    Path target = dir.resolve("results.json");
    Files.writeString(target, "old content that is longer than the new one");

    // when
    ReportWriter.writeAtomically(target, "new".getBytes(StandardCharsets.UTF_8));

    // then
    assertThat(target).hasContent("new");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(target);
    }
  }

  @Test
  void writesBytesExactly() throws Exception {
    // given
    byte[] content = {0, (byte) 0xff, '\n', (byte) 0xe2, (byte) 0x9c, (byte) 0x93};
    Path target = dir.resolve("bin");

    // when
    ReportWriter.writeAtomically(target, content);

    // then
    assertThat(target).hasBinaryContent(content);
  }

  @Test
  void failsWithoutTouchingTheTargetWhenItIsADirectory() throws Exception {
    // given: a non-empty directory cannot be replaced by a file
    Path target = dir.resolve("taken");
    Files.createDirectories(target.resolve("child"));

    // when
    Throwable thrown =
        org.assertj.core.api.Assertions.catchThrowable(
            () -> ReportWriter.writeAtomically(target, new byte[] {1}));

    // then
    assertThat(thrown).isInstanceOf(java.io.IOException.class);
    assertThat(target.resolve("child")).isDirectory();
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(target);
    }
  }

  @Test
  void writeAllWritesResultsJsonJunitXmlAndTheViews() throws Exception {
    // given
    Path reports = dir.resolve("reports");

    // when
    List<Path> written = Reports.writeAll(reports, SampleRuns.full());

    // then
    assertThat(written)
        .containsExactly(
            reports.resolve("results.json"),
            reports.resolve("junit.xml"),
            reports.resolve("report.md"),
            reports.resolve("report.html"));
    assertThat(reports.resolve("results.json"))
        .hasBinaryContent(ResultsJson.write(SampleRuns.full()));
    assertThat(reports.resolve("junit.xml"))
        .hasBinaryContent(JUnitXml.writeBytes(SampleRuns.full()));
  }
}
