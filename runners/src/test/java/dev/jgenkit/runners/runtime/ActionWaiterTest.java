package dev.jgenkit.runners.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jgenkit.runners.reflection.ReflectionClient;
import dev.jgenkit.runners.reflection.ReflectionException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;

/** The action listing sent beside the health check replaces the waiter's first call. */
class ActionWaiterTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void aListingAlreadyMadeIsUsedWithoutAnotherCall() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.start();
      ReflectionClient client = new ReflectionClient(ReflectionClient.defaultHttpClient(), server.url("/").toString());
      ObjectNode listed = (ObjectNode) MAPPER.readTree("{\"/model/a/b\":{\"name\":\"a/b\"}}");

      // when
      ObjectNode actions = ActionWaiter.await(client, List.of("/model/a/b"), Duration.ofSeconds(5), () -> false,
          CompletableFuture.completedFuture(listed));

      // then
      assertThat(actions).isSameAs(listed);
      assertThat(server.getRequestCount()).isZero();
    }
  }

  @Test
  void aFailedOrIncompleteListingIsFollowedByTheUsualPolling() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.enqueue(new MockResponse.Builder().body("{\"/model/a/b\":{},\"/model/c/d\":{}}").build());
      server.start();
      ReflectionClient client = new ReflectionClient(ReflectionClient.defaultHttpClient(), server.url("/").toString());
      CompletableFuture<ObjectNode> failed = new CompletableFuture<>();
      failed.completeExceptionally(ReflectionException.protocol("connection reset"));

      // when
      ObjectNode actions = ActionWaiter.await(client, List.of("/model/a/b", "/model/c/d"), Duration.ofSeconds(5),
          () -> false, failed);

      // then
      assertThat(actions.has("/model/c/d")).isTrue();
      assertThat(server.getRequestCount()).isEqualTo(1);
      assertThat(server.takeRequest().getTarget()).isEqualTo("/api/actions");
    }
  }

  @Test
  void aListingWithoutTheModelIsPolledAgain() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.enqueue(new MockResponse.Builder().body("{\"/model/a/b\":{}}").build());
      server.start();
      ReflectionClient client = new ReflectionClient(ReflectionClient.defaultHttpClient(), server.url("/").toString());
      ObjectNode early = (ObjectNode) MAPPER.readTree("{}");

      // when
      ObjectNode actions = ActionWaiter.await(client, List.of("/model/a/b"), Duration.ofSeconds(5), () -> false,
          CompletableFuture.completedFuture(early));

      // then
      assertThat(actions.has("/model/a/b")).isTrue();
      assertThat(server.getRequestCount()).isEqualTo(1);
    }
  }
}
