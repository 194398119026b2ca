package dev.jgenkit.runners.exec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jgenkit.runners.plan.PlannedTest;
import dev.jgenkit.runners.reflection.ReflectionClient;
import dev.jgenkit.runners.results.TestResult;
import dev.jgenkit.runners.results.Verdict;
import dev.jgenkit.specs.Location;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code --idle-timeout}: a stream that stops sending is cancelled at the idle bound, long before
 * the per-test timeout; a stream that keeps sending, however slowly it starts, is not.
 */
class IdleTimeoutTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String CHUNK = "{\"content\":[{\"text\":\"Hello \"}]}\n";
  private static final String FINAL =
      "{\"result\":{\"message\":{\"role\":\"model\",\"content\":[{\"text\":\"Hello Genkit\"}]},"
          + "\"finishReason\":\"stop\"},\"telemetry\":{\"traceId\":\"trace-1\"}}";

  private MockWebServer server;
  private final List<String> cancelled = Collections.synchronizedList(new ArrayList<>());
  /** Ends a stall early when the test is over, so the server thread can stop. */
  private final CountDownLatch over = new CountDownLatch(1);

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
  }

  @AfterEach
  void stop() {
    over.countDown();
    server.close();
  }

  /** A chunked NDJSON stream of {@code chunks} lines and the final one, with the given pauses. */
  private void serve(long firstPauseMs, int chunks, long pauseMs, long stallAfterFirstMs) throws Exception {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest r) {
        if (r.getUrl().encodedPath().equals("/api/cancelAction")) {
          cancelled.add(r.getBody().utf8());
          return new MockResponse.Builder().body("{\"message\":\"Action cancelled\"}").build();
        }
        return new MockResponse.Builder()
            .addHeader("X-Genkit-Trace-Id", "trace-1")
            .addHeader("Transfer-Encoding", "chunked")
            .body(new MockResponseBody() {
              @Override
              public long getContentLength() {
                return -1;
              }

              @Override
              public void writeTo(BufferedSink sink) throws IOException {
                try {
                  sink.flush();
                  pause(firstPauseMs);
                  for (int i = 0; i < chunks; i++) {
                    if (i == 1) {
                      pause(stallAfterFirstMs);
                    } else if (i > 1) {
                      pause(pauseMs);
                    }
                    frame(sink, CHUNK);
                  }
                  if (chunks == 1) {
                    pause(stallAfterFirstMs);
                  }
                  frame(sink, FINAL);
                  sink.writeUtf8("0\r\n\r\n").flush();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }
            })
            .build();
      }
    });
    server.start();
  }

  private void pause(long ms) throws InterruptedException {
    over.await(ms, TimeUnit.MILLISECONDS);
  }

  private static void frame(BufferedSink sink, String data) throws IOException {
    byte[] b = data.getBytes(StandardCharsets.UTF_8);
    sink.writeUtf8(Integer.toHexString(b.length) + "\r\n").write(b).writeUtf8("\r\n").flush();
  }

  private TestResult run(Duration timeout, Duration idle) throws Exception {
    ReflectionClient client = new ReflectionClient(ReflectionClient.defaultHttpClient(), server.url("/").toString());
    ExecutionOptions opts = new ExecutionOptions(1, timeout, 0, Duration.ofMillis(1), Duration.ofMillis(50), idle);
    ObjectNode input = MAPPER.createObjectNode();
    input.putArray("messages");
    PlannedTest test = new PlannedTest(0, 0, "m", "/model/m", "streamed", Optional.empty(), input,
        List.of("stream-text-includes:Hello"), true, Optional.empty(), Optional.empty(),
        new Location(Path.of("s.yaml"), 1, 1));
    return new TestExecutor(client, opts, RunListener.NONE).run(List.of(test)).get(0);
  }

  @Test
  void aStreamThatStallsAfterItsFirstChunkIsCancelledAtTheIdleBoundNotAtTheTimeout() throws Exception {
    serve(0, 1, 0, 60_000);
    long start = System.nanoTime();

    TestResult r = run(Duration.ofSeconds(60), Duration.ofSeconds(1));

    assertThat(r.verdict()).isEqualTo(Verdict.ERROR);
    assertThat(r.reason()).isEqualTo(
        "runAction /model/m: stream idle for 1 s (no data since chunk 1); action cancelled (trace trace-1)");
    assertThat(cancelled).containsExactly("{\"traceId\":\"trace-1\"}");
    // Generous "does not hang" bound, far below the 60 s per-test timeout.
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
  }

  @Test
  void steadyChunksSlowerThanInstantButFasterThanTheIdleBoundPass() throws Exception {
    serve(0, 6, 300, 300);

    TestResult r = run(Duration.ofSeconds(60), Duration.ofSeconds(2));

    assertThat(r.reason()).as("reason").isIn((Object) null, "");
    assertThat(r.verdict()).isEqualTo(Verdict.PASS);
    assertThat(r.chunkCount()).isEqualTo(6);
    assertThat(cancelled).isEmpty();
  }

  @Test
  void theWaitForTheFirstChunkIsTheModelsLatencyNotIdleness() throws Exception {
    serve(1_500, 2, 100, 100);

    TestResult r = run(Duration.ofSeconds(60), Duration.ofMillis(500));

    assertThat(r.verdict()).isEqualTo(Verdict.PASS);
    assertThat(r.chunkCount()).isEqualTo(2);
  }

  @Test
  void zeroTurnsTheIdleBoundOff() throws Exception {
    serve(0, 2, 0, 1_500);

    TestResult r = run(Duration.ofSeconds(60), Duration.ZERO);

    assertThat(r.verdict()).isEqualTo(Verdict.PASS);
    assertThat(r.chunkCount()).isEqualTo(2);
  }
}
