package dev.jgenkit.cli;

import dev.jgenkit.runners.exec.ExecutionOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;

/** Options every running command takes: timeouts, retries and where reports go. */
final class RunOptionsMixin {
  double timeoutSeconds = 120;
  double idleTimeoutSeconds = ExecutionOptions.DEFAULT_IDLE_TIMEOUT.toSeconds();
  int retries = 0;
  double startupTimeoutSeconds = 60;
  Path reportDir = Path.of("jgenkit-reports");

  /** Adds the options to {@code spec}, with this object's values as their defaults. */
  void addTo(CommandSpec spec) {
    Options.single(spec, "--timeout", "SECONDS", double.class, timeoutSeconds,
        "Per-test timeout; the action is cancelled (default: ${DEFAULT-VALUE}).");
    Options.single(spec, "--idle-timeout", "SECONDS", double.class, idleTimeoutSeconds,
        "Streaming calls: cancel when no bytes arrive for this long once the response has begun; 0 = off (default: ${DEFAULT-VALUE}).");
    Options.single(spec, "--retries", "N", int.class, retries,
        "Retries for UNAVAILABLE, RESOURCE_EXHAUSTED, DEADLINE_EXCEEDED, HTTP 429/503 (default: ${DEFAULT-VALUE}).");
    Options.single(spec, "--startup-timeout", "SECONDS", double.class, startupTimeoutSeconds,
        "Bound for a started runtime to come up and register what is needed (default: ${DEFAULT-VALUE}).");
    Options.single(spec, "--report-dir", "DIR", Path.class, reportDir,
        "Where results.json, junit.xml and the runtime logs go (default: ${DEFAULT-VALUE}).");
  }

  /** Takes the parsed values from {@code spec}, to which {@link #addTo} added the options. */
  void read(CommandSpec spec) {
    timeoutSeconds = Options.value(spec, "--timeout");
    idleTimeoutSeconds = Options.value(spec, "--idle-timeout");
    retries = Options.value(spec, "--retries");
    startupTimeoutSeconds = Options.value(spec, "--startup-timeout");
    reportDir = Options.value(spec, "--report-dir");
  }

  /** Checks the values; a bad one is a usage error. */
  void validate() {
    if (!(timeoutSeconds > 0)) {
      throw new UserException(ExitCode.USAGE, "--timeout must be a positive number of seconds");
    }
    if (!(idleTimeoutSeconds >= 0) || Double.isInfinite(idleTimeoutSeconds)) {
      throw new UserException(ExitCode.USAGE, "--idle-timeout must be 0 (off) or a positive number of seconds");
    }
    if (retries < 0) {
      throw new UserException(ExitCode.USAGE, "--retries must be 0 or more");
    }
    if (!(startupTimeoutSeconds > 0)) {
      throw new UserException(ExitCode.USAGE, "--startup-timeout must be a positive number of seconds");
    }
  }

  Duration timeout() {
    return seconds(timeoutSeconds);
  }

  Duration idleTimeout() {
    return seconds(idleTimeoutSeconds);
  }

  /** How tests run with these options and {@code jobs} at once. */
  ExecutionOptions execution(int jobs) {
    return new ExecutionOptions(jobs, timeout(), retries, Duration.ofSeconds(1), Duration.ofSeconds(30), idleTimeout());
  }

  Duration startupTimeout() {
    return seconds(startupTimeoutSeconds);
  }

  /** The report directory resolved against {@code workingDir}, created and checked writable. */
  Path reportDir(Path workingDir) {
    Path dir = workingDir.resolve(reportDir).normalize();
    try {
      Files.createDirectories(dir);
      // A unique name from pid and clock; Files.createTempFile would seed a SecureRandom, which
      // costs every run start-up time for a name nobody sees.
      Path probe = dir.resolve(".jgenkit-write-check." + ProcessHandle.current().pid() + "." + System.nanoTime() + ".tmp");
      Files.newByteChannel(probe, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
      Files.delete(probe);
    } catch (IOException | RuntimeException e) {
      throw new UserException(ExitCode.USAGE, "--report-dir " + dir + " is not a writable directory ("
          + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
    }
    return dir;
  }

  static Duration seconds(double s) {
    return Duration.ofMillis(Math.round(s * 1000));
  }
}
