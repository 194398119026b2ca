package dev.jgenkit.cli;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ctrl-C and SIGTERM: the first signal runs the registered hooks (a command writes its partial
 * report) and exits 130, which also runs the JVM shutdown hooks that stop started runtimes; a
 * second signal kills the started runtimes' process trees outright and exits at once.
 */
final class Interrupts {
  private static final CopyOnWriteArrayList<Runnable> HOOKS = new CopyOnWriteArrayList<>();
  private static final AtomicBoolean INTERRUPTING = new AtomicBoolean();

  private Interrupts() {}

  /** Runs {@code hook} on the first Ctrl-C/SIGTERM until the returned handle is closed. */
  static AutoCloseable register(Runnable hook) {
    HOOKS.add(hook);
    return () -> HOOKS.remove(hook);
  }

  /** Installs the signal handlers; {@code exit} is Main's way out (only Main calls System.exit). */
  static void install(java.util.function.IntConsumer exit) {
    for (String name : new String[] {"INT", "TERM"}) {
      try {
        // An anonymous class, not a lambda: this runs before the command line is built, where
        // setting up java.lang.invoke for a first lambda would cost start-up time.
        sun.misc.Signal.handle(new sun.misc.Signal(name), new sun.misc.SignalHandler() {
          @Override
          public void handle(sun.misc.Signal sig) {
            onSignal(exit);
          }
        });
      } catch (IllegalArgumentException | UnsupportedOperationException e) {
        // signal not available on this platform: the JVM default applies
      }
    }
  }

  private static void onSignal(java.util.function.IntConsumer exit) {
    if (!INTERRUPTING.compareAndSet(false, true)) {
      // No more waiting (a runtime that ignores SIGTERM would hold the first exit for its grace
      // period), but no orphans either: SIGKILL the started runtimes' trees, then leave.
      dev.jgenkit.runners.runtime.LaunchedRuntime.killAllNow();
      Runtime.getRuntime().halt(ExitCode.INTERRUPTED);
    }
    Thread t =
        new Thread(
            () -> {
              for (Runnable hook : HOOKS) {
                try {
                  hook.run();
                } catch (RuntimeException e) {
                  System.err.println("jgenkit: while stopping: " + e);
                }
              }
              exit.accept(ExitCode.INTERRUPTED);
            },
            "jgenkit-interrupt");
    t.setDaemon(false);
    t.start();
  }
}
