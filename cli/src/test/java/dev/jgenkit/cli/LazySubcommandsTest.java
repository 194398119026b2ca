package dev.jgenkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Main builds only the subcommand named by the first argument; what a command prints and returns
 * must not depend on that: the same as with the full command line, for help, usage errors,
 * unknown commands and the root's own options.
 */
class LazySubcommandsTest {
  @TempDir Path dir;

  static List<List<String>> commandLines() {
    return List.of(
        List.of("test-model", "--help"),
        List.of("sample-flows", "--help"),
        List.of("validate", "--help"),
        List.of("report", "--help"),
        List.of("report", "render", "--help"),
        List.of("test-model", "--no-such-option"),
        List.of("test-model", "--jobs", "0", "m"),
        List.of("validate"),
        List.of("report", "merge"),
        List.of("--help"),
        List.of("--version"),
        List.of("test-modle"),
        List.of("--no-such-option", "test-model"),
        List.of());
  }

  private record Outcome(int code, String out, String err) {}

  private Outcome run(boolean lazy, List<String> args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    PrintWriter o = new PrintWriter(out, true);
    PrintWriter e = new PrintWriter(err, true);
    CliEnvironment env = new CliEnvironment(dir, Map.of(), false);
    String[] a = args.toArray(new String[0]);
    int code = lazy ? Main.run(o, e, env, a) : Main.commandLine(o, e, env).execute(a);
    o.flush();
    e.flush();
    return new Outcome(code, out.toString(), err.toString());
  }

  @ParameterizedTest
  @MethodSource("commandLines")
  void onlyTheNamedSubcommandIsBuiltAndNothingPrintedChanges(List<String> args) {
    Outcome full = run(false, args);
    Outcome lazy = run(true, args);

    assertThat(lazy).isEqualTo(full);
    assertThat(full.out() + full.err()).isNotEmpty();
  }
}
