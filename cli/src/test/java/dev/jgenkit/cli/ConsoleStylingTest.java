package dev.jgenkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Colour and live progress on a terminal only; NO_COLOR honoured; logs stay plain. */
class ConsoleStylingTest {
  private static final String ESC = "\u001b[";

  @TempDir Path dir;
  @TempDir Path reports;

  private FakeRuntime fake;

  @BeforeEach
  void start() throws Exception {
    fake = FakeRuntime.start();
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  private Cli.Result run(boolean terminal, Map<String, String> env) throws Exception {
    return Cli.in(dir)
        .withTerminal(terminal, env)
        .run("test-model", "fake/good", "--supports", "multiturn,system-role", "--runtime-url",
            fake.url(), "--report-dir", reports.toString());
  }

  @Test
  void notATerminalMeansNoEscapesAndNoProgressLine() throws Exception {
    // when
    Cli.Result r = run(false, Map.of());

    // then
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).doesNotContain(ESC).doesNotContain("\r").doesNotContain("running…");
  }

  @Test
  void aTerminalGetsColourAndALiveProgressLineThatIsClearedAgain() throws Exception {
    // when
    Cli.Result r = run(true, Map.of());

    // then
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out())
        .contains(ESC + "32m✓" + ESC + "0m")
        .contains(ESC + "1mfake/good" + ESC + "0m")
        .containsPattern("\r  \\[\\d/2\\] running…")
        .contains("\r" + ESC + "2K");
    // the progress line never survives into the final tree lines
    assertThat(r.out().lines().filter(l -> l.contains("Multiturn Conformance")))
        .allSatisfy(l -> assertThat(l.substring(l.lastIndexOf('\r') + 1)).doesNotContain("running…"));
  }

  @Test
  void noColorKeepsTheProgressLineButDropsColour() throws Exception {
    // when
    Cli.Result r = run(true, Map.of("NO_COLOR", "1"));

    // then
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).doesNotContain(ESC + "32m").doesNotContain(ESC + "1m");
    assertThat(r.out()).containsPattern("\r  \\[\\d/2\\] running…");
  }
}
