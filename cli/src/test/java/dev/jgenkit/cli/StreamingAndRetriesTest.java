package dev.jgenkit.cli;

import static dev.jgenkit.cli.TestModelPassesTest.test;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jgenkit.cli.FakeRuntime.Reply;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Streamed responses as the runtimes write them, and opt-in retries. */
class StreamingAndRetriesTest {
  private static final String STREAM_SPEC =
      """
      - model: fake/good
        tests:
          - name: Streamed
            stream: true
            input: {messages: [{role: user, content: [{text: stream}]}]}
            validators: [stream-text-includes:Hello Genkit]
      """;

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

  private Cli.Result run(String spec, String... extra) throws Exception {
    cli.write("spec.yaml", spec);
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
  void aFinalLineEndingWithANewlineIsStillTheResult() throws Exception {
    // given a runtime that ends its final {"result":..} line with a newline
    fake.respond(call -> {
      Reply r = Reply.answer(call, "Hello Genkit");
      return Reply.raw(200, r.body() + "\n");
    });

    // when
    Cli.Result r = run(STREAM_SPEC);

    // then
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(test(Cli.resultsJson(reports), "Streamed").path("chunkCount").asInt()).isEqualTo(2);
  }

  @Test
  void anErrorAfterSomeChunksIsAnError() throws Exception {
    // given chunks, then the runtime fails
    fake.respond(
        call ->
            Reply.raw(
                200,
                "{\"content\":[{\"text\":\"Hel\"}]}\n{\"error\":{\"code\":8,\"message\":\"quota\"}}"));

    // when
    Cli.Result r = run(STREAM_SPEC);

    // then
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    JsonNode t = test(Cli.resultsJson(reports), "Streamed");
    assertThat(t.path("verdict").asText()).isEqualTo("ERROR");
    assertThat(t.path("reason").asText()).isEqualTo("RESOURCE_EXHAUSTED: quota");
  }

  @Test
  void aStreamWithoutChunksFailsLikeThePeer() throws Exception {
    // given a runtime that ignores ?stream=true and answers with the final result only
    fake.respond(call -> Reply.raw(200, "{\"result\":" + Reply.resultJson("Hello Genkit") + "}"));

    // when
    Cli.Result r = run(STREAM_SPEC);

    // then
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    JsonNode t = test(Cli.resultsJson(reports), "Streamed");
    assertThat(t.path("verdict").asText()).isEqualTo("FAIL");
    assertThat(t.path("reason").asText()).isEqualTo("Streaming requested but no chunks received.");
  }

  @Test
  void timeToFirstChunkIsWhenTheFirstChunkArrives() throws Exception {
    // given the first chunk line at once, then the rest of the body 700 ms per line
    fake.respond(
        call -> {
          Reply full = Reply.answer(call, "Hello Genkit");
          int firstLine = full.body().indexOf('\n') + 1;
          return full.withThrottle(firstLine, Duration.ofMillis(700));
        });

    // when
    Cli.Result r = run(STREAM_SPEC);

    // then
    assertThat(r.exitCode()).as(r.toString()).isZero();
    JsonNode t = test(Cli.resultsJson(reports), "Streamed");
    assertThat(t.path("durationMillis").asLong()).isGreaterThanOrEqualTo(1_000);
    assertThat(t.path("timeToFirstChunkMillis").asLong()).isLessThan(400);
  }

  @Test
  void retriesAnUnavailableRuntimeAndReportsTheAttempts() throws Exception {
    // given a runtime that is UNAVAILABLE once, then answers
    AtomicInteger calls = new AtomicInteger();
    fake.respond(
        call ->
            calls.incrementAndGet() == 1
                ? Reply.raw(503, "{\"error\":{\"code\":14,\"message\":\"warming up\"}}")
                : Reply.answer(call, "Hello Genkit"));

    // when
    Cli.Result r = run(STREAM_SPEC.replace("stream: true", "stream: false")
        .replace("stream-text-includes", "text-includes"), "--retries", "2");

    // then
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out())
        .containsPattern("↻ fake/good / Streamed: attempt 1 failed \\(UNAVAILABLE: warming up\\), retrying in \\d+ ms")
        .containsPattern("✓ Streamed +\\S+ m?s  2 attempts");
    JsonNode t = test(Cli.resultsJson(reports), "Streamed");
    assertThat(t.path("verdict").asText()).isEqualTo("PASS");
    assertThat(t.path("attempts").asInt()).isEqualTo(2);
    assertThat(fake.runActionCalls()).hasSize(2);
  }

  @Test
  void retriesZeroMeansOneCallEvenWhenTheRuntimeSaysRetryAfterZero() throws Exception {
    // given a runtime answering 503 Retry-After: 0 once, then answering normally
    AtomicInteger calls = new AtomicInteger();
    fake.respond(
        call ->
            calls.incrementAndGet() == 1
                ? Reply.raw(503, "{\"error\":{\"code\":14,\"message\":\"warming up\"}}")
                    .withHeader("Retry-After", "0")
                : Reply.answer(call, "Hello Genkit"));

    // when
    Cli.Result r = run(STREAM_SPEC);

    // then exactly one model call, reported as the error it got
    assertThat(fake.runActionCalls()).hasSize(1);
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertThat(test(Cli.resultsJson(reports), "Streamed").path("reason").asText())
        .isEqualTo("UNAVAILABLE: warming up");
  }

  @Test
  void withoutRetriesAnUnavailableRuntimeIsAnErrorAfterOneAttempt() throws Exception {
    // given
    fake.respond(call -> Reply.error(14, "down"));

    // when
    Cli.Result r = run(STREAM_SPEC);

    // then
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertThat(fake.runActionCalls()).hasSize(1);
    assertThat(test(Cli.resultsJson(reports), "Streamed").path("reason").asText())
        .isEqualTo("UNAVAILABLE: down");
  }

  @Test
  void aNonRetryableErrorIsNotRetried() throws Exception {
    // given
    fake.respond(call -> Reply.error(3, "bad argument"));

    // when
    Cli.Result r = run(STREAM_SPEC, "--retries", "3");

    // then
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertThat(fake.runActionCalls()).hasSize(1);
    assertThat(test(Cli.resultsJson(reports), "Streamed").path("reason").asText())
        .isEqualTo("INVALID_ARGUMENT: bad argument");
  }
}
