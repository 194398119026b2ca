package dev.jgenkit.runners.reflection;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import okhttp3.OkHttpClient;

/**
 * The first two requests of a run on a runtime URL, the health check and the action listing, sent
 * side by side on their own threads as soon as the URL is known, and answered later to whoever
 * needs them. Both are read-only GETs; a probe nobody asks for costs two requests and nothing else.
 * The CLI starts one while it is still building its command line, so the round trips and the
 * parsing of the listing overlap its start-up.
 */
public final class RuntimeProbe {
  /** How long a health check may take: a runtime answers it at once or is not ready. */
  public static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(3);

  private final String url;
  private final FutureTask<Boolean> health;
  private final FutureTask<ObjectNode> listing;

  private RuntimeProbe(String url, FutureTask<Boolean> health, FutureTask<ObjectNode> listing) {
    this.url = url;
    this.health = health;
    this.listing = listing;
  }

  /**
   * Sends both requests to {@code url} with {@code http} (with TLS added for an https URL); empty
   * when {@code url} is not an http(s) URL (the caller reports that itself, where it checks it).
   */
  public static Optional<RuntimeProbe> start(OkHttpClient http, String url, Duration healthTimeout) {
    ReflectionClient client;
    try {
      boolean tls = url.regionMatches(true, 0, "https:", 0, 6);
      client = new ReflectionClient(tls ? ReflectionClient.withTls(http) : http, url);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    FutureTask<Boolean> health = new FutureTask<>(() -> client.health(Optional.empty(), healthTimeout));
    FutureTask<ObjectNode> listing = new FutureTask<>(() -> client.listActions(Duration.ofSeconds(10)));
    RuntimeProbe probe = new RuntimeProbe(client.baseUrl(), health, listing);
    daemon(health, "jgenkit-health").start();
    daemon(listing, "jgenkit-actions").start();
    return Optional.of(probe);
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  /** The runtime URL probed, normalised as {@link ReflectionClient#baseUrl()} gives it. */
  public String url() {
    return url;
  }

  /** Whether this probe went to {@code otherUrl} (compared after the same normalisation). */
  public boolean isFor(String otherUrl) {
    okhttp3.HttpUrl other = okhttp3.HttpUrl.parse(otherUrl);
    return other != null && ReflectionClient.baseUrl(other).equals(url);
  }

  /**
   * The health check's answer, waiting at most {@code timeout} for it: false when the runtime did
   * not answer 2xx, could not be reached or the wait ran out.
   */
  public boolean healthy(Duration timeout) throws InterruptedException {
    try {
      return health.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      return false;
    }
  }

  /** The action listing, under way or done; it fails as {@link ReflectionClient#listActions} does. */
  public Future<ObjectNode> listing() {
    return listing;
  }

  /** Abandons whatever is still in flight. */
  public void cancel() {
    health.cancel(true);
    listing.cancel(true);
  }
}
