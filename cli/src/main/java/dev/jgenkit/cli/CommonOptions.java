package dev.jgenkit.cli;

import picocli.CommandLine.Option;

/** Options every subcommand takes. */
final class CommonOptions {
  @Option(names = "--stacktrace", description = "Print stack traces of errors (for bug reports).")
  boolean stacktrace;
}
