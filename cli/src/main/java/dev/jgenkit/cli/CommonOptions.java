package dev.jgenkit.cli;

import picocli.CommandLine.Model.CommandSpec;

/** Options every subcommand takes. */
final class CommonOptions {
  private CommonOptions() {}

  /** Adds them to {@code spec}; {@link ErrorHandler} reads {@code --stacktrace} from the parse result. */
  static CommandSpec addTo(CommandSpec spec) {
    Options.flag(spec, new String[] {"--stacktrace"}, "Print stack traces of errors (for bug reports).");
    return spec;
  }
}
