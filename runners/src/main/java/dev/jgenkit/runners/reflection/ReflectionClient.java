package dev.jgenkit.runners.reflection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jgenkit.specs.JsonTrees;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.ConnectionSpec;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * Client for Genkit's reflection API v1 (HTTP, the runtime is the server). Speaks to JS, Go and
 * Python runtimes: errors in 200 bodies, JS 404 text, Python 404 JSON, Go's HTTP-status codes.
 *
 * <p>Thread-safe; one instance per runtime, sharing one {@link OkHttpClient}.
 */
public final class ReflectionClient {
  private static final MediaType JSON = MediaType.get("application/json");
  // Trees are read and written with JsonTrees, not an ObjectMapper: this client is on the start-up
  // path of every run, where initialising ObjectMapper's class would cost tens of milliseconds.
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final OkHttpClient http;
  private final HttpUrl base;

  public ReflectionClient(OkHttpClient http, String baseUrl) {
    this.http = Objects.requireNonNull(http, "http");
    HttpUrl parsed = HttpUrl.parse(baseUrl);
    if (parsed == null) {
      throw new IllegalArgumentException("not an http(s) URL: " + baseUrl);
    }
    this.base = parsed;
  }

  /**
   * A client suited to reflection calls: no read timeout of its own (calls carry deadlines), and
   * plain HTTP only, since reflection servers listen on loopback without TLS; this also keeps TLS
   * and certificate loading off the startup path. Use {@link #withTls(OkHttpClient)} for an https
   * URL.
   */
  public static OkHttpClient defaultHttpClient() {
    return new OkHttpClient.Builder()
        .connectionSpecs(List.of(ConnectionSpec.CLEARTEXT))
        .connectTimeout(5, TimeUnit.SECONDS)
        .readTimeout(0, TimeUnit.SECONDS)
        .writeTimeout(30, TimeUnit.SECONDS)
        .callTimeout(0, TimeUnit.SECONDS)
        .retryOnConnectionFailure(false)
        // Keep a connection per concurrent test (-j) for the next one; OkHttp's default pool keeps 5
        // idle, so with -j 16 most calls would otherwise open a fresh connection.
        .connectionPool(new okhttp3.ConnectionPool(MAX_IDLE_CONNECTIONS, 5, TimeUnit.MINUTES))
        .addNetworkInterceptor(ReflectionClient::hideRetryAfter)
        .build();
  }

  /**
   * Builds, and drops unsent, a {@code runAction} call to {@code baseUrl} on {@code http}: the
   * classes every call needs are then loaded and initialised before the first tests, which would
   * otherwise wait on each other's class initialisation as they go out at once. Sends nothing.
   */
  public static void prepareCalls(OkHttpClient http, String baseUrl) {
    ReflectionClient c = new ReflectionClient(http, baseUrl);
    ObjectNode body = NODES.objectNode().put("key", "/model/none");
    body.putObject("input").putArray("messages");
    Request request = new Request.Builder()
        .url(c.url("/api/runAction").newBuilder().addQueryParameter("stream", "true").build())
        .post(RequestBody.create(JsonTrees.write(body), JSON))
        .build();
    http.newCall(request).timeout().timeout(1, TimeUnit.SECONDS);
  }

  /** Idle connections kept per client: more than any sensible {@code -j}. */
  static final int MAX_IDLE_CONNECTIONS = 64;

  /** Where a 503's {@code Retry-After} is kept, out of OkHttp's sight. */
  static final String RETRY_AFTER_COPY = "X-Jgenkit-Retry-After";

  /**
   * OkHttp silently resends a request whose 503 carries {@code Retry-After: 0}; retrying is
   * jgenkit's decision ({@code --retries}), so the header is moved where OkHttp does not look.
   */
  private static Response hideRetryAfter(okhttp3.Interceptor.Chain chain) throws IOException {
    Response r = chain.proceed(chain.request());
    String retryAfter = r.header("Retry-After");
    if (r.code() == 503 && retryAfter != null) {
      return r.newBuilder().removeHeader("Retry-After").header(RETRY_AFTER_COPY, retryAfter).build();
    }
    return r;
  }

  /** A variant of {@code http} that can also speak TLS (for an {@code https://} runtime URL). */
  public static OkHttpClient withTls(OkHttpClient http) {
    return http.newBuilder()
        .connectionSpecs(List.of(ConnectionSpec.MODERN_TLS, ConnectionSpec.CLEARTEXT))
        .build();
  }

  public String baseUrl() {
    return baseUrl(base);
  }

  /** {@code url} as {@link #baseUrl()} gives it: without a trailing slash. */
  static String baseUrl(HttpUrl url) {
    String s = url.toString();
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  private HttpUrl url(String path) {
    return base.newBuilder().encodedPath(path).build();
  }

  /**
   * {@code GET /api/__health[?id=]}: true on 2xx. With an id, JS and Go answer 503 when it is not
   * theirs; Python ignores it.
   */
  public boolean health(Optional<String> runtimeId, Duration timeout) {
    HttpUrl.Builder u = url("/api/__health").newBuilder();
    runtimeId.ifPresent(id -> u.addQueryParameter("id", id));
    Call call = http.newCall(new Request.Builder().url(u.build()).get().build());
    call.timeout().timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    try (Response r = call.execute()) {
      return r.isSuccessful();
    } catch (IOException e) {
      return false;
    }
  }

  /** {@code GET /api/actions}: the map of action key to descriptor. */
  public ObjectNode listActions(Duration timeout) throws ReflectionException {
    Call call = http.newCall(new Request.Builder().url(url("/api/actions")).get().build());
    call.timeout().timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    try (Response r = call.execute()) {
      String body = bodyString(r);
      if (!r.isSuccessful()) {
        throw httpError(r, body, "GET /api/actions");
      }
      JsonNode node = parse(body, "GET /api/actions");
      if (!node.isObject()) {
        throw ReflectionException.protocol("GET /api/actions did not return a JSON object");
      }
      return (ObjectNode) node;
    } catch (InterruptedIOException e) {
      throw timeout("GET /api/actions", timeout, e);
    } catch (IOException e) {
      throw ReflectionException.transport("GET /api/actions failed: " + describe(e), e);
    }
  }

  /**
   * {@code POST /api/runAction[?stream=true]} with body {@code {"key":..,"input":..}}, without an
   * idle bound.
   *
   * @param timeout deadline for the whole call (zero means none)
   * @param observer receives the early trace id and, when streaming, each chunk as it arrives
   */
  public ActionResponse runAction(
      String key, JsonNode input, boolean stream, Duration timeout, CallObserver observer)
      throws ReflectionException {
    return runAction(key, input, stream, timeout, Duration.ZERO, observer);
  }

  /**
   * {@code POST /api/runAction[?stream=true]} with body {@code {"key":..,"input":..}}.
   *
   * @param timeout deadline for the whole call (zero means none)
   * @param idleTimeout streaming only: once the first body byte has arrived, the longest wait for
   *     more; on expiry the call fails with a {@link ReflectionException.Kind#TIMEOUT} naming the
   *     last chunk seen (zero means none). The wait for the first byte is the model's latency and
   *     is bounded by {@code timeout} only; non-streaming bodies arrive whole at the end, so they
   *     are not bounded either.
   * @param observer receives the early trace id and, when streaming, each chunk as it arrives
   */
  public ActionResponse runAction(
      String key,
      JsonNode input,
      boolean stream,
      Duration timeout,
      Duration idleTimeout,
      CallObserver observer)
      throws ReflectionException {
    ObjectNode body = NODES.objectNode();
    body.put("key", key);
    body.set("input", input);
    byte[] bytes = JsonTrees.write(body);
    HttpUrl u = url("/api/runAction");
    if (stream) {
      u = u.newBuilder().addQueryParameter("stream", "true").build();
    }
    Request request = new Request.Builder().url(u).post(RequestBody.create(bytes, JSON)).build();
    Call call = http.newCall(request);
    if (!timeout.isZero()) {
      call.timeout().timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
    String what = "runAction " + key;
    long started = System.nanoTime();
    // Set once the idle bound is armed on the body's source; read in the catch below.
    BufferedSource idleSource = null;
    int lines = 0;
    try (Response r = call.execute()) {
      Optional<String> headerTrace = Optional.ofNullable(r.header("X-Genkit-Trace-Id"));
      Optional<String> version = Optional.ofNullable(r.header("X-Genkit-Version"));
      headerTrace.ifPresent(observer::traceId);
      if (!r.isSuccessful()) {
        throw httpError(r, bodyString(r), what);
      }
      ResponseBody rb = r.body();
      List<JsonNode> chunks = new ArrayList<>();
      OptionalLong ttfc = OptionalLong.empty();
      String finalText;
      if (stream) {
        // Every newline-terminated line is a chunk, delivered (and timed) as it arrives; the rest
        // after the last newline is the final message. A runtime that also ends its final line
        // with a newline is tolerated: a line shaped like a final message is held back until the
        // next line shows it was a chunk after all.
        BufferedSource source = rb.source();
        if (!idleTimeout.isZero() && source.request(1)) {
          // The body has begun: from here every read waits at most idleTimeout for bytes (OkHttp
          // applies the source's timeout to each socket read and clears it when the body ends).
          source.timeout().timeout(idleTimeout.toMillis(), TimeUnit.MILLISECONDS);
          idleSource = source;
        }
        JsonNode held = null;
        long heldAt = 0;
        while (true) {
          long nl = source.indexOf((byte) '\n');
          if (nl == -1) {
            finalText = source.readUtf8();
            break;
          }
          String line = source.readUtf8(nl);
          source.skip(1);
          if (line.isBlank()) {
            continue;
          }
          lines++;
          long now = System.nanoTime();
          if (held != null) {
            ttfc = deliver(held, heldAt - started, chunks, ttfc, observer);
            held = null;
          }
          JsonNode node = parse(line, what + " (stream chunk)");
          if (looksFinal(node)) {
            held = node;
            heldAt = now;
          } else {
            ttfc = deliver(node, now - started, chunks, ttfc, observer);
          }
        }
        if (held != null) {
          if (finalText.isBlank()) {
            finalText = held.toString();
          } else {
            ttfc = deliver(held, heldAt - started, chunks, ttfc, observer);
          }
        }
      } else {
        finalText = rb.string();
      }
      if (finalText.isBlank()) {
        throw ReflectionException.protocol(
            what + ": the runtime closed the response without a final result");
      }
      JsonNode root = parse(finalText, what);
      if (root.hasNonNull("error")) {
        throw runtimeError(root.get("error"), OptionalInt.of(r.code()), what);
      }
      if (!root.isObject() || !root.has("result")) {
        throw ReflectionException.protocol(what + ": response has neither 'result' nor 'error'");
      }
      Optional<String> trace =
          Optional.ofNullable(root.path("telemetry").path("traceId").textValue())
              .or(() -> headerTrace);
      return new ActionResponse(root.get("result"), trace, version, chunks, ttfc);
    } catch (InterruptedIOException e) {
      // A socket read that waited out the idle bound, not the call's deadline (which cancels).
      if (idleSource != null && e instanceof SocketTimeoutException && !call.isCanceled()) {
        boolean partial = idleSource.getBuffer().size() > 0;
        call.cancel();
        throw idle(what, idleTimeout, lines, partial, e);
      }
      throw timeout(what, timeout, e);
    } catch (IOException e) {
      throw ReflectionException.transport(what + " failed: " + describe(e), e);
    }
  }

  /**
   * {@code POST /api/cancelAction {traceId}}: true when the runtime cancelled it, false when it
   * had already finished (404).
   */
  public boolean cancelAction(String traceId, Duration timeout) throws ReflectionException {
    ObjectNode body = NODES.objectNode().put("traceId", traceId);
    Request request =
        new Request.Builder()
            .url(url("/api/cancelAction"))
            .post(RequestBody.create(JsonTrees.write(body), JSON))
            .build();
    Call call = http.newCall(request);
    call.timeout().timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    try (Response r = call.execute()) {
      String text = bodyString(r);
      if (r.code() == 404) {
        return false;
      }
      if (!r.isSuccessful()) {
        throw httpError(r, text, "cancelAction");
      }
      return true;
    } catch (InterruptedIOException e) {
      throw timeout("cancelAction", timeout, e);
    } catch (IOException e) {
      throw ReflectionException.transport("cancelAction failed: " + describe(e), e);
    }
  }

  private static OptionalLong deliver(
      JsonNode chunk, long atNanos, List<JsonNode> chunks, OptionalLong ttfc, CallObserver observer) {
    chunks.add(chunk);
    observer.chunk(chunk);
    return ttfc.isPresent() ? ttfc : OptionalLong.of(atNanos / 1_000_000);
  }

  /** A {@code {result, telemetry}} or {@code {error}} object rather than a model chunk. */
  private static boolean looksFinal(JsonNode node) {
    return node.isObject()
        && (node.has("result") || node.has("error"))
        && !node.has("content");
  }

  private static String bodyString(Response r) throws IOException {
    ResponseBody b = r.body();
    return b == null ? "" : b.string();
  }

  private static JsonNode parse(String text, String what) throws ReflectionException {
    try {
      return JsonTrees.read(text);
    } catch (IOException e) { // a JsonProcessingException: reading a string does no I/O
      throw ReflectionException.protocol(
          what + ": invalid JSON from the runtime: " + abbreviate(text.strip(), 120));
    }
  }

  /** Non-2xx: a Genkit error body when there is one (Python 404 JSON), else the text (JS 404). */
  private static ReflectionException httpError(Response r, String body, String what) {
    OptionalInt http = OptionalInt.of(r.code());
    Optional<String> retryAfter =
        Optional.ofNullable(r.header("Retry-After")).or(() -> Optional.ofNullable(r.header(RETRY_AFTER_COPY)));
    JsonNode json = null;
    try {
      json = JsonTrees.read(body);
    } catch (IOException e) {
      // not JSON: plain text body
    }
    if (json != null && json.has("error")) {
      JsonNode err = json.get("error");
      if (err.isObject()) {
        return runtimeError(err, http, what, retryAfter);
      }
      return new ReflectionException(
          ReflectionException.Kind.HTTP_ERROR,
          "HTTP " + r.code() + ": " + err.asText(),
          Optional.of(GrpcStatus.ofHttpStatus(r.code())),
          http,
          Optional.empty(),
          retryAfter,
          null);
    }
    String text = json != null && json.has("message") ? json.get("message").asText() : body.strip();
    return new ReflectionException(
        ReflectionException.Kind.HTTP_ERROR,
        "HTTP " + r.code() + (text.isEmpty() ? "" : ": " + abbreviate(text, 300)),
        Optional.of(GrpcStatus.ofHttpStatus(r.code())),
        http,
        Optional.empty(),
        retryAfter,
        null);
  }

  private static ReflectionException runtimeError(JsonNode err, OptionalInt http, String what) {
    return runtimeError(err, http, what, Optional.empty());
  }

  /**
   * An in-body {@code {"error":{code,message,details}}}. JS and Python put gRPC codes in {@code
   * code}; Go puts HTTP statuses there (values of 100 and above).
   */
  private static ReflectionException runtimeError(
      JsonNode err, OptionalInt http, String what, Optional<String> retryAfter) {
    Optional<GrpcStatus> status = Optional.empty();
    JsonNode code = err.get("code");
    if (code != null && code.canConvertToInt()) {
      int c = code.asInt();
      status = c >= 100 ? Optional.of(GrpcStatus.ofHttpStatus(c)) : GrpcStatus.ofCode(c);
    } else if (code != null && code.isTextual()) {
      try {
        status = Optional.of(GrpcStatus.valueOf(code.asText()));
      } catch (IllegalArgumentException e) {
        status = Optional.empty();
      }
    }
    String message = err.path("message").asText(err.isTextual() ? err.asText() : "");
    Optional<String> stack = Optional.ofNullable(err.path("details").path("stack").textValue());
    String prefix = status.map(s -> s.name() + ": ").orElse("");
    return new ReflectionException(
        ReflectionException.Kind.RUNTIME_ERROR,
        prefix + (message.isEmpty() ? "the runtime reported an error for " + what : message),
        status,
        http,
        stack,
        retryAfter,
        null);
  }

  private static ReflectionException timeout(String what, Duration timeout, Throwable cause) {
    return new ReflectionException(
        ReflectionException.Kind.TIMEOUT,
        what + " timed out after " + formatSeconds(timeout),
        Optional.of(GrpcStatus.DEADLINE_EXCEEDED),
        OptionalInt.empty(),
        Optional.empty(),
        Optional.empty(),
        cause);
  }

  /** The stream stopped sending: {@code stream idle for 5 s (no data since chunk 3)}. */
  private static ReflectionException idle(
      String what, Duration idle, int lines, boolean partial, Throwable cause) {
    String since =
        lines == 0
            ? "no whole chunk since the response began"
            : "no data since chunk " + lines + (partial ? " and part of the next" : "");
    return new ReflectionException(
        ReflectionException.Kind.TIMEOUT,
        what + ": stream idle for " + formatSeconds(idle) + " (" + since + ")",
        Optional.of(GrpcStatus.DEADLINE_EXCEEDED),
        OptionalInt.empty(),
        Optional.empty(),
        Optional.empty(),
        cause);
  }

  /** {@code 2 s} or {@code 0.5 s}, independent of the default locale. */
  public static String formatSeconds(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0 ? (ms / 1000) + " s" : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
  }

  private static String describe(IOException e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }

  private static String abbreviate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max) + "…";
  }
}
