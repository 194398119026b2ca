package dev.jgenkit.cli;

import dev.jgenkit.runners.reflection.ReflectionClient;
import dev.jgenkit.runners.reflection.RuntimeProbe;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;

/**
 * Start-up work of {@code test-model} done on two more threads while the main thread builds the
 * command line: one loads the built-in tests (Jackson's parser and tree classes), the other the
 * HTTP client the run will use. (Jackson's {@code ObjectMapper} is kept off the start-up path
 * altogether, see {@link dev.jgenkit.specs.JsonTrees}: the reports initialise it while the first
 * tests wait on the runtime.)
 * When the arguments name a {@code --runtime-url}, the run's first two requests (health check and
 * action listing, a {@link RuntimeProbe}) go out as soon as the client is ready, so their round
 * trips overlap the rest of the start-up; the engine uses their answers if the parsed options
 * agree. The two threads touch disjoint libraries (Jackson; OkHttp and Kotlin), and the main thread
 * awaits each before it touches that library itself, so no class is initialised from two
 * threads at once (no class-initialisation deadlock).
 */
final class Warmup {
  private static volatile Thread json;
  private static volatile Thread client;
  private static volatile OkHttpClient httpClient;
  private static volatile RuntimeProbe probe;
  /** The URL read ahead and, once {@link #urlChecked} opens, whether OkHttp takes it. */
  private static volatile String checkedUrl;
  private static volatile Boolean checkedUrlValid;
  private static final java.util.concurrent.CountDownLatch urlChecked = new java.util.concurrent.CountDownLatch(1);

  private Warmup() {}

  /** Starts the warm-up for {@code args} (a {@code test-model} command line); for {@code Main.main} only. */
  static void start(String[] args) {
    // Runnables, not method references: linking a lambda costs start-up time on this path.
    String url = runtimeUrl(List.of(args)).orElse(null);
    checkedUrl = url;
    client = daemon(new HttpWarmup(url), "jgenkit-warmup-http");
    json = daemon(new JsonWarmup(), "jgenkit-warmup-json");
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    t.start();
    return t;
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

  /** The run's HTTP client; with a URL read ahead, its check, the probe and a prepared call to it. */
  private static final class HttpWarmup implements Runnable {
    private final String probeUrl;

    HttpWarmup(String probeUrl) {
      this.probeUrl = probeUrl;
    }

    @Override
    public void run() {
      try {
        boolean valid = false;
        if (probeUrl != null) {
          try {
            valid = okhttp3.HttpUrl.parse(probeUrl) != null;
            checkedUrlValid = valid;
          } finally {
            urlChecked.countDown();
          }
        }
        OkHttpClient c = ReflectionClient.defaultHttpClient();
        httpClient = c;
        if (valid) {
          probe = RuntimeProbe.start(c, probeUrl, RuntimeProbe.HEALTH_TIMEOUT).orElse(null);
        }
        ReflectionClient.prepareCalls(c, valid ? probeUrl : "http://localhost/");
        dev.jgenkit.runners.TimingTrace.mark("warm-up: http client");
      } catch (RuntimeException | LinkageError e) {
        // Only a head start: whatever failed here fails (and is reported) again where it is used.
      }
    }
  }

  /** The built-in tests, and a request body written the way the first calls will write theirs. */
  private static final class JsonWarmup implements Runnable {
    @Override
    public void run() {
      try {
        Optional<dev.jgenkit.specs.BuiltInTest> text = dev.jgenkit.specs.BuiltInTests.get("text");
        if (text.isPresent()) {
          dev.jgenkit.specs.JsonTrees.write(text.get().input());
        }
        dev.jgenkit.runners.TimingTrace.mark("warm-up: built-in tests");
      } catch (RuntimeException | LinkageError e) {
        // Only a head start, as above.
      }
    }
  }

  /**
   * Waits for the Jackson half of the warm-up, if one was started, before the caller touches
   * Jackson, the specs or the built-in tests; bounded, since it only saves time.
   */
  static void awaitJson() {
    join(json);
    dev.jgenkit.runners.TimingTrace.mark("warm-up awaited: json");
  }

  /** Waits for the HTTP half of the warm-up, if one was started, before the caller touches OkHttp. */
  static void awaitHttp() {
    join(client);
    dev.jgenkit.runners.TimingTrace.mark("warm-up awaited: http");
  }

  private static void join(Thread t) {
    if (t == null) {
      return;
    }
    try {
      t.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Whether OkHttp takes {@code url} as an http(s) URL. The warm-up checks the URL it read ahead
   * first thing, so for that one the caller does not wait for the whole HTTP warm-up.
   */
  static boolean isHttpUrl(String url) {
    if (url.equals(checkedUrl)) {
      try {
        Boolean valid = urlChecked.await(10, TimeUnit.SECONDS) ? checkedUrlValid : null;
        if (valid != null) {
          return valid;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    awaitHttp();
    return okhttp3.HttpUrl.parse(url) != null;
  }

  /** The HTTP client the warm-up made (after {@link #awaitHttp}), else a new one. */
  static OkHttpClient httpClient() {
    OkHttpClient c = httpClient;
    return c != null ? c : ReflectionClient.defaultHttpClient();
  }

  /** The probe the warm-up sent (after {@link #awaitHttp}); taken once. */
  static Optional<RuntimeProbe> takeProbe() {
    RuntimeProbe p = probe;
    probe = null;
    return Optional.ofNullable(p);
  }
}
