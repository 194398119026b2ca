package dev.jgenkit.runners.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A started runtime's output reaches its log line by line through the log filter, all of it. */
class RuntimeLogTest {
  private static final String SECRET = "s3cr3t-planted-value";
  private static final UnaryOperator<String> MASK = s -> s.replace(SECRET, "***");

  @TempDir Path dir;

  @AfterEach
  void reset() {
    LaunchedRuntime.filterLogsThrough(UnaryOperator.identity());
  }

  @Test
  void everyLineIsFilteredAndNothingIsLostWhenTheProcessExits() throws Exception {
    // given a filter that masks the planted value, and a child printing it on stdout and stderr,
    // many lines, a CRLF line and a last line without a newline, then exiting at once
    LaunchedRuntime.filterLogsThrough(MASK);
    Path log = dir.resolve("runtime.log");
    String script =
        "echo \"key=" + SECRET + "\"; echo \"err " + SECRET + "\" >&2; "
            + "i=0; while [ $i -lt 20000 ]; do echo line-$i; i=$((i+1)); done; "
            + "printf 'crlf " + SECRET + "\\r\\n'; printf 'last " + SECRET + "'";

    // when it runs to its end and the runtime is closed
    try (LaunchedRuntime rt = LaunchedRuntime.spawn(List.of("sh", "-c", script), dir, Map.of(), log)) {
      while (rt.isAlive()) {
        Thread.sleep(20);
      }
    }

    // then the log has every line, the secret nowhere, the last line kept without a newline
    String text = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(text).doesNotContain(SECRET);
    assertThat(text).contains("key=***\n").contains("err ***\n").contains("crlf ***\r\n");
    assertThat(text).contains("line-0\n").contains("line-19999\n").endsWith("last ***");
    assertThat(text.lines().filter(l -> l.startsWith("line-")).count()).isEqualTo(20000);
  }

  @Test
  void aRuntimeThatDiesAtOnceIsReportedWithItsLastFilteredLines() throws Exception {
    // given a command that prints a secret and exits before writing any runtime file
    LaunchedRuntime.filterLogsThrough(MASK);
    Path log = dir.resolve("runtime.log");
    try (LaunchedRuntime rt =
        LaunchedRuntime.spawn(
            List.of("sh", "-c", "echo \"boom with $PLANTED\"; exit 7"), dir,
            Map.of("PLANTED", SECRET), log)) {
      // when jgenkit waits for its runtime file
      RuntimeUnavailableException e =
          catchThrowableOfType(
              RuntimeUnavailableException.class,
              () ->
                  rt.awaitRuntimeFile(
                      RuntimeDirectories.of(dir, dir), Duration.ofSeconds(20), f -> true));

      // then the error has the exit code and the (masked) last line, which the log holds too
      assertThat(e.getMessage()).contains("exited with code 7").contains("boom with ***");
      assertThat(e.getMessage()).doesNotContain(SECRET);
    }
    assertThat(Files.readString(log)).isEqualTo("boom with ***\n");
  }

  @Test
  void aLineLongerThanTheLimitIsWrittenInPieces() throws Exception {
    // given a child printing 3 MiB without a newline
    Path log = dir.resolve("runtime.log");
    try (LaunchedRuntime rt =
        LaunchedRuntime.spawn(
            List.of("sh", "-c", "head -c 3145728 /dev/zero | tr '\\0' x"), dir, Map.of(), log)) {
      while (rt.isAlive()) {
        Thread.sleep(20);
      }
    }

    // then all of it reaches the log
    assertThat(Files.size(log)).isEqualTo(3L * 1024 * 1024);
  }

  @Test
  void killAllNowEndsARuntimeThatIgnoresSigterm() throws Exception {
    // given a child that ignores SIGTERM
    Path log = dir.resolve("runtime.log");
    try (LaunchedRuntime rt =
        LaunchedRuntime.spawn(
            List.of("sh", "-c", "trap '' TERM; echo ready; while true; do sleep 1; done"),
            dir, Map.of(), log)) {
      long pid = rt.pid();
      while (!Files.readString(log).contains("ready")) {
        Thread.sleep(20);
      }

      // when every started runtime is killed at once
      long t0 = System.nanoTime();
      LaunchedRuntime.killAllNow();

      // then it is gone well before the 5 s SIGTERM grace would have ended
      while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(4));
        Thread.sleep(20);
      }
    }
  }
}
