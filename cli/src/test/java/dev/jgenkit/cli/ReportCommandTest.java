package dev.jgenkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jgenkit.cli.FakeRuntime.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jgenkit report render|merge|diff} on results.json files written by real runs. */
class ReportCommandTest {
  @TempDir Path dir;

  private FakeRuntime fake;
  private Cli cli;

  @BeforeEach
  void runTwice() throws Exception {
    fake = FakeRuntime.start();
    cli = Cli.in(dir);
    cli.write("spec.yaml", "- model: fake/good\n  supports: [multiturn, system-role]\n");
    // baseline: both pass; current: system-role errors
    assertThat(cli.run("test-model", "--from-file", "spec.yaml", "--runtime-url", fake.url(),
        "--report-dir", "base").exitCode()).isZero();
    fake.respond(call -> call.body().contains("IMPORTANT") ? Reply.error(13, "boom") : Reply.answer(call, "RESPONSE: Hello Genkit"));
    assertThat(cli.run("test-model", "--from-file", "spec.yaml", "--runtime-url", fake.url(),
        "--report-dir", "cur").exitCode()).isEqualTo(1);
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void everyRunAppendsOneJsonLinePerCheck() throws Exception {
    assertThat(Files.readAllLines(dir.resolve("cur/results.jsonl")))
        .hasSize(2)
        .allSatisfy(l -> assertThat(l).startsWith("{\"index\":"));
  }

  @Test
  void diffListsTheRegressionAndFailsOnItWhenAsked() {
    Cli.Result plain = cli.run("report", "diff", "base/results.json", "cur/results.json");
    Cli.Result strict = cli.run("report", "diff", "base/results.json", "cur/results.json", "--fail-on-regression");
    Cli.Result same = cli.run("report", "diff", "base/results.json", "base/results.json", "--fail-on-regression");

    assertThat(plain.exitCode()).isZero();
    assertThat(plain.out()).startsWith("New failures (1)\n  fake/good › System Role Conformance  PASS → ERROR  INTERNAL: boom");
    assertThat(strict.exitCode()).isEqualTo(1);
    assertThat(same.exitCode()).isZero();
    assertThat(same.out()).startsWith("No changes");
  }

  @Test
  void mergeJoinsShardsIntoOneReport() throws Exception {
    Cli.Result r = cli.run("report", "merge", "base/results.json", "cur/results.json", "-o", "merged");

    assertThat(r.exitCode()).isEqualTo(1);
    JsonNode merged = Cli.resultsJson(dir.resolve("merged"));
    assertThat(merged.at("/summary/total").asInt()).isEqualTo(4);
    assertThat(merged.at("/summary/errored").asInt()).isEqualTo(1);
    assertThat(dir.resolve("merged/junit.xml")).exists();
  }

  @Test
  void renderRewritesTheViewsOfAResultsFile() throws Exception {
    Cli.Result r = cli.run("report", "render", "cur/results.json", "-o", "again", "--format", "json,junit");

    assertThat(r.exitCode()).isZero();
    assertThat(Files.readString(dir.resolve("again/results.json")))
        .isEqualTo(Files.readString(dir.resolve("cur/results.json")));
    assertThat(Files.readString(dir.resolve("again/junit.xml"))).contains("INTERNAL: boom");
  }

  @Test
  void badInputIsAUsageError() throws Exception {
    cli.write("garbage.json", "{\"schemaVersion\": 2}");

    Cli.Result missing = cli.run("report", "diff", "nope.json", "cur/results.json");
    Cli.Result garbage = cli.run("report", "render", "garbage.json");
    Cli.Result format = cli.run("report", "render", "cur/results.json", "--format", "pdf");

    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("nope.json: no such file");
    assertThat(garbage.exitCode()).isEqualTo(2);
    assertThat(garbage.err()).contains("does not match results.schema.json");
    assertThat(format.exitCode()).isEqualTo(2);
    assertThat(format.err()).contains("unknown format 'pdf'");
  }

  @Test
  void onGitHubActionsFailuresBecomeAnnotationsAndTheReportJoinsTheJobSummary() throws Exception {
    // given
    Path summary = cli.write("summary.md", "# earlier step\n");
    Cli gh = cli.withTerminal(false, java.util.Map.of("GITHUB_ACTIONS", "true", "GITHUB_STEP_SUMMARY", summary.toString()));

    // when
    Cli.Result r = gh.run("test-model", "--from-file", "spec.yaml", "--runtime-url", fake.url(), "--report-dir", "gh");

    // then
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).contains("::error ").contains("System Role Conformance").contains("INTERNAL: boom");
    assertThat(Files.readString(summary)).startsWith("# earlier step\n").contains("`system-role` | 💥");
    assertThat(dir.resolve("gh/report.md")).exists();
    assertThat(dir.resolve("gh/report.html")).exists();
  }

  @Test
  void renderWritesTheMarkdownAndHtmlViewsToo() throws Exception {
    Cli.Result r = cli.run("report", "render", "cur/results.json", "-o", "views");

    assertThat(r.exitCode()).isZero();
    assertThat(Files.readString(dir.resolve("views/report.md"))).contains("fake/good");
    assertThat(Files.readString(dir.resolve("views/report.html"))).contains("<html");
  }
}
