package dev.jgenkit.cli.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jgenkit test-model -i} driven like a person would, in a real terminal: the real jar in a
 * tmux pane (80×24) on the bundled reference runtime, keys sent with {@code send-keys}, the screen
 * read with {@code capture-pane}. Skipped where tmux is not installed.
 */
class InteractivePickerIT {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir Path tmp;

  private final String socket = "jgenkit-it-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
  private boolean started;

  @AfterEach
  void killTmux() throws Exception {
    if (started) {
      tmux("kill-server");
    }
  }

  @Test
  void filterToOneTestRunItSeeItsVerdictReturnAndQuit() throws Exception {
    assumeTrue(tmuxInstalled(), "tmux is not installed");
    // given the picker over specs/good.yaml, the runtime started by jgenkit itself
    Path reports = tmp.resolve("reports");
    Path config = tmp.resolve("config");
    Path exitFile = tmp.resolve("exit-code");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String command = "env -u CI LANG=C.UTF-8 XDG_CONFIG_HOME=" + q(config) + " " + q(Path.of(java))
        + " -jar " + q(JGenkitBinary.jar()) + " test-model -i --from-file specs/good.yaml --report-dir "
        + q(reports) + " -- node index.js; echo $? > " + q(exitFile) + "; sleep 300";
    tmux("-f", "/dev/null", "new-session", "-d", "-s", "it", "-x", "80", "-y", "24",
        "-c", JGenkitBinary.referenceDir().toString(), command);
    started = true;
    String screen = awaitScreen(s -> s.contains("14/14") && s.contains("Tool Request Conformance"), 30);
    assertThat(screen).startsWith("jgenkit test-model · good.yaml").contains("Last run: not run yet");

    // when the query narrows the list to one test
    tmux("send-keys", "-t", "it", "-l", "system role");
    screen = awaitScreen(s -> s.contains("1/14") && s.contains("> system role"), 10);
    List<String> rows = listRows(screen);
    assertThat(rows).as(screen).containsExactly("▌    reference/good › System Role Conformance  system-role");

    // and Enter runs it
    tmux("send-keys", "-t", "it", "Enter");
    screen = awaitScreen(s -> s.contains("Press any key to return to the picker"), 90);

    // then the run screen shows its verdict and the summary
    assertThat(screen).as(screen).contains("Running 1 test…").contains("Starting `node index.js`")
        .contains("✓ System Role Conformance").contains("1 passed, 0 failed, 0 errors, 0 skipped");

    // when any key is pressed, the picker is back with the query kept and the verdict marked
    tmux("send-keys", "-t", "it", "x");
    screen = awaitScreen(s -> s.contains("> system role") && s.contains("✓ reference/good › System Role"), 10);
    assertThat(screen).as(screen).contains("Last run: ✓ PASS in ");

    // and Esc quits with the exit code of the last run
    tmux("send-keys", "-t", "it", "Escape");
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!Files.exists(exitFile) && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(exitFile).as(capture()).exists();
    assertThat(Files.readString(exitFile).strip()).isEqualTo("0");

    // the run wrote its report of that one test, and the session's runtime is stopped
    JsonNode results = MAPPER.readTree(reports.resolve("results.json").toFile());
    assertThat(results.path("tests")).hasSize(1);
    assertThat(results.path("tests").get(0).path("verdict").asText()).isEqualTo("PASS");
    long pid = results.path("runtime").path("pid").asLong();
    assertThat(pid).isPositive();
    deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();

    // and the selection that ran is remembered for next time
    JsonNode memory = MAPPER.readTree(config.resolve("jgenkit/picker.json").toFile());
    JsonNode entry = memory.path("pickers").elements().next();
    assertThat(entry.path("selected").toString()).contains("reference/good › System Role Conformance");
  }

  /** The list rows: between the prompt line and the first blank line or preview separator. */
  private static List<String> listRows(String screen) {
    List<String> lines = screen.lines().toList();
    List<String> rows = new ArrayList<>();
    for (int i = 2; i < lines.size(); i++) {
      String l = lines.get(i).stripTrailing();
      if (l.isEmpty() || l.startsWith("━━")) {
        break;
      }
      rows.add(l);
    }
    return rows;
  }

  private String awaitScreen(Predicate<String> ready, int seconds) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    String screen = capture();
    while (!ready.test(screen)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the screen did not get there within " + seconds + " s:\n" + screen);
      }
      Thread.sleep(100);
      screen = capture();
    }
    return screen;
  }

  private String capture() throws Exception {
    return tmux("capture-pane", "-p", "-t", "it");
  }

  private String tmux(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(10, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("tmux hung: " + cmd);
    }
    if (p.exitValue() != 0 && !args[0].equals("kill-server")) {
      throw new AssertionError("tmux failed (" + p.exitValue() + "): " + cmd + "\n" + out);
    }
    return out;
  }

  private static boolean tmuxInstalled() {
    try {
      Process p = new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  /** Single-quoted for sh. */
  private static String q(Path p) {
    return "'" + p.toString().replace("'", "'\\''") + "'";
  }
}
