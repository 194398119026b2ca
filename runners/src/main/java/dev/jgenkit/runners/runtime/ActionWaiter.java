package dev.jgenkit.runners.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jgenkit.runners.reflection.ReflectionClient;
import dev.jgenkit.runners.reflection.ReflectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Polls {@code /api/actions} until every required action key is registered. */
public final class ActionWaiter {
  private ActionWaiter() {}

  /**
   * Returns the action map once it contains every key; throws with the missing keys when the
   * deadline passes or {@code giveUp} turns true (the runtime process died).
   */
  public static ObjectNode await(
      ReflectionClient client, Collection<String> keys, Duration timeout, BooleanSupplier giveUp)
      throws RuntimeUnavailableException, InterruptedException {
    return await(client, keys, timeout, giveUp, null);
  }

  /**
   * Like {@link #await(ReflectionClient, Collection, Duration, BooleanSupplier)}, with the first
   * listing already under way: it is used in place of the first call when it succeeds.
   */
  public static ObjectNode await(
      ReflectionClient client,
      Collection<String> keys,
      Duration timeout,
      BooleanSupplier giveUp,
      java.util.concurrent.Future<ObjectNode> firstListing)
      throws RuntimeUnavailableException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<String> missing = new ArrayList<>(keys);
    String lastError = "";
    java.util.concurrent.Future<ObjectNode> first = firstListing;
    while (true) {
      try {
        ObjectNode actions = null;
        if (first != null) {
          try {
            actions = first.get();
          } catch (java.util.concurrent.ExecutionException e) {
            // it failed: list again as usual
          }
          first = null;
        }
        if (actions == null) {
          actions = client.listActions(Duration.ofSeconds(10));
        }
        missing = new ArrayList<>();
        for (String k : keys) {
          if (!actions.has(k)) {
            missing.add(k);
          }
        }
        if (missing.isEmpty()) {
          return actions;
        }
        lastError = "";
      } catch (ReflectionException e) {
        lastError = " (last error: " + e.getMessage() + ")";
      }
      if (giveUp.getAsBoolean() || System.nanoTime() > deadline) {
        throw new RuntimeUnavailableException(
            "the runtime at "
                + client.baseUrl()
                + " did not register "
                + missing.size()
                + " action(s) within "
                + ReflectionClient.formatSeconds(timeout)
                + ": "
                + String.join(", ", missing)
                + lastError);
      }
      Thread.sleep(100);
    }
  }
}
