package dev.jgenkit.runners.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * A runtime process jgenkit started. Closing it stops the whole process tree (SIGTERM, then SIGKILL
 * after a grace period), also from a JVM shutdown hook on Ctrl-C/SIGTERM, and removes the runtime
 * file its process left behind. Runtime files of other processes are never touched. Its output goes
 * to its log file line by line through the {@linkplain #filterLogsThrough log filter}.
 */
public final class LaunchedRuntime implements AutoCloseable {
  private static final Duration GRACE = Duration.ofSeconds(5);
  private static final Set<LaunchedRuntime> LIVE = ConcurrentHashMap.newKeySet();
  private static volatile UnaryOperator<String> logFilter = UnaryOperator.identity();

  private final Process process;
  private final List<String> command;
  private final Path logFile;
  private final LogPump pump;
  private final Thread shutdownHook;
  private final AtomicBoolean stopped = new AtomicBoolean();
  private final java.util.concurrent.CountDownLatch stoppedTree = new java.util.concurrent.CountDownLatch(1);
  private volatile RuntimeFile runtimeFile;

  private LaunchedRuntime(Process process, List<String> command, Path logFile, LogPump pump) {
    this.process = process;
    this.command = List.copyOf(command);
    this.logFile = logFile;
    this.pump = pump;
    this.shutdownHook = new Thread(this::stop, "jgenkit-runtime-stopper");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
    LIVE.add(this);
  }

  /**
   * Sets what every line a started runtime prints goes through before it reaches its log file
   * (the CLI masks secrets there); set once at startup, like the report redaction.
   */
  public static void filterLogsThrough(UnaryOperator<String> filter) {
    logFilter = Objects.requireNonNull(filter, "filter");
  }

  /**
   * Kills every runtime still running at once (SIGKILL to each whole tree, no grace): the way out
   * of a second Ctrl-C, which must not wait for a runtime that ignores SIGTERM.
   */
  public static void killAllNow() {
    for (LaunchedRuntime r : List.copyOf(LIVE)) {
      r.process.descendants().forEach(ProcessHandle::destroyForcibly);
      r.process.destroyForcibly();
      RuntimeFile f = r.runtimeFile;
      if (f != null) {
        try {
          // killed before it could remove its runtime file: no stale file left for other tools
          Files.deleteIfExists(f.path());
        } catch (IOException e) {
          // best effort
        }
      }
    }
  }

  /**
   * Spawns {@code command} in {@code cwd} with {@code GENKIT_ENV=dev} plus {@code extraEnv}, stdout
   * and stderr going to {@code logFile} (never to jgenkit's own output) through the log filter.
   */
  public static LaunchedRuntime spawn(
      List<String> command, Path cwd, Map<String, String> extraEnv, Path logFile)
      throws RuntimeUnavailableException {
    if (command.isEmpty()) {
      throw new IllegalArgumentException("empty command");
    }
    try {
      Files.createDirectories(logFile.toAbsolutePath().getParent());
    } catch (IOException e) {
      throw new RuntimeUnavailableException("cannot create the log directory for " + logFile, e);
    }
    ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile());
    pb.environment().putAll(extraEnv);
    pb.environment().put("GENKIT_ENV", "dev");
    pb.redirectErrorStream(true);
    pb.redirectOutput(ProcessBuilder.Redirect.PIPE);
    pb.redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
    try {
      LogPump pump = LogPump.open(logFile, logFilter);
      Process p;
      try {
        p = pb.start();
      } catch (IOException e) {
        pump.closeUnused();
        throw e;
      }
      return new LaunchedRuntime(p, command, logFile, pump.start(p.getInputStream(), p.pid()));
    } catch (IOException e) {
      throw new RuntimeUnavailableException(
          "cannot start `" + String.join(" ", command) + "`: " + e.getMessage(), e);
    }
  }

  private static java.io.File nullDevice() {
    return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
  }

  public List<String> command() {
    return command;
  }

  public Path logFile() {
    return logFile;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public Optional<Integer> exitCode() {
    return process.isAlive() ? Optional.empty() : Optional.of(process.exitValue());
  }

  /** Pids of the started process and all its descendants right now. */
  public Set<Long> treePids() {
    Set<Long> pids =
        process.descendants().map(ProcessHandle::pid).collect(Collectors.toCollection(java.util.HashSet::new));
    pids.add(process.pid());
    return pids;
  }

  /**
   * Waits until a runtime file written by this process tree appears in {@code dirs} and answers its
   * health check. Only such a file is accepted: another app running in the same project is never
   * picked.
   */
  public RuntimeFile awaitRuntimeFile(
      RuntimeDirectories dirs, Duration timeout, HealthCheck health)
      throws RuntimeUnavailableException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    String lastSeen = "no runtime file appeared";
    while (true) {
      Set<Long> tree = treePids();
      for (RuntimeFile f : dirs.list()) {
        if (tree.contains(f.pid())) {
          if (health.healthy(f)) {
            runtimeFile = f;
            return f;
          }
          lastSeen = "runtime file " + f.path() + " appeared but " + f.reflectionServerUrl()
              + "/api/__health does not answer";
        }
      }
      if (!process.isAlive()) {
        pump.drain();
        throw new RuntimeUnavailableException(
            "the runtime `" + String.join(" ", command) + "` exited with code "
                + process.exitValue() + " before it was ready" + logTail());
      }
      if (System.nanoTime() > deadline) {
        throw new RuntimeUnavailableException(
            "the runtime `" + String.join(" ", command) + "` was not ready after "
                + dev.jgenkit.runners.reflection.ReflectionClient.formatSeconds(timeout) + ": " + lastSeen + " (looked in "
                + dirs.dirs().stream().filter(Files::isDirectory).map(Path::toString)
                    .collect(Collectors.joining(", ", "[", "]"))
                + "; GENKIT_ENV=dev was set)" + logTail());
      }
      Thread.sleep(50);
    }
  }

  /** Checks a runtime file's server. */
  @FunctionalInterface
  public interface HealthCheck {
    boolean healthy(RuntimeFile file);
  }

  /** The last lines of the runtime's log, formatted to end an error message. */
  public String logTail() {
    List<String> lines = tail(logFile, 15);
    if (lines.isEmpty()) {
      return "\n  (its log " + logFile + " is empty)";
    }
    StringBuilder sb = new StringBuilder("\n  last lines of ").append(logFile).append(':');
    for (String l : lines) {
      sb.append("\n    | ").append(l);
    }
    return sb.toString();
  }

  static List<String> tail(Path file, int n) {
    try {
      List<String> all = Files.readAllLines(file, java.nio.charset.StandardCharsets.UTF_8);
      return new ArrayList<>(all.subList(Math.max(0, all.size() - n), all.size()));
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }

  /**
   * Stops the process tree; idempotent and safe from any thread. A second caller (the shutdown
   * hook while the run's own close is inside the grace period) waits until the tree is down, so
   * the JVM never exits halfway through and leaves a runtime that ignores SIGTERM behind.
   */
  public void stop() {
    if (!stopped.compareAndSet(false, true)) {
      try {
        stoppedTree.await(GRACE.toMillis() + 5000, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return;
    }
    try {
      stopTree();
    } finally {
      stoppedTree.countDown();
    }
  }

  private void stopTree() {
    List<ProcessHandle> tree = new ArrayList<>();
    process.descendants().forEach(tree::add);
    tree.add(process.toHandle());
    for (ProcessHandle h : tree) {
      h.destroy();
    }
    long deadline = System.nanoTime() + GRACE.toNanos();
    for (ProcessHandle h : tree) {
      long left = deadline - System.nanoTime();
      try {
        if (left > 0) {
          h.onExit().get(left, TimeUnit.NANOSECONDS);
        }
      } catch (Exception e) {
        // fall through to the forcible kill below
      }
    }
    for (ProcessHandle h : tree) {
      if (h.isAlive()) {
        h.destroyForcibly();
      }
    }
    try {
      process.waitFor(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    // Everything the tree printed before it died reaches the log.
    pump.drain();
    LIVE.remove(this);
    RuntimeFile f = runtimeFile;
    if (f != null && Objects.nonNull(f.path())) {
      try {
        // The runtime deletes its own file on a clean exit; after a forced kill it is ours to remove.
        Files.deleteIfExists(f.path());
      } catch (IOException e) {
        // best effort
      }
    }
  }

  @Override
  public void close() {
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // already shutting down: the hook is running or ran
    }
  }
}
