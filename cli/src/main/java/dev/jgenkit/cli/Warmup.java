package dev.jgenkit.cli;

import dev.jgenkit.runners.reflection.ReflectionClient;
import dev.jgenkit.runners.reflection.RuntimeProbe;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;

/**
 * Start-up work of {@code test-model} done on a second thread while the main thread builds the
 * command line: the class initialisation of Jackson's {@code ObjectMapper} (which also loads the
 * JDK's locale data for its date format), the HTTP client the run will use and the built-in tests.
 * When the arguments name a {@code --runtime-url}, the run's first two requests (health check and
 * action listing, a {@link RuntimeProbe}) go out as soon as the client is ready, so their round
 * trips overlap the rest of the start-up; the engine uses their answers if the parsed options
 * agree. The main thread {@link #await}s the warm-up before it touches any of these classes itself,
 * so no class is ever initialised from both threads at once (no class-initialisation deadlock).
 */
final class Warmup implements Runnable {
  /** Bound for the probe's health check, as the engine's own. */
  private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(3);

  private static volatile Thread thread;
  private static volatile OkHttpClient http;
  private static volatile RuntimeProbe probe;

  private final String probeUrl;

  private Warmup(String probeUrl) {
    this.probeUrl = probeUrl;
  }

  /** Starts the warm-up for {@code args} (a {@code test-model} command line); for {@code Main.main} only. */
  static void start(String[] args) {
    // A Runnable, not a method reference: linking a lambda costs start-up time on this path.
    Thread t = new Thread(new Warmup(runtimeUrl(List.of(args)).orElse(null)), "jgenkit-warmup");
    t.setDaemon(true);
    thread = t;
    t.start();
  }

  /**
   * The value of {@code --runtime-url} among the options (before {@code --}), read ahead of the
   * command line's parsing; only a hint: the parsed options decide whether it is used.
   */
  static Optional<String> runtimeUrl(List<String> args) {
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("--")) {
        break;
      }
      if (a.equals("--runtime-url") && i + 1 < args.size()) {
        return Optional.of(args.get(i + 1));
      }
      if (a.startsWith("--runtime-url=")) {
        return Optional.of(a.substring("--runtime-url=".length()));
      }
    }
    return Optional.empty();
  }

  @Override
  public void run() {
    try {
      dev.jgenkit.runners.TimingTrace.mark("warm-up: started");
      new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
      dev.jgenkit.runners.TimingTrace.mark("warm-up: json");
      OkHttpClient client = ReflectionClient.defaultHttpClient();
      okhttp3.HttpUrl.parse("http://localhost/");
      http = client;
      if (probeUrl != null) {
        probe = RuntimeProbe.start(client, probeUrl, HEALTH_TIMEOUT).orElse(null);
      }
      dev.jgenkit.runners.TimingTrace.mark("warm-up: http client");
      dev.jgenkit.specs.BuiltInTests.get("text");
      dev.jgenkit.runners.TimingTrace.mark("warm-up: done");
    } catch (RuntimeException | LinkageError e) {
      // Only a head start: whatever failed here fails (and is reported) again where it is used.
    }
  }

  /**
   * Waits for the warm-up, if one was started, before the caller initialises the same classes;
   * bounded, since it only saves time.
   */
  static void await() {
    Thread t = thread;
    if (t == null) {
      return;
    }
    try {
      t.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    dev.jgenkit.runners.TimingTrace.mark("warm-up awaited");
  }

  /** The HTTP client the warm-up made (after {@link #await}), else a new one. */
  static OkHttpClient httpClient() {
    OkHttpClient c = http;
    return c != null ? c : ReflectionClient.defaultHttpClient();
  }

  /** The probe the warm-up sent (after {@link #await}); taken once. */
  static Optional<RuntimeProbe> takeProbe() {
    RuntimeProbe p = probe;
    probe = null;
    return Optional.ofNullable(p);
  }
}
