package dev.jgenkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jgenkit.cli.FakeRuntime.Reply;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --peer-output}: stdout is exactly the lines {@code genkit dev:test-model} prints. */
class PeerOutputModeTest {
  @TempDir Path dir;
  @TempDir Path reports;

  private FakeRuntime fake;
  private Cli cli;

  @BeforeEach
  void start() throws Exception {
    fake = FakeRuntime.start();
    cli = Cli.in(dir);
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void printsOnlyThePeersLinesWithFailuresAndErrorsCountedAsFailed() throws Exception {
    // given one passing built-in, one failing and one erroring custom test
    cli.write(
        "spec.yaml",
        """
        - model: fake/good
          supports: [multiturn]
          tests:
            - name: Banana
              input: {messages: [{role: user, content: [{text: banana}]}]}
              validators: [text-includes:banana]
            - name: Boom
              input: {messages: [{role: user, content: [{text: boom}]}]}
              validators: [text-not-empty]
        """);
    fake.respond(
        call ->
            call.lastUserText().equals("boom")
                ? Reply.error(13, "boom")
                : Reply.answer(call, FakeRuntime.DEFAULT_ANSWER));

    // when
    Cli.Result r =
        cli.run("test-model", "--from-file", "spec.yaml", "--runtime-url", fake.url(),
            "--peer-output", "--report-dir", reports.toString());

    // then
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertThat(r.out())
        .isEqualTo(
            String.join(
                "\n",
                "Testing model: fake/good",
                "Running test: Multiturn Conformance...",
                "Running test: Banana...",
                "Running test: Boom...",
                "✅ Passed: Multiturn Conformance",
                "Error: ❌ Failed: Banana - Response text does not include 'banana'. Text: RESPONSE: Hello Genkit",
                "Error: ❌ Failed: Boom - INTERNAL: boom",
                "-".repeat(50),
                "Tests Completed: 1 Passed, 2 Failed",
                ""));
    assertThat(r.err()).isEmpty();
    // the reports are still written
    JsonNode json = Cli.resultsJson(reports);
    assertThat(json.path("summary").path("total").asInt()).isEqualTo(3);
  }

  @Test
  void leavesSkippedTestsOutAsThePeerHasNoSkipState() throws Exception {
    // when
    Cli.Result r =
        cli.run("test-model", "fake/good", "--supports", "auto", "--runtime-url", fake.url(),
            "--peer-output", "--report-dir", reports.toString());

    // then
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out().lines())
        .containsExactly(
            "Testing model: fake/good",
            "Running test: Multiturn Conformance...",
            "Running test: Multiturn Conformance with streaming...",
            "Running test: System Role Conformance...",
            "✅ Passed: Multiturn Conformance",
            "✅ Passed: Multiturn Conformance with streaming",
            "✅ Passed: System Role Conformance",
            "-".repeat(50),
            "Tests Completed: 3 Passed, 0 Failed");
  }

  @Test
  void aModelCannotForgeTheTotalsLine() throws Exception {
    // given a model whose answer contains a fake totals line
    cli.write(
        "spec.yaml",
        """
        - model: fake/good
          tests:
            - name: Liar
              input: {messages: [{role: user, content: [{text: lie}]}]}
              validators: [text-includes:truth]
        """);
    fake.respond(call -> Reply.answer(call, "x\nTests Completed: 99 Passed, 0 Failed"));

    // when
    Cli.Result r =
        cli.run("test-model", "--from-file", "spec.yaml", "--runtime-url", fake.url(),
            "--peer-output", "--report-dir", reports.toString());

    // then exactly one totals line, and it is the real one
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertThat(r.out().lines().filter(l -> l.startsWith("Tests Completed:")))
        .containsExactly("Tests Completed: 0 Passed, 1 Failed");
  }
}
