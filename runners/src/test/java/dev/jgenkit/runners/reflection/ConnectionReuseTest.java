package dev.jgenkit.runners.reflection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/**
 * One client for a whole run keeps its connections: 16 calls at a time (as with {@code -j 16}),
 * wave after wave, use 16 connections, not a fresh one for most calls (OkHttp's default pool would
 * keep only 5 of them).
 */
class ConnectionReuseTest {
  private static final int JOBS = 16;
  private static final int WAVES = 4;

  @Test
  void wavesOfSixteenConcurrentCallsReuseSixteenConnections() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      for (int i = 0; i < JOBS * WAVES; i++) {
        server.enqueue(new MockResponse.Builder().body("OK").build());
      }
      server.start();
      ReflectionClient client = new ReflectionClient(ReflectionClient.defaultHttpClient(), server.url("/").toString());
      ExecutorService pool = Executors.newFixedThreadPool(JOBS);
      try {
        for (int wave = 0; wave < WAVES; wave++) {
          List<Future<Boolean>> calls = new ArrayList<>();
          for (int i = 0; i < JOBS; i++) {
            calls.add(pool.submit(() -> client.health(Optional.empty(), Duration.ofSeconds(30))));
          }
          for (Future<Boolean> f : calls) {
            assertThat(f.get(60, TimeUnit.SECONDS)).isTrue();
          }
        }
      } finally {
        pool.shutdownNow();
      }

      Set<Integer> connections = new HashSet<>();
      for (int i = 0; i < JOBS * WAVES; i++) {
        RecordedRequest r = server.takeRequest();
        connections.add(r.getConnectionIndex());
      }
      assertThat(connections).hasSizeLessThanOrEqualTo(JOBS);
    }
  }
}
