package dev.jgenkit.runners.exec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jgenkit.runners.plan.PlannedTest;
import dev.jgenkit.runners.reflection.ReflectionClient;
import dev.jgenkit.runners.results.TestResult;
import dev.jgenkit.runners.results.Verdict;
import dev.jgenkit.specs.Location;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TestExecutorTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String OK_BODY =
      "{\"result\":{\"message\":{\"role\":\"model\",\"content\":[{\"text\":\"Hello Genkit\"}]},"
          + "\"finishReason\":\"stop\",\"usage\":{\"inputTokens\":3,\"outputTokens\":2}},\"telemetry\":{\"traceId\":\"t\"}}";

  private MockWebServer server;
  private final List<String> cancelled = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private ReflectionClient client() throws Exception {
    server.start();
    return new ReflectionClient(ReflectionClient.defaultHttpClient(), server.url("/").toString());
  }

  private static PlannedTest test(int i, String model, List<String> validators, boolean stream) {
    ObjectNode input = MAPPER.createObjectNode();
    input.putArray("messages");
    input.put("n", i);
    return new PlannedTest(i, 0, model, "/model/" + model, "t" + i, Optional.empty(), input,
        validators, stream, Optional.empty(), Optional.empty(), new Location(Path.of("s.yaml"), 1, 1));
  }

  private static ExecutionOptions opts(int jobs, Duration timeout, int retries) {
    return new ExecutionOptions(jobs, timeout, retries, Duration.ofMillis(1), Duration.ofMillis(50));
  }

  @Test
  void resultsComeBackInPlanOrderWhateverTheCompletionOrder() throws Exception {
    // Given responses that finish in reverse order (test n waits 40*(5-n) ms)
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest r) {
        int n = Integer.parseInt(r.getBody().utf8().replaceAll(".*\"n\":(\\d+).*", "$1"));
        return new MockResponse.Builder().body(OK_BODY).headersDelay(40L * (5 - n), TimeUnit.MILLISECONDS).build();
      }
    });
    ReflectionClient c = client();
    List<PlannedTest> plan = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      plan.add(test(i, "m", List.of("text-includes:genkit"), false));
    }
    List<Integer> completion = Collections.synchronizedList(new ArrayList<>());

    // When they run 6 at a time and 1 at a time
    List<TestResult> wide = new TestExecutor(c, opts(6, Duration.ofSeconds(5), 0), new RunListener() {
      @Override
      public void testFinished(TestResult r) {
        completion.add(r.test().index());
      }
    }).run(plan);
    List<TestResult> narrow = new TestExecutor(c, opts(1, Duration.ofSeconds(5), 0), RunListener.NONE).run(plan);

    // Then both are in plan order with the same verdicts, though completion order differed
    assertThat(wide).extracting(r -> r.test().index()).containsExactly(0, 1, 2, 3, 4, 5);
    assertThat(completion).isNotEqualTo(List.of(0, 1, 2, 3, 4, 5));
    assertThat(wide).extracting(TestResult::verdict).containsOnly(Verdict.PASS);
    assertThat(narrow).extracting(TestResult::verdict).isEqualTo(wide.stream().map(TestResult::verdict).toList());
    assertThat(wide.get(0).usage()).isPresent();
    assertThat(wide.get(0).finishReason()).contains("stop");
    assertThat(wide.get(0).traceId()).contains("t");
  }

  @Test
  void aRejectingValidatorIsAFailWithItsMessage() throws Exception {
    server.enqueue(new MockResponse.Builder().body(OK_BODY).build());

    List<TestResult> r = new TestExecutor(client(), opts(1, Duration.ofSeconds(5), 0), RunListener.NONE)
        .run(List.of(test(0, "m", List.of("text-includes:banana"), false)));

    assertThat(r.get(0).verdict()).isEqualTo(Verdict.FAIL);
    assertThat(r.get(0).reason()).isEqualTo("Response text does not include 'banana'. Text: Hello Genkit");
  }

  @Test
  void theResponseIsKeptForAFailureAndNotForAPass() throws Exception {
    server.enqueue(new MockResponse.Builder().body(OK_BODY).build());
    server.enqueue(new MockResponse.Builder().body(OK_BODY).build());

    List<TestResult> r = new TestExecutor(client(), opts(1, Duration.ofSeconds(5), 0), RunListener.NONE)
        .run(List.of(test(0, "m", List.of("text-includes:banana"), false),
            test(1, "m", List.of("text-includes:genkit"), false)));

    assertThat(r.get(0).verdict()).isEqualTo(Verdict.FAIL);
    assertThat(r.get(0).response()).hasValueSatisfying(
        resp -> assertThat(resp.at("/message/content/0/text").asText()).isEqualTo("Hello Genkit"));
    assertThat(r.get(1).verdict()).isEqualTo(Verdict.PASS);
    assertThat(r.get(1).response()).isEmpty();
  }

  @Test
  void anUnknownValidatorIsAnError() throws Exception {
    server.enqueue(new MockResponse.Builder().body(OK_BODY).build());

    List<TestResult> r = new TestExecutor(client(), opts(1, Duration.ofSeconds(5), 0), RunListener.NONE)
        .run(List.of(test(0, "m", List.of("no-such-check"), false)));

    assertThat(r.get(0).verdict()).isEqualTo(Verdict.ERROR);
    assertThat(r.get(0).reason()).isEqualTo("Unknown validator: no-such-check");
  }

  @Test
  void aStreamWithoutChunksFailsBeforeAnyValidator() throws Exception {
    server.enqueue(new MockResponse.Builder().body(OK_BODY).build());

    List<TestResult> r = new TestExecutor(client(), opts(1, Duration.ofSeconds(5), 0), RunListener.NONE)
        .run(List.of(test(0, "m", List.of(), true)));

    assertThat(r.get(0).verdict()).isEqualTo(Verdict.FAIL);
    assertThat(r.get(0).reason()).isEqualTo("Streaming requested but no chunks received.");
  }

  @Test
  void retryableErrorsAreRetriedOnlyWhenAskedAndAttemptsAreRecorded() throws Exception {
    String unavailable = "{\"error\":{\"code\":14,\"message\":\"busy\"}}";
    server.enqueue(new MockResponse.Builder().body(unavailable).build());
    server.enqueue(new MockResponse.Builder().body(OK_BODY).build());
    server.enqueue(new MockResponse.Builder().body(unavailable).build());
    ReflectionClient c = client();
    AtomicInteger retries = new AtomicInteger();

    TestResult withRetry = new TestExecutor(c, opts(1, Duration.ofSeconds(5), 2), new RunListener() {
      @Override
      public void testRetrying(PlannedTest t, int attempt, String reason, long delay) {
        retries.incrementAndGet();
      }
    }).run(List.of(test(0, "m", List.of(), false))).get(0);
    TestResult noRetry = new TestExecutor(c, opts(1, Duration.ofSeconds(5), 0), RunListener.NONE)
        .run(List.of(test(0, "m", List.of(), false))).get(0);

    assertThat(withRetry.verdict()).isEqualTo(Verdict.PASS);
    assertThat(withRetry.attempts()).isEqualTo(2);
    assertThat(retries).hasValue(1);
    assertThat(noRetry.verdict()).isEqualTo(Verdict.ERROR);
    assertThat(noRetry.attempts()).isEqualTo(1);
    assertThat(noRetry.reason()).isEqualTo("UNAVAILABLE: busy");
  }

  @Test
  void nonRetryableErrorsAreNotRetried() throws Exception {
    server.enqueue(new MockResponse.Builder().body("{\"error\":{\"code\":13,\"message\":\"bug\"}}").build());

    TestResult r = new TestExecutor(client(), opts(1, Duration.ofSeconds(5), 3), RunListener.NONE)
        .run(List.of(test(0, "m", List.of(), false))).get(0);

    assertThat(r.verdict()).isEqualTo(Verdict.ERROR);
    assertThat(r.attempts()).isEqualTo(1);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aTimeoutCancelsTheActionWithTheEarlyTraceIdAndTheRunGoesOn() throws Exception {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest r) {
        if (r.getUrl().encodedPath().equals("/api/cancelAction")) {
          cancelled.add(r.getBody().utf8());
          return new MockResponse.Builder().body("{\"message\":\"Action cancelled\"}").build();
        }
        if (r.getBody().utf8().contains("/model/hang")) {
          return new MockResponse.Builder().addHeader("X-Genkit-Trace-Id", "hang-trace")
              .body("{\"result\":{}}").bodyDelay(10, TimeUnit.SECONDS).build();
        }
        return new MockResponse.Builder().body(OK_BODY).build();
      }
    });
    long start = System.nanoTime();

    List<TestResult> r = new TestExecutor(client(), opts(2, Duration.ofMillis(500), 1), RunListener.NONE)
        .run(List.of(test(0, "hang", List.of(), false), test(1, "ok", List.of(), false)));

    assertThat(r.get(0).verdict()).isEqualTo(Verdict.ERROR);
    assertThat(r.get(0).reason()).startsWith("runAction /model/hang timed out after 0.5 s; action cancelled (trace hang-trace)");
    assertThat(r.get(0).attempts()).isEqualTo(1);
    assertThat(r.get(1).verdict()).isEqualTo(Verdict.PASS);
    assertThat(cancelled).containsExactly("{\"traceId\":\"hang-trace\"}");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void skippedTestsAreNeverSent() throws Exception {
    PlannedTest t = test(0, "m", List.of(), false);
    PlannedTest skipped = new PlannedTest(0, 0, "m", "/model/m", "x", Optional.of("tool-request"), t.input(),
        List.of(), false, Optional.of("model metadata declares supports.tools: false"), Optional.empty(), t.location());

    List<TestResult> r = new TestExecutor(client(), opts(1, Duration.ofSeconds(1), 0), RunListener.NONE).run(List.of(skipped));

    assertThat(r.get(0).verdict()).isEqualTo(Verdict.SKIP);
    assertThat(r.get(0).reason()).isEqualTo("model metadata declares supports.tools: false");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void retryAfterIsParsedAsSecondsOrHttpDate() {
    assertThat(TestExecutor.retryAfterMillis("2")).contains(2000L);
    assertThat(TestExecutor.retryAfterMillis("0.5")).contains(500L);
    assertThat(TestExecutor.retryAfterMillis("soon")).isEmpty();
  }

  private static PlannedTest flow(String name, String outputSchema, List<String> validators) throws Exception {
    return new PlannedTest(0, 0, "sample", "/flow/" + name, name, Optional.empty(),
        MAPPER.readTree("{\"q\":1}"), validators, false, Optional.empty(), Optional.empty(),
        new Location(Path.of("s.yaml"), 1, 1), PlannedTest.Kind.SAMPLE_FLOW, java.util.OptionalInt.of(1),
        outputSchema == null ? Optional.empty() : Optional.of(MAPPER.readTree(outputSchema)));
  }

  @Test
  void aFlowPassesWhenItsOutputMatchesItsSchemaAndValidatorsJudgeItsText() throws Exception {
    server.enqueue(new MockResponse.Builder().body("{\"result\":\"hello banana\"}").build());
    server.enqueue(new MockResponse.Builder().body("{\"result\":{\"count\":\"three\"}}").build());
    server.enqueue(new MockResponse.Builder().body("{\"result\":\"x\"}").build());
    ReflectionClient c = client();

    TestResult pass = new TestExecutor(c, opts(1, Duration.ofSeconds(5), 0), RunListener.NONE)
        .run(List.of(flow("a", "{\"type\":\"string\"}", List.of("text-includes:banana")))).get(0);
    TestResult bad = new TestExecutor(c, opts(1, Duration.ofSeconds(5), 0), RunListener.NONE)
        .run(List.of(flow("b", "{\"type\":\"object\",\"properties\":{\"count\":{\"type\":\"number\"}}}", List.of()))).get(0);
    TestResult unusable = new TestExecutor(c, opts(1, Duration.ofSeconds(5), 0), RunListener.NONE)
        .run(List.of(flow("c", "{\"type\":\"string\",\"pattern\":\"\\\\p{Extended_Pictographic}\"}", List.of()))).get(0);

    assertThat(pass.verdict()).isEqualTo(Verdict.PASS);
    assertThat(bad.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(bad.reason()).startsWith("Flow output does not match its outputSchema: $.count");
    assertThat(unusable.verdict()).isEqualTo(Verdict.ERROR);
    assertThat(unusable.reason()).startsWith("the flow's outputSchema cannot be used");
  }
}
