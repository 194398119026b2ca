package dev.jgenkit.cli;

import java.util.concurrent.TimeUnit;

/**
 * Start-up work of {@code test-model} done on a second thread while the main thread builds the
 * command line: the class initialisation of Jackson's {@code ObjectMapper} (which also loads the
 * JDK's locale data for its date format), of OkHttp's client and platform, and the built-in tests.
 * Nothing is kept: the classes are initialised once per JVM, so the main thread's first use is
 * quick. The main thread {@link #await}s it before it touches any of them itself, so no class is
 * ever initialised from both threads at once (no class-initialisation deadlock).
 */
final class Warmup {
  private static volatile Thread thread;

  private Warmup() {}

  /** Starts the warm-up; for {@code Main.main} only (in-process runs need none). */
  static void start() {
    Thread t = new Thread(Warmup::work, "jgenkit-warmup");
    t.setDaemon(true);
    thread = t;
    t.start();
  }

  private static void work() {
    try {
      dev.jgenkit.runners.TimingTrace.mark("warm-up: started");
      new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
      dev.jgenkit.runners.TimingTrace.mark("warm-up: json");
      dev.jgenkit.runners.reflection.ReflectionClient.defaultHttpClient();
      okhttp3.HttpUrl.parse("http://localhost/");
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
}
