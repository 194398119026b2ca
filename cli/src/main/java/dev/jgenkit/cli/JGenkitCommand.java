package dev.jgenkit.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** {@code jgenkit}: the top-level command; prints help when no subcommand is given. */
final class JGenkitCommand implements Callable<Integer> {
  /** The command model, built in code (see {@link Options}). */
  final CommandSpec spec =
      Options.command(
          "jgenkit",
          this,
          new String[] {"Tests Genkit runtimes (JS, Go, Python, Java) through the reflection API."},
          "",
          ExitCode.TABLE);

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return ExitCode.OK;
  }
}
