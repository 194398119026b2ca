package dev.jgenkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit 3: the runtime cannot be reached, found, or does not register the spec's models. */
class RuntimeUnavailableTest {
  @TempDir Path dir;
  @TempDir Path reports;

  @Test
  void nothingListensAtTheRuntimeUrl() throws Exception {
    // given
    Cli cli = Cli.in(dir);

    // when
    Cli.Result r =
        cli.run("test-model", "fake/good", "--runtime-url", "http://127.0.0.1:1",
            "--report-dir", reports.toString());

    // then
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
    assertThat(r.err())
        .contains("jgenkit: no Genkit runtime answers at http://127.0.0.1:1/api/__health")
        .doesNotContain("at dev.jgenkit");
    // the reports are complete all the same: every planned test an ERROR saying why
    JsonNode results = new ObjectMapper().readTree(reports.resolve("results.json").toFile());
    assertThat(results.get("tests")).hasSize(9).allSatisfy(t -> {
      assertThat(t.get("verdict").asText()).isEqualTo("ERROR");
      assertThat(t.get("reason").asText())
          .isEqualTo("runtime unavailable: no Genkit runtime answers at http://127.0.0.1:1/api/__health");
    });
    assertThat(results.at("/runtime/url").asText()).isEqualTo("http://127.0.0.1:1");
    assertThat(java.nio.file.Files.readString(reports.resolve("junit.xml"))).contains("errors=\"9\"");
  }

  @Test
  void attachModeWithoutAnyRuntimeFileSaysHowToStartOne() throws Exception {
    // given a project with no .genkit/runtimes and no --runtime-url
    Cli cli = Cli.in(dir);

    // when
    Cli.Result r = cli.run("test-model", "fake/good", "--report-dir", reports.toString());

    // then
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
    assertThat(r.err())
        .contains("no running Genkit runtime found in " + dir.resolve(".genkit").resolve("runtimes"))
        .contains("GENKIT_ENV=dev")
        .contains("--runtime-url")
        .doesNotContain("at dev.jgenkit");
  }

  @Test
  void attachModeIgnoresARuntimeFileWhoseServerIsGone() throws Exception {
    // given a stale runtime file (dead pid, nothing listening)
    Cli cli = Cli.in(dir);
    cli.write(
        ".genkit/runtimes/1-2.json",
        "{\"id\":\"1\",\"pid\":999999999,\"reflectionServerUrl\":\"http://127.0.0.1:1\","
            + "\"timestamp\":\"2025-01-01T00:00:00.000Z\"}");

    // when
    Cli.Result r = cli.run("test-model", "fake/good", "--report-dir", reports.toString());

    // then
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
    assertThat(r.err()).contains("no running Genkit runtime found");
    assertThat(dir.resolve(".genkit/runtimes/1-2.json")).as("never deleted").exists();
  }

  @Test
  void aRuntimeFileWithAMalformedUrlIsSkippedNotACrash() throws Exception {
    // given a runtime file whose URL has no scheme
    Cli cli = Cli.in(dir);
    cli.write(
        ".genkit/runtimes/1-2.json",
        "{\"id\":\"1\",\"pid\":999999999,\"reflectionServerUrl\":\"localhost:3100\","
            + "\"timestamp\":\"2025-01-01T00:00:00.000Z\"}");

    // when
    Cli.Result r = cli.run("test-model", "fake/good", "--report-dir", reports.toString());

    // then it is ignored like any unusable runtime file
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
    assertThat(r.err()).contains("no running Genkit runtime found").doesNotContain("internal error");
  }

  @Test
  void aSpecModelTheRuntimeNeverRegistersIsNamed() throws Exception {
    // given a runtime that only has fake/good, and a spec that also wants fake/missing
    try (FakeRuntime fake = FakeRuntime.start()) {
      Cli cli = Cli.in(dir);
      cli.write(
          "spec.yaml",
          """
          - model: fake/good
            supports: [multiturn]
          - model: fake/missing
            supports: [multiturn]
          """);

      // when
      long started = System.nanoTime();
      Cli.Result r =
          cli.run("test-model", "--from-file", "spec.yaml", "--runtime-url", fake.url(),
              "--startup-timeout", "1", "--report-dir", reports.toString());
      long tookMillis = (System.nanoTime() - started) / 1_000_000;

      // then
      assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
      assertThat(r.err())
          .contains("did not register 1 action(s) within 1 s: /model/fake/missing")
          .doesNotContain("/model/fake/good")
          .doesNotContain("at dev.jgenkit");
      assertThat(tookMillis).isBetween(900L, 5_000L);
      assertThat(fake.runActionCalls()).as("nothing ran").isEmpty();
      JsonNode results = new ObjectMapper().readTree(reports.resolve("results.json").toFile());
      assertThat(results.get("tests")).isNotEmpty().allSatisfy(t -> {
        assertThat(t.get("verdict").asText()).isEqualTo("ERROR");
        assertThat(t.get("reason").asText()).startsWith("runtime unavailable: ")
            .contains("/model/fake/missing");
      });
    }
  }

  @Test
  void aSubSecondStartupTimeoutIsReportedAsGiven() throws Exception {
    // given
    try (FakeRuntime fake = FakeRuntime.start()) {
      Cli cli = Cli.in(dir);
      cli.write("spec.yaml", "- model: fake/missing\n  supports: [multiturn]\n");

      // when
      Cli.Result r =
          cli.run("test-model", "--from-file", "spec.yaml", "--runtime-url", fake.url(),
              "--startup-timeout", "0.5", "--report-dir", reports.toString());

      // then
      assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
      assertThat(r.err()).contains("within 0.5 s: /model/fake/missing");
    }
  }

  @Test
  void stacktraceShowsWhereARuntimeErrorCameFrom() throws Exception {
    // given
    Cli cli = Cli.in(dir);

    // when
    Cli.Result r =
        cli.run("test-model", "fake/good", "--runtime-url", "http://127.0.0.1:1", "--stacktrace",
            "--report-dir", reports.toString());

    // then
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
    assertThat(r.err())
        .startsWith("jgenkit: no Genkit runtime answers at http://127.0.0.1:1/api/__health")
        .contains("at dev.jgenkit.");
  }
}
