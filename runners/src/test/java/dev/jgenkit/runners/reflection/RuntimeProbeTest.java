package dev.jgenkit.runners.reflection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jgenkit.runners.RuntimeTarget;
import dev.jgenkit.runners.TestModelEngine;
import dev.jgenkit.runners.exec.ExecutionOptions;
import dev.jgenkit.runners.exec.RunListener;
import dev.jgenkit.runners.plan.Planner;
import dev.jgenkit.runners.results.RunResult;
import dev.jgenkit.runners.runtime.RuntimeUnavailableException;
import dev.jgenkit.specs.Location;
import dev.jgenkit.specs.SpecFile;
import dev.jgenkit.specs.Suite;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The early health check and action listing: sent once, answered to whoever asks, used by the
 * engine in place of its own requests when (and only when) the run goes to the probed URL.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RuntimeProbeTest {
  private static final String ACTIONS =
      "{\"/model/fake/m\":{\"key\":\"/model/fake/m\",\"name\":\"fake/m\","
          + "\"metadata\":{\"model\":{\"supports\":{\"multiturn\":true}}}}}";

  /** A runtime that counts its requests by path. */
  static final class CountingRuntime extends Dispatcher {
    final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    volatile int healthStatus = 200;

    @Override
    public MockResponse dispatch(RecordedRequest request) {
      String path = request.getUrl().encodedPath();
      counts.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
      return switch (path) {
        case "/api/__health" -> new MockResponse.Builder().code(healthStatus).body("OK").build();
        case "/api/actions" -> new MockResponse.Builder().body(ACTIONS).build();
        case "/api/runAction" -> new MockResponse.Builder()
            .body("{\"result\":{\"message\":{\"role\":\"model\",\"content\":[{\"text\":\"Genkit\"}]},"
                + "\"finishReason\":\"stop\"}}")
            .build();
        default -> new MockResponse.Builder().code(404).build();
      };
    }

    int count(String path) {
      AtomicInteger n = counts.get(path);
      return n == null ? 0 : n.get();
    }
  }

  private final CountingRuntime runtime = new CountingRuntime();
  private final CountingRuntime other = new CountingRuntime();
  private MockWebServer server;
  private MockWebServer otherServer;

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.setDispatcher(runtime);
    server.start();
    otherServer = new MockWebServer();
    otherServer.setDispatcher(other);
    otherServer.start();
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
    otherServer.close();
  }

  private String url(MockWebServer s) {
    return "http://127.0.0.1:" + s.getPort();
  }

  @Test
  void sendsTheHealthCheckAndTheListingOnceAndAnswersBoth() throws Exception {
    RuntimeProbe probe =
        RuntimeProbe.start(ReflectionClient.defaultHttpClient(), url(server), Duration.ofSeconds(5)).orElseThrow();

    assertThat(probe.healthy(Duration.ofSeconds(10))).isTrue();
    ObjectNode actions = probe.listing().get(10, TimeUnit.SECONDS);
    assertThat(actions.has("/model/fake/m")).isTrue();
    assertThat(runtime.count("/api/__health")).isEqualTo(1);
    assertThat(runtime.count("/api/actions")).isEqualTo(1);
    assertThat(probe.url()).isEqualTo(url(server));
  }

  @Test
  void anUnhealthyOrUnreachableRuntimeIsNotHealthyRatherThanAnError() throws Exception {
    runtime.healthStatus = 503;
    RuntimeProbe unhealthy =
        RuntimeProbe.start(ReflectionClient.defaultHttpClient(), url(server), Duration.ofSeconds(5)).orElseThrow();
    String closedUrl = url(otherServer);
    otherServer.close();
    RuntimeProbe unreachable =
        RuntimeProbe.start(ReflectionClient.defaultHttpClient(), closedUrl, Duration.ofSeconds(5)).orElseThrow();

    assertThat(unhealthy.healthy(Duration.ofSeconds(10))).isFalse();
    assertThat(unreachable.healthy(Duration.ofSeconds(10))).isFalse();
  }

  @Test
  void aStringThatIsNotAnHttpUrlGivesNoProbe() {
    assertThat(RuntimeProbe.start(ReflectionClient.defaultHttpClient(), "localhost:3100", Duration.ofSeconds(1)))
        .isEmpty();
    assertThat(runtime.count("/api/__health")).isZero();
  }

  @Test
  void matchesTheSameUrlWrittenWithATrailingSlashButNoOtherOne() {
    RuntimeProbe probe =
        RuntimeProbe.start(ReflectionClient.defaultHttpClient(), url(server) + "/", Duration.ofSeconds(5)).orElseThrow();

    assertThat(probe.isFor(url(server))).isTrue();
    assertThat(probe.isFor(url(server) + "/")).isTrue();
    assertThat(probe.isFor(url(otherServer))).isFalse();
    assertThat(probe.isFor("not a url")).isFalse();
  }

  @Test
  void theEngineUsesAProbeOfItsUrlInsteadOfSendingItsOwnRequests() throws Exception {
    TestModelEngine engine = new TestModelEngine(ReflectionClient.defaultHttpClient(), Clock.systemUTC());
    RuntimeProbe probe =
        RuntimeProbe.start(ReflectionClient.defaultHttpClient(), url(server), Duration.ofSeconds(5)).orElseThrow();
    engine.useProbe(probe);

    RunResult result = engine.run(request(url(server)), RunListener.NONE);

    assertThat(result.results()).hasSize(1);
    assertThat(runtime.count("/api/__health")).isEqualTo(1);
    assertThat(runtime.count("/api/actions")).isEqualTo(1);
    assertThat(runtime.count("/api/runAction")).isEqualTo(1);
  }

  @Test
  void theEngineIgnoresAProbeOfAnotherUrlAndTheProbeIsUsedOnlyOnce() throws Exception {
    TestModelEngine engine = new TestModelEngine(ReflectionClient.defaultHttpClient(), Clock.systemUTC());
    RuntimeProbe elsewhere =
        RuntimeProbe.start(ReflectionClient.defaultHttpClient(), url(otherServer), Duration.ofSeconds(5)).orElseThrow();
    elsewhere.listing().get(10, TimeUnit.SECONDS);
    engine.useProbe(elsewhere);

    engine.run(request(url(server)), RunListener.NONE);
    engine.run(request(url(otherServer)), RunListener.NONE);

    assertThat(runtime.count("/api/__health")).isEqualTo(1);
    assertThat(runtime.count("/api/actions")).isEqualTo(1);
    // the probe was given up on the first run; the second run asks for itself
    assertThat(other.count("/api/__health")).isEqualTo(2);
    assertThat(other.count("/api/actions")).isEqualTo(2);
  }

  @Test
  void theEngineReportsAnUnhealthyProbedRuntimeAsUnavailable() throws Exception {
    runtime.healthStatus = 503;
    TestModelEngine engine = new TestModelEngine(ReflectionClient.defaultHttpClient(), Clock.systemUTC());
    engine.useProbe(
        RuntimeProbe.start(ReflectionClient.defaultHttpClient(), url(server), Duration.ofSeconds(5)).orElseThrow());

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.run(request(url(server)), RunListener.NONE))
        .isInstanceOf(RuntimeUnavailableException.class)
        .hasMessageContaining("no Genkit runtime answers at " + url(server));
    assertThat(runtime.count("/api/runAction")).isZero();
  }

  private static TestModelEngine.Request request(String url) {
    Location where = new Location(Path.of("spec.yaml"), 1, 1);
    SpecFile spec = new SpecFile(where.file(),
        List.of(new Suite("fake/m", Optional.of(List.of("multiturn")), Optional.empty(), where)));
    return new TestModelEngine.Request(List.of(spec), List.of("spec.yaml"),
        new Planner.Options(List.of("multiturn"), false, false), ExecutionOptions.defaults(),
        new RuntimeTarget.Url(url), Duration.ofSeconds(10), "test");
  }
}
