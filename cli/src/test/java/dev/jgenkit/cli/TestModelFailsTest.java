package dev.jgenkit.cli;

import static dev.jgenkit.cli.TestModelPassesTest.elements;
import static dev.jgenkit.cli.TestModelPassesTest.field;
import static dev.jgenkit.cli.TestModelPassesTest.junit;
import static dev.jgenkit.cli.TestModelPassesTest.test;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jgenkit.cli.FakeRuntime.Reply;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Exit 1: a validator rejected a response (FAIL) or a test could not be judged (ERROR). */
class TestModelFailsTest {
  private static final String SPEC =
      """
      - model: fake/good
        tests:
          - name: Hello
            input:
              messages:
                - role: user
                  content:
                    - text: hello
            validators:
              - text-includes:genkit
          - name: Banana
            input:
              messages:
                - role: user
                  content:
                    - text: banana please
            validators:
              - text-includes:banana
      """;

  @TempDir Path dir;
  @TempDir Path reports;

  private FakeRuntime fake;
  private Cli cli;

  @BeforeEach
  void start() throws Exception {
    fake = FakeRuntime.start();
    cli = Cli.in(dir);
    cli.write("spec.yaml", SPEC);
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  private Cli.Result run(String... extra) {
    String[] base = {
      "test-model", "--from-file", "spec.yaml", "--runtime-url", fake.url(),
      "--report-dir", reports.toString()
    };
    String[] args = new String[base.length + extra.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    return cli.run(args);
  }

  @Test
  void aRejectedResponseIsAFailAndExitsOne() throws Exception {
    // given the model never talks about bananas (the default answer)

    // when
    Cli.Result r = run();

    // then
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertThat(r.err()).isEmpty();
    assertThat(r.out())
        .containsPattern("✓ Hello +\\d")
        .containsPattern(
            "✗ Banana +\\d+ ms  Response text does not include 'banana'\\. Text: RESPONSE: Hello Genkit")
        .contains("1 passed, 1 failed, 0 errors, 0 skipped");

    JsonNode json = Cli.resultsJson(reports);
    assertThat(field(json, "verdict")).containsExactly("PASS", "FAIL");
    assertThat(test(json, "Banana").path("reason").asText())
        .isEqualTo("Response text does not include 'banana'. Text: RESPONSE: Hello Genkit");

    Document xml = junit(reports);
    assertThat(xml.getDocumentElement().getAttribute("failures")).isEqualTo("1");
    Element failure = elements(xml.getElementsByTagName("failure")).get(0);
    assertThat(failure.getAttribute("type")).isEqualTo("ValidationFailure");
    assertThat(failure.getAttribute("message")).contains("does not include 'banana'");
    assertThat(((Element) failure.getParentNode()).getAttribute("name")).isEqualTo("Banana");
  }

  @Test
  void aRuntimeErrorIsAnErrorAndExitsOne() throws Exception {
    // given the runtime fails the banana request with an INTERNAL error in the body
    fake.respond(
        call ->
            call.lastUserText().contains("banana")
                ? Reply.error(13, "boom")
                : Reply.answer(call, "Hello Genkit"));

    // when
    Cli.Result r = run();

    // then
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertThat(r.out())
        .containsPattern("! Banana +\\d+ ms  INTERNAL: boom")
        .contains("1 passed, 0 failed, 1 error, 0 skipped");

    JsonNode json = Cli.resultsJson(reports);
    assertThat(field(json, "verdict")).containsExactly("PASS", "ERROR");
    assertThat(json.path("summary").path("errored").asInt()).isEqualTo(1);
    assertThat(test(json, "Banana").path("reason").asText()).isEqualTo("INTERNAL: boom");

    Document xml = junit(reports);
    assertThat(xml.getDocumentElement().getAttribute("errors")).isEqualTo("1");
    Element error = elements(xml.getElementsByTagName("error")).get(0);
    assertThat(error.getAttribute("type")).isEqualTo("ExecutionError");
    assertThat(error.getAttribute("message")).contains("INTERNAL: boom");
  }

  @Test
  void anHttpErrorWithAGenkitErrorBodyIsAnError() throws Exception {
    // given a runtime answering 500 with the error in the body (the JS runtime's way)
    fake.respond(call -> Reply.raw(500, "{\"error\":{\"code\":13,\"message\":\"kaput\"}}"));

    // when
    Cli.Result r = run();

    // then
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    JsonNode json = Cli.resultsJson(reports);
    assertThat(field(json, "verdict")).containsExactly("ERROR", "ERROR");
    assertThat(test(json, "Hello").path("reason").asText()).contains("kaput");
  }

  @Test
  void aTimeoutCancelsTheActionWithTheEarlyTraceIdAndIsAnError() throws Exception {
    // given the banana answer starts (headers with the trace id) but its body takes 5 s
    fake.respond(
        call ->
            call.lastUserText().contains("banana")
                ? Reply.answer(call, "banana")
                    .withTraceId("trace-slow-1")
                    .withBodyDelay(Duration.ofSeconds(5))
                : Reply.answer(call, "Hello Genkit"));

    // when
    long started = System.nanoTime();
    Cli.Result r = run("--timeout", "0.5");
    long tookMillis = (System.nanoTime() - started) / 1_000_000;

    // then the test errored on the deadline, and jgenkit told the runtime to stop the action
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertThat(tookMillis).as("the 5 s body was not awaited").isLessThan(4_500);
    JsonNode banana = test(Cli.resultsJson(reports), "Banana");
    assertThat(banana.path("verdict").asText()).isEqualTo("ERROR");
    assertThat(banana.path("reason").asText())
        .contains("timed out after 0.5 s")
        .contains("cancelled")
        .contains("trace-slow-1");
    assertThat(banana.path("traceId").asText()).isEqualTo("trace-slow-1");
    assertThat(fake.cancelActionBodies()).hasSize(1);
    JsonNode cancel = FakeRuntime.MAPPER.readTree(fake.cancelActionBodies().get(0));
    assertThat(cancel.path("traceId").asText()).isEqualTo("trace-slow-1");
    assertThat(r.out()).containsPattern("! Banana +\\S+ m?s  runAction /model/fake/good timed out after 0\\.5 s");
    assertThat(test(Cli.resultsJson(reports), "Hello").path("verdict").asText()).isEqualTo("PASS");
  }

  @Test
  void aTimeoutWithoutATraceIdSaysTheActionCouldNotBeCancelled() throws Exception {
    // given a runtime that sends no trace id header and a body that never comes in time
    fake.respond(
        call ->
            Reply.answer(call, "late")
                .withoutHeader("X-Genkit-Trace-Id")
                .withBodyDelay(Duration.ofSeconds(5)));

    // when
    Cli.Result r = run("--timeout", "0.3");

    // then
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    JsonNode json = Cli.resultsJson(reports);
    assertThat(field(json, "verdict")).containsExactly("ERROR", "ERROR");
    assertThat(test(json, "Hello").path("reason").asText())
        .contains("timed out after 0.3 s")
        .contains("no trace id");
    assertThat(fake.cancelActionBodies()).isEmpty();
  }

  @Test
  void timeoutReasonsDoNotDependOnTheDefaultLocale() throws Exception {
    // given
    fake.respond(
        call -> Reply.answer(call, "late").withBodyDelay(Duration.ofSeconds(5)));
    Locale saved = Locale.getDefault();
    Cli.Result r;
    try {
      Locale.setDefault(Locale.GERMANY);

      // when
      r = run("--timeout", "0.5");
    } finally {
      Locale.setDefault(saved);
    }

    // then
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertThat(test(Cli.resultsJson(reports), "Hello").path("reason").asText())
        .contains("timed out after 0.5 s");
  }

  @Test
  void anUnwritableReportDirectoryIsAUsageErrorBeforeAnythingRuns() throws Exception {
    // given a file where the report directory should be
    Path notADir = cli.write("reports", "I am a file");

    // when
    Cli.Result r =
        cli.run("test-model", "--from-file", "spec.yaml", "--runtime-url", fake.url(),
            "--report-dir", "reports");

    // then nothing was sent, exit 2, and the problem names the directory and the cause
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(fake.runActionCalls()).isEmpty();
    assertThat(r.err()).contains("--report-dir " + notADir + " is not a writable directory (FileAlreadyExistsException");
    assertThat(r.err()).doesNotContain("at dev.jgenkit");
  }

  @Test
  void aTestTheMetadataDeclaresUnsupportedStillRunsAndItsFailureSaysSo() throws Exception {
    // given a spec asking for tool requests from a model whose metadata says tools: false
    cli.write("spec.yaml", "- model: fake/good\n  supports: [tool-request]\n");

    // when
    Cli.Result r = run("--supports", "auto");

    // then
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    JsonNode t = test(Cli.resultsJson(reports), "Tool Request Conformance");
    assertThat(t.path("verdict").asText()).isEqualTo("FAIL");
    assertThat(t.path("declaredUnsupported").asText()).isEqualTo("supports.tools: false");
    assertThat(t.path("reason").asText())
        .startsWith("[model metadata declares supports.tools: false] Model did not return a tool request.");
    assertThat(r.out()).contains("✗ Tool Request Conformance").contains("[model metadata declares supports.tools: false]");
    assertThat(fake.runActionCalls()).hasSize(1);
  }

  @Test
  void aResponseThatIsNotAGenerateResponseFails() throws Exception {
    // given a result whose message content is a string, not a list of parts
    fake.respond(
        call -> Reply.raw(200, "{\"result\":{\"message\":{\"role\":\"model\",\"content\":\"hi\"}}}"));

    // when
    Cli.Result r = run();

    // then
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    JsonNode t = test(Cli.resultsJson(reports), "Hello");
    assertThat(t.path("verdict").asText()).isEqualTo("FAIL");
    assertThat(t.path("reason").asText())
        .startsWith("Response is not a GenerateResponse: $.message.content");
  }

  @Test
  void invalidJsonFromTheRuntimeIsAnError() throws Exception {
    // given
    fake.respond(call -> Reply.raw(200, "<html>oops</html>"));

    // when
    Cli.Result r = run();

    // then
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    JsonNode t = test(Cli.resultsJson(reports), "Hello");
    assertThat(t.path("verdict").asText()).isEqualTo("ERROR");
    assertThat(t.path("reason").asText()).contains("invalid JSON from the runtime: <html>oops</html>");
  }

  @Test
  void anUnknownValidatorNameInASpecIsRejectedBeforeRunning() throws Exception {
    // given (a spec problem, not a test failure: exit 2 and nothing sent)
    cli.write(
        "spec.yaml",
        """
        - model: fake/good
          tests:
            - name: Hello
              input: {messages: [{role: user, content: [{text: hi}]}]}
              validators: [text-inclueds:hi]
        """);

    // when
    Cli.Result r = run();

    // then
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).contains("text-inclueds").contains("text-includes");
    assertThat(fake.requestCount()).isZero();
  }
}
