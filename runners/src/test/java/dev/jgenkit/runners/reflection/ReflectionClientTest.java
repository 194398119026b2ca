package dev.jgenkit.runners.reflection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReflectionClientTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final OkHttpClient HTTP = ReflectionClient.defaultHttpClient();
  private static final Duration T = Duration.ofSeconds(5);

  private MockWebServer server;
  private ReflectionClient client;

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.start();
    client = new ReflectionClient(HTTP, server.url("/").toString());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static JsonNode json(String s) throws Exception {
    return MAPPER.readTree(s);
  }

  @Test
  void runActionPostsKeyThenInputAndReadsResultTraceAndVersion() throws Exception {
    server.enqueue(new MockResponse.Builder()
        .addHeader("X-Genkit-Trace-Id", "trace-1")
        .addHeader("X-Genkit-Version", "1.42.0")
        .body("{\"result\":{\"message\":{\"role\":\"model\",\"content\":[{\"text\":\"hi\"}]}},\"telemetry\":{\"traceId\":\"trace-1\"}}")
        .build());
    List<String> early = new ArrayList<>();

    ActionResponse r = client.runAction("/model/m", json("{\"messages\":[],\"z\":1,\"a\":2}"), false, T,
        new CallObserver() {
          @Override
          public void traceId(String traceId) {
            early.add(traceId);
          }
        });

    RecordedRequest req = server.takeRequest(1, TimeUnit.SECONDS);
    assertThat(req.getUrl().encodedPath()).isEqualTo("/api/runAction");
    assertThat(req.getUrl().queryParameter("stream")).isNull();
    assertThat(req.getBody().utf8()).isEqualTo("{\"key\":\"/model/m\",\"input\":{\"messages\":[],\"z\":1,\"a\":2}}");
    assertThat(req.getHeaders().get("Content-Type")).startsWith("application/json");
    assertThat(r.result().path("message").path("content").path(0).path("text").asText()).isEqualTo("hi");
    assertThat(r.traceId()).contains("trace-1");
    assertThat(r.genkitVersion()).contains("1.42.0");
    assertThat(early).containsExactly("trace-1");
    assertThat(r.chunks()).isEmpty();
  }

  @Test
  void preparingCallsSendsNothingAndLeavesTheClientWorking() throws Exception {
    ReflectionClient.prepareCalls(HTTP, server.url("/").toString());
    server.enqueue(new MockResponse.Builder().body("OK").build());

    assertThat(client.health(java.util.Optional.empty(), T)).isTrue();
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(server.takeRequest(1, TimeUnit.SECONDS).getUrl().encodedPath()).isEqualTo("/api/__health");
  }

  @Test
  void traceIdFallsBackToHeaderWhenBodyHasNoTelemetry() throws Exception {
    server.enqueue(new MockResponse.Builder().addHeader("X-Genkit-Trace-Id", "h").body("{\"result\":1}").build());

    ActionResponse r = client.runAction("/flow/f", json("{}"), false, T, CallObserver.NONE);

    assertThat(r.traceId()).contains("h");
  }

  @Test
  void streamingParsesNdjsonChunksAndFinalLineWithoutNewline() throws Exception {
    String body = "{\"content\":[{\"text\":\"Hel\"}]}\n{\"content\":[{\"text\":\"lo\"}]}\n"
        + "{\"result\":{\"message\":{\"role\":\"model\",\"content\":[{\"text\":\"Hello\"}]}},\"telemetry\":{\"traceId\":\"t\"}}";
    server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/plain").chunkedBody(body, 7).build());
    List<String> seen = new ArrayList<>();

    ActionResponse r = client.runAction("/model/m", json("{}"), true, T, new CallObserver() {
      @Override
      public void chunk(JsonNode chunk) {
        seen.add(chunk.path("content").path(0).path("text").asText());
      }
    });

    assertThat(server.takeRequest().getUrl().queryParameter("stream")).isEqualTo("true");
    assertThat(seen).containsExactly("Hel", "lo");
    assertThat(r.chunks()).hasSize(2);
    assertThat(r.timeToFirstChunkMillis()).isPresent();
    assertThat(r.result().path("message").path("content").path(0).path("text").asText()).isEqualTo("Hello");
    assertThat(r.traceId()).contains("t");
  }

  @Test
  void streamingAcceptsAFinalLineThatEndsWithANewline() throws Exception {
    server.enqueue(new MockResponse.Builder()
        .body("{\"content\":[{\"text\":\"a\"}]}\n{\"result\":{\"x\":1}}\n").build());

    ActionResponse r = client.runAction("/model/m", json("{}"), true, T, CallObserver.NONE);

    assertThat(r.chunks()).hasSize(1);
    assertThat(r.result().path("x").asInt()).isEqualTo(1);
  }

  @Test
  void streamedErrorOnTheFinalLineIsARuntimeError() throws Exception {
    server.enqueue(new MockResponse.Builder().body(
        "{\"content\":[{\"text\":\"a\"}]}\n{\"error\":{\"code\":14,\"message\":\"try later\",\"details\":{\"stack\":\"Error: try later\\n at x\"}}}").build());

    assertThatThrownBy(() -> client.runAction("/model/m", json("{}"), true, T, CallObserver.NONE))
        .isInstanceOfSatisfying(ReflectionException.class, e -> {
          assertThat(e.kind()).isEqualTo(ReflectionException.Kind.RUNTIME_ERROR);
          assertThat(e.status()).contains(GrpcStatus.UNAVAILABLE);
          assertThat(e.getMessage()).isEqualTo("UNAVAILABLE: try later");
          assertThat(e.stack()).hasValueSatisfying(s -> assertThat(s).startsWith("Error: try later"));
          assertThat(e.retryable()).isTrue();
        });
  }

  @Test
  void jsErrorIn200BodyIsARuntimeErrorWithGrpcCode() throws Exception {
    server.enqueue(new MockResponse.Builder().body("{\"error\":{\"code\":13,\"message\":\"boom\",\"details\":{\"stack\":\"s\"}}}").build());

    assertThatThrownBy(() -> client.runAction("/model/m", json("{}"), false, T, CallObserver.NONE))
        .isInstanceOfSatisfying(ReflectionException.class, e -> {
          assertThat(e.status()).contains(GrpcStatus.INTERNAL);
          assertThat(e.httpStatus()).hasValue(200);
          assertThat(e.retryable()).isFalse();
        });
  }

  @Test
  void goErrorCarriesAnHttpStatusInCode() throws Exception {
    server.enqueue(new MockResponse.Builder().body("{\"error\":{\"code\":503,\"message\":\"overloaded\"}}").build());

    assertThatThrownBy(() -> client.runAction("/model/m", json("{}"), false, T, CallObserver.NONE))
        .isInstanceOfSatisfying(ReflectionException.class, e -> {
          assertThat(e.status()).contains(GrpcStatus.UNAVAILABLE);
          assertThat(e.retryable()).isTrue();
        });
  }

  @Test
  void jsUnknownKeyIs404Text() throws Exception {
    server.enqueue(new MockResponse.Builder().code(404).body("action /model/nope not found").build());

    assertThatThrownBy(() -> client.runAction("/model/nope", json("{}"), false, T, CallObserver.NONE))
        .isInstanceOfSatisfying(ReflectionException.class, e -> {
          assertThat(e.kind()).isEqualTo(ReflectionException.Kind.HTTP_ERROR);
          assertThat(e.getMessage()).isEqualTo("HTTP 404: action /model/nope not found");
          assertThat(e.status()).contains(GrpcStatus.NOT_FOUND);
        });
  }

  @Test
  void pythonUnknownKeyIs404JsonWithStringError() throws Exception {
    server.enqueue(new MockResponse.Builder().code(404).body("{\"error\":\"Action not found: /model/nope\"}").build());

    assertThatThrownBy(() -> client.runAction("/model/nope", json("{}"), false, T, CallObserver.NONE))
        .isInstanceOfSatisfying(ReflectionException.class, e ->
            assertThat(e.getMessage()).isEqualTo("HTTP 404: Action not found: /model/nope"));
  }

  @Test
  void http429CarriesRetryAfterAndIsRetryable() throws Exception {
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "2").body("slow down").build());

    assertThatThrownBy(() -> client.runAction("/model/m", json("{}"), false, T, CallObserver.NONE))
        .isInstanceOfSatisfying(ReflectionException.class, e -> {
          assertThat(e.retryable()).isTrue();
          assertThat(e.retryAfter()).contains("2");
        });
  }

  @Test
  void garbageBodyIsAProtocolError() throws Exception {
    server.enqueue(new MockResponse.Builder().body("<html>oops</html>").build());

    assertThatThrownBy(() -> client.runAction("/model/m", json("{}"), false, T, CallObserver.NONE))
        .isInstanceOfSatisfying(ReflectionException.class, e -> {
          assertThat(e.kind()).isEqualTo(ReflectionException.Kind.PROTOCOL);
          assertThat(e.getMessage()).contains("invalid JSON").contains("<html>oops</html>");
        });
  }

  @Test
  void streamWithoutFinalLineIsAProtocolError() throws Exception {
    server.enqueue(new MockResponse.Builder().body("{\"content\":[{\"text\":\"a\"}]}\n").build());

    assertThatThrownBy(() -> client.runAction("/model/m", json("{}"), true, T, CallObserver.NONE))
        .isInstanceOfSatisfying(ReflectionException.class, e -> assertThat(e.kind()).isEqualTo(ReflectionException.Kind.PROTOCOL));
  }

  @Test
  void timeoutDeliversTheEarlyTraceIdAndIsNotRetryable() throws Exception {
    server.enqueue(new MockResponse.Builder().addHeader("X-Genkit-Trace-Id", "slow-trace")
        .body("{\"result\":1}").bodyDelay(3, TimeUnit.SECONDS).build());
    List<String> early = new ArrayList<>();

    assertThatThrownBy(() -> client.runAction("/model/m", json("{}"), false, Duration.ofMillis(300),
        new CallObserver() {
          @Override
          public void traceId(String traceId) {
            early.add(traceId);
          }
        }))
        .isInstanceOfSatisfying(ReflectionException.class, e -> {
          assertThat(e.kind()).isEqualTo(ReflectionException.Kind.TIMEOUT);
          assertThat(e.getMessage()).isEqualTo("runAction /model/m timed out after 0.3 s");
          assertThat(e.retryable()).isFalse();
        });
    assertThat(early).containsExactly("slow-trace");
  }

  @Test
  void cancelActionPostsTraceIdAndReports404AsAlreadyFinished() throws Exception {
    server.enqueue(new MockResponse.Builder().body("{\"message\":\"Action cancelled\"}").build());
    server.enqueue(new MockResponse.Builder().code(404).body("{\"message\":\"Action not found or already completed\"}").build());

    assertThat(client.cancelAction("abc", T)).isTrue();
    assertThat(client.cancelAction("abc", T)).isFalse();
    RecordedRequest req = server.takeRequest();
    assertThat(req.getUrl().encodedPath()).isEqualTo("/api/cancelAction");
    assertThat(req.getBody().utf8()).isEqualTo("{\"traceId\":\"abc\"}");
  }

  @Test
  void healthSendsTheRuntimeIdAndFailsOn503() throws Exception {
    server.enqueue(new MockResponse.Builder().body("OK").build());
    server.enqueue(new MockResponse.Builder().code(503).body("Invalid runtime ID").build());

    assertThat(client.health(Optional.of("123-3100"), T)).isTrue();
    assertThat(client.health(Optional.of("other"), T)).isFalse();
    assertThat(server.takeRequest().getUrl().queryParameter("id")).isEqualTo("123-3100");
  }

  @Test
  void healthIsFalseWhenNothingListens() {
    ReflectionClient dead = new ReflectionClient(HTTP, "http://127.0.0.1:1");

    assertThat(dead.health(Optional.empty(), Duration.ofSeconds(1))).isFalse();
  }

  @Test
  void listActionsReturnsTheKeyMap() throws Exception {
    server.enqueue(new MockResponse.Builder().body("{\"/model/a\":{\"key\":\"/model/a\"}}").build());

    assertThat(client.listActions(T).has("/model/a")).isTrue();
  }
}
