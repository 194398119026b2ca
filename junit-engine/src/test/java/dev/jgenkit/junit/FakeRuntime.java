package dev.jgenkit.junit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A fake Genkit runtime speaking the reflection API on a {@link MockWebServer}: {@code
 * fake/good} says "hello Genkit" (in two chunks when streamed), {@code fake/bad} says "nope",
 * {@code fake/broken} answers with a runtime error, {@code fake/hang} answers after 5 s, and {@code
 * fake/limited} behaves like good but its metadata declares only multiturn. It records the calls.
 */
final class FakeRuntime implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One {@code runAction} as received: the action key and whether it streamed. */
  record Call(String key, boolean stream) {}

  private final MockWebServer server = new MockWebServer();
  private final List<Call> calls = new CopyOnWriteArrayList<>();

  FakeRuntime() throws IOException {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return FakeRuntime.this.dispatch(request);
      }
    });
    server.start();
  }

  String url() {
    String u = server.url("/").toString();
    return u.substring(0, u.length() - 1);
  }

  List<Call> calls() {
    return List.copyOf(calls);
  }

  private MockResponse dispatch(RecordedRequest request) {
    String path = request.getUrl().encodedPath();
    if (path.equals("/api/__health")) {
      return new MockResponse.Builder().code(200).body("OK").build();
    }
    if (path.equals("/api/actions")) {
      return json(actions().toString());
    }
    if (path.equals("/api/cancelAction")) {
      return json("{\"message\":\"Action cancelled\"}");
    }
    if (path.equals("/api/runAction")) {
      try {
        JsonNode body = JSON.readTree(request.getBody().utf8());
        boolean stream = "true".equals(request.getUrl().queryParameter("stream"));
        String key = body.path("key").asText();
        calls.add(new Call(key, stream));
        return answer(key, stream);
      } catch (IOException e) {
        return new MockResponse.Builder().code(400).body(e.toString()).build();
      }
    }
    return new MockResponse.Builder().code(404).body("not found").build();
  }

  private static ObjectNode actions() {
    ObjectNode a = JsonNodeFactory.instance.objectNode();
    for (String m : List.of("good", "bad", "broken", "hang", "limited")) {
      ObjectNode d = a.putObject("/model/fake/" + m);
      d.put("key", "/model/fake/" + m);
      d.put("name", "fake/" + m);
      ObjectNode supports = d.putObject("metadata").putObject("model").putObject("supports");
      supports.put("multiturn", true);
      if (!m.equals("limited")) {
        supports.put("tools", true).put("systemRole", true).put("media", true);
        supports.putArray("output").add("text").add("json");
      }
    }
    return a;
  }

  private static MockResponse answer(String key, boolean stream) {
    switch (key) {
      case "/model/fake/broken":
        return json("{\"error\":{\"code\":13,\"message\":\"INTERNAL: fake/broken is broken\"}}");
      case "/model/fake/hang":
        return new MockResponse.Builder().code(200).headersDelay(5, TimeUnit.SECONDS)
            .addHeader("Content-Type", "application/json").body("{}").build();
      case "/model/fake/bad":
        return text("nope", stream);
      default:
        return text("hello Genkit", stream);
    }
  }

  private static MockResponse text(String text, boolean stream) {
    ObjectNode result = JsonNodeFactory.instance.objectNode();
    ObjectNode message = result.putObject("message");
    message.put("role", "model");
    message.putArray("content").addObject().put("text", text);
    result.put("finishReason", "stop");
    if (!stream) {
      return json("{\"result\":" + result + "}");
    }
    StringBuilder sb = new StringBuilder();
    int cut = text.length() / 2;
    for (String part : List.of(text.substring(0, cut), text.substring(cut))) {
      ObjectNode chunk = JsonNodeFactory.instance.objectNode();
      chunk.put("index", 0).put("role", "model");
      chunk.putArray("content").addObject().put("text", part);
      sb.append(chunk).append('\n');
    }
    sb.append("{\"result\":").append(result).append('}');
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "text/plain").body(sb.toString()).build();
  }

  private static MockResponse json(String body) {
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
