package dev.jgenkit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A fake Genkit runtime for CLI tests: a {@link MockWebServer} speaking the reflection API v1
 * ({@code GET /api/__health}, {@code GET /api/actions}, {@code POST /api/runAction[?stream=true]},
 * {@code POST /api/cancelAction}) and recording what it was sent.
 *
 * <p>By default it lists one model, {@code /model/fake/good} (multiturn and system role supported,
 * no tools, no media, text output only), and answers every {@code runAction} with {@code RESPONSE:
 * Hello Genkit} (finish reason {@code stop}; streamed as two chunks when {@code ?stream=true}),
 * with an {@code X-Genkit-Trace-Id} header derived from the request body so that repeated runs see
 * the same trace ids. {@link #respond(Responder)} replaces the answer per request.
 */
final class FakeRuntime implements AutoCloseable {
  static final ObjectMapper MAPPER = new ObjectMapper();

  /** The default model's action key. */
  static final String GOOD_KEY = "/model/fake/good";

  /** {@code /api/actions} with the one default model. */
  static final String GOOD_ACTIONS =
      "{\"/model/fake/good\":{\"key\":\"/model/fake/good\",\"name\":\"fake/good\","
          + "\"metadata\":{\"model\":{\"supports\":{\"multiturn\":true,\"tools\":false,"
          + "\"media\":false,\"systemRole\":true,\"output\":[\"text\"]}}}}}";

  /** What the default model says. */
  static final String DEFAULT_ANSWER = "RESPONSE: Hello Genkit";

  /** One {@code POST /api/runAction} as received. */
  record ActionCall(String key, JsonNode input, boolean stream, String body) {
    /** The text of the last user message's first part, or empty. */
    String lastUserText() {
      JsonNode messages = input.path("messages");
      for (int i = messages.size() - 1; i >= 0; i--) {
        JsonNode m = messages.get(i);
        if ("user".equals(m.path("role").asText())) {
          return m.path("content").path(0).path("text").asText("");
        }
      }
      return "";
    }
  }

  /** Decides the reply to one {@code runAction}; called on MockWebServer's threads. */
  @FunctionalInterface
  interface Responder {
    Reply respond(ActionCall call);
  }

  /** An HTTP reply to a {@code runAction}, immutable; the {@code with*} methods return copies. */
  static final class Reply {
    private final int status;
    private final String body;
    private final Map<String, String> headers;
    private final Duration headersDelay;
    private final Duration bodyDelay;
    private final long throttleBytes;
    private final Duration throttlePeriod;

    private Reply(
        int status,
        String body,
        Map<String, String> headers,
        Duration headersDelay,
        Duration bodyDelay,
        long throttleBytes,
        Duration throttlePeriod) {
      this.status = status;
      this.body = Objects.requireNonNull(body, "body");
      this.headers = new LinkedHashMap<>(headers);
      this.headersDelay = headersDelay;
      this.bodyDelay = bodyDelay;
      this.throttleBytes = throttleBytes;
      this.throttlePeriod = throttlePeriod;
    }

    /** A reply with this status and exactly this body. */
    static Reply raw(int status, String body) {
      return new Reply(status, body, Map.of(), Duration.ZERO, Duration.ZERO, 0, Duration.ZERO);
    }

    String body() {
      return body;
    }

    /**
     * The model says {@code text}: {@code {"result":{message,finishReason:"stop"}}}, or when the
     * call streams, the text split into two NDJSON chunks and then the final {@code {"result":..}}
     * line without a trailing newline, as the JS runtime writes it.
     */
    static Reply answer(ActionCall call, String text) {
      String result = resultJson(text);
      if (!call.stream()) {
        return raw(200, "{\"result\":" + result + "}").withTraceId(traceIdFor(call));
      }
      int cut = Math.max(1, text.length() / 2);
      StringBuilder sb = new StringBuilder();
      for (String part : List.of(text.substring(0, cut), text.substring(cut))) {
        ObjectNode chunk = JsonNodeFactory.instance.objectNode();
        chunk.put("index", 0);
        chunk.put("role", "model");
        chunk.putArray("content").addObject().put("text", part);
        sb.append(chunk).append('\n');
      }
      sb.append("{\"result\":").append(result).append('}');
      return raw(200, sb.toString()).withTraceId(traceIdFor(call));
    }

    /** The model's result object (a GenerateResponse) answering {@code text}. */
    static String resultJson(String text) {
      ObjectNode result = JsonNodeFactory.instance.objectNode();
      ObjectNode message = result.putObject("message");
      message.put("role", "model");
      ArrayNode content = message.putArray("content");
      content.addObject().put("text", text);
      result.put("finishReason", "stop");
      return result.toString();
    }

    /** The runtime reports an error in a 200 body: {@code {"error":{"code":..,"message":..}}}. */
    static Reply error(int grpcCode, String message) {
      ObjectNode err = JsonNodeFactory.instance.objectNode();
      err.putObject("error").put("code", grpcCode).put("message", message);
      return raw(200, err.toString());
    }

    Reply withHeader(String name, String value) {
      Map<String, String> h = new LinkedHashMap<>(headers);
      h.put(name, value);
      return new Reply(status, body, h, headersDelay, bodyDelay, throttleBytes, throttlePeriod);
    }

    Reply withTraceId(String traceId) {
      return withHeader("X-Genkit-Trace-Id", traceId);
    }

    Reply withoutHeader(String name) {
      Map<String, String> h = new LinkedHashMap<>(headers);
      h.remove(name);
      return new Reply(status, body, h, headersDelay, bodyDelay, throttleBytes, throttlePeriod);
    }

    /** Sends the status line and headers at once, then waits this long before the body. */
    Reply withBodyDelay(Duration delay) {
      return new Reply(status, body, headers, headersDelay, delay, throttleBytes, throttlePeriod);
    }

    /** Waits this long before sending anything. */
    Reply withHeadersDelay(Duration delay) {
      return new Reply(status, body, headers, delay, bodyDelay, throttleBytes, throttlePeriod);
    }

    /**
     * Sends the body {@code bytes} at a time, pausing {@code period} after each piece (the first
     * piece goes out at once), e.g. to let the first stream chunk arrive well before the rest.
     */
    Reply withThrottle(long bytes, Duration period) {
      return new Reply(status, body, headers, headersDelay, bodyDelay, bytes, period);
    }

    MockResponse toMockResponse() {
      MockResponse.Builder b = new MockResponse.Builder().code(status);
      b.addHeader("Content-Type", "application/json");
      headers.forEach(b::addHeader);
      if (!headersDelay.isZero()) {
        b.headersDelay(headersDelay.toMillis(), TimeUnit.MILLISECONDS);
      }
      if (!bodyDelay.isZero()) {
        b.bodyDelay(bodyDelay.toMillis(), TimeUnit.MILLISECONDS);
      }
      if (throttleBytes > 0) {
        b.throttleBody(throttleBytes, throttlePeriod.toMillis(), TimeUnit.MILLISECONDS);
      }
      return b.body(body).build();
    }
  }

  private final MockWebServer server = new MockWebServer();
  private final List<ActionCall> calls = new CopyOnWriteArrayList<>();
  private final List<String> cancels = new CopyOnWriteArrayList<>();
  private final List<String> requestLines = new CopyOnWriteArrayList<>();
  private volatile String actions = GOOD_ACTIONS;
  private volatile Responder responder = call -> Reply.answer(call, DEFAULT_ANSWER);

  private FakeRuntime() {}

  /** Starts a fake runtime on a free local port. */
  static FakeRuntime start() throws IOException {
    FakeRuntime fake = new FakeRuntime();
    fake.server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return fake.dispatch(request);
          }
        });
    fake.server.start();
    return fake;
  }

  /** Replaces the {@code /api/actions} document. */
  FakeRuntime actions(String json) {
    this.actions = json;
    return this;
  }

  /** Replaces how {@code runAction} is answered. */
  FakeRuntime respond(Responder responder) {
    this.responder = responder;
    return this;
  }

  /** The reflection server URL, e.g. {@code http://127.0.0.1:51234}, without a trailing slash. */
  String url() {
    String s = server.url("/").toString();
    return s.substring(0, s.length() - 1);
  }

  int port() {
    return server.getPort();
  }

  /** Every request received, of any kind. */
  int requestCount() {
    return server.getRequestCount();
  }

  /** {@code METHOD /path?query} of every request, in arrival order. */
  List<String> requestLines() {
    return List.copyOf(requestLines);
  }

  /** The {@code runAction} calls, in arrival order. */
  List<ActionCall> runActionCalls() {
    return List.copyOf(calls);
  }

  /** The bodies of {@code cancelAction} requests, in arrival order. */
  List<String> cancelActionBodies() {
    return List.copyOf(cancels);
  }

  private MockResponse dispatch(RecordedRequest r) {
    String path = r.getUrl().encodedPath();
    String query = r.getUrl().encodedQuery();
    requestLines.add(r.getMethod() + " " + path + (query == null ? "" : "?" + query));
    String body = r.getBody() == null ? "" : r.getBody().utf8();
    switch (r.getMethod() + " " + path) {
      case "GET /api/__health":
        return new MockResponse.Builder().code(200).body("OK").build();
      case "GET /api/actions":
        return json(200, actions);
      case "POST /api/runAction":
        return runAction(body, "true".equals(r.getUrl().queryParameter("stream")));
      case "POST /api/cancelAction":
        cancels.add(body);
        return json(200, "{\"message\":\"Action cancelled\"}");
      default:
        return new MockResponse.Builder().code(404).body("Cannot " + r.getMethod() + " " + path).build();
    }
  }

  private MockResponse runAction(String body, boolean stream) {
    JsonNode node;
    try {
      node = MAPPER.readTree(body);
    } catch (IOException e) {
      return json(400, "{\"error\":{\"code\":3,\"message\":\"bad JSON\"}}");
    }
    ActionCall call = new ActionCall(node.path("key").asText(), node.path("input"), stream, body);
    calls.add(call);
    try {
      return responder.respond(call).toMockResponse();
    } catch (RuntimeException e) {
      ObjectNode err = JsonNodeFactory.instance.objectNode();
      err.putObject("error").put("code", 13).put("message", "fake responder failed: " + e);
      return json(500, err.toString());
    }
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .addHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  /** A trace id that depends only on the request, so runs are repeatable. */
  static String traceIdFor(ActionCall call) {
    try {
      byte[] d =
          MessageDigest.getInstance("SHA-256")
              .digest((call.stream() + call.body()).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
