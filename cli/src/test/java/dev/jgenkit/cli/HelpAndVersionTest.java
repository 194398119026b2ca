package dev.jgenkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code --version}, {@code --help} and the exit-code table. */
class HelpAndVersionTest {
  private static final String[] EXIT_CODE_LINES = {
    "Exit codes:",
    "  0    every test passed or was skipped",
    "  1    a test failed (FAIL) or could not be judged (ERROR)",
    "  2    usage or spec error (nothing was run)",
    "  3    the runtime could not be started or reached",
    "  4    internal error (please report it)",
    "  130  interrupted (Ctrl-C / SIGTERM)",
  };

  @TempDir Path dir;

  private Cli cli;

  @BeforeEach
  void setUp() throws Exception {
    cli = Cli.in(dir);
  }

  @Test
  void versionPrintsToolNameAndTheBuildVersion() {
    // when
    Cli.Result r = cli.run("--version");

    // then
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).matches("jgenkit \\d+\\.\\d+\\.\\d+[^\\s$]*\\R");
    assertThat(r.out()).isEqualTo("jgenkit " + VersionProvider.version() + System.lineSeparator());
    assertThat(r.err()).isEmpty();
  }

  @Test
  void subcommandsPrintTheSameVersion() {
    assertThat(cli.run("test-model", "--version").out()).isEqualTo(cli.run("--version").out());
    assertThat(cli.run("validate", "-V").out()).isEqualTo(cli.run("-V").out());
  }

  @ParameterizedTest
  @ValueSource(strings = {"--help", "-h"})
  void topLevelHelpListsSubcommandsAndTheExitCodeTable(String flag) {
    // when
    Cli.Result r = cli.run(flag);

    // then
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("Usage: jgenkit").contains("test-model").contains("validate");
    assertThat(r.out().lines()).contains(EXIT_CODE_LINES);
  }

  @Test
  void noArgumentsPrintsHelp() {
    // when
    Cli.Result r = cli.run();

    // then
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("Usage: jgenkit").contains("Exit codes:");
  }

  @Test
  void testModelHelpShowsItsOptionsDefaultsAndTheExitCodeTable() {
    // when
    Cli.Result r = cli.run("test-model", "--help");

    // then
    assertThat(r.exitCode()).isZero();
    // picocli wraps long descriptions: compare with runs of whitespace folded
    assertThat(r.out().replaceAll("\\s+", " "))
        .contains("Usage: jgenkit test-model")
        .contains("--from-file=FILE")
        .contains("--supports=LIST")
        .contains("-j, --jobs=N")
        .contains("--timeout=SECONDS")
        .contains("--retries=N")
        .contains("--startup-timeout=SECONDS")
        .contains("--runtime-url=URL")
        .contains("--report-dir=DIR")
        .contains("--peer-output")
        .contains("--strict")
        .contains("--stacktrace")
        .contains("Tests run at once across all suites (default: 16)")
        .contains("(default: jgenkit-reports)")
        .contains("(default: 120.0)")
        .contains("(default: tool-request,structured-output,multiturn,system-role,");
    assertThat(r.out().lines()).contains(EXIT_CODE_LINES);
  }

  @Test
  void validateHelpHasTheExitCodeTableToo() {
    // when
    Cli.Result r = cli.run("validate", "--help");

    // then
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("Usage: jgenkit validate");
    assertThat(r.out().lines()).contains(EXIT_CODE_LINES);
  }

  @Test
  void helpSubcommandIsNotNeededButHelpWithUnknownOptionIsAUsageError() {
    // when
    Cli.Result r = cli.run("--nope");

    // then
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("Unknown option: '--nope'").contains("jgenkit --help");
  }
}
