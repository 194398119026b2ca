package dev.jgenkit.cli;

import static dev.jgenkit.cli.TestModelPassesTest.test;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jgenkit.cli.FakeRuntime.Reply;
import dev.jgenkit.reports.Redaction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Values of secret-named environment variables never reach stdout, stderr or the reports. */
class SecretMaskingTest {
  private static final String SECRET = "sk-live-0123456789abcdef";

  @TempDir Path dir;
  @TempDir Path reports;

  private FakeRuntime fake;
  private Cli cli;

  @BeforeEach
  void start() throws Exception {
    fake = FakeRuntime.start();
    cli = Cli.in(dir).withTerminal(false, Map.of("GOOGLE_API_KEY", SECRET, "HOME", "/home/x"));
  }

  @AfterEach
  void stop() {
    fake.close();
    // Redaction keeps the registered secrets in a static; leave none behind for other tests
    Redaction.maskSecretsFrom(Map.of());
  }

  @Test
  void aSecretEchoedByTheRuntimeIsMaskedEverywhere() throws Exception {
    // given a runtime that puts the API key into an error and into an answer
    cli.write(
        "spec.yaml",
        """
        - model: fake/good
          tests:
            - name: Leaky error
              input: {messages: [{role: user, content: [{text: error}]}]}
              validators: [text-not-empty]
            - name: Leaky answer
              input: {messages: [{role: user, content: [{text: answer}]}]}
              validators: [text-includes:banana]
        """);
    fake.respond(
        call ->
            call.lastUserText().equals("error")
                ? Reply.error(16, "API key " + SECRET + " is invalid")
                : Reply.answer(call, "your key is " + SECRET));

    // when
    Cli.Result tree =
        cli.run("test-model", "--from-file", "spec.yaml", "--runtime-url", fake.url(),
            "--report-dir", reports.toString());
    Cli.Result peer =
        cli.run("test-model", "--from-file", "spec.yaml", "--runtime-url", fake.url(),
            "--report-dir", reports.toString(), "--peer-output");

    // then
    assertThat(tree.exitCode()).as(tree.toString()).isEqualTo(1);
    assertThat(tree.out()).contains("UNAUTHENTICATED: API key *** is invalid").doesNotContain(SECRET);
    assertThat(peer.out()).contains("your key is ***").doesNotContain(SECRET);
    assertThat(Files.readString(reports.resolve("results.json"))).doesNotContain(SECRET);
    assertThat(Files.readString(reports.resolve("junit.xml"))).doesNotContain(SECRET);
    assertThat(test(Cli.resultsJson(reports), "Leaky error").path("reason").asText())
        .isEqualTo("UNAUTHENTICATED: API key *** is invalid");
  }

  @Test
  void shortOrInnocentlyNamedValuesAreLeftAlone() throws Exception {
    // given /home/x (HOME) appears in an answer
    cli.write(
        "spec.yaml",
        """
        - model: fake/good
          tests:
            - name: Home
              input: {messages: [{role: user, content: [{text: hi}]}]}
              validators: [text-includes:banana]
        """);
    fake.respond(call -> Reply.answer(call, "home is /home/x"));

    // when
    Cli.Result r =
        cli.run("test-model", "--from-file", "spec.yaml", "--runtime-url", fake.url(),
            "--report-dir", reports.toString());

    // then
    assertThat(r.out()).contains("Text: home is /home/x");
  }

  @Test
  void aSecretInTheRuntimeCommandIsMaskedOnStdout() throws Exception {
    // when (the command does not exist: the run stops at exit 3 after printing what it starts)
    Cli.Result r =
        cli.run("test-model", "fake/good", "--report-dir", reports.toString(), "--startup-timeout", "2",
            "--", "jgenkit-no-such-program", "--api-key", SECRET);

    // then
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
    assertThat(r.err()).doesNotContain(SECRET);
    assertThat(r.out()).doesNotContain(SECRET);
  }
}
