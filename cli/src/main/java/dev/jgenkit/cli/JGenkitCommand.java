package dev.jgenkit.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code jgenkit}: the top-level command; prints help when no subcommand is given. */
@Command(
    name = "jgenkit",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Tests Genkit runtimes (JS, Go, Python, Java) through the reflection API.",
    footer = {"", ExitCode.TABLE},
    subcommandsRepeatable = false)
final class JGenkitCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return ExitCode.OK;
  }
}
