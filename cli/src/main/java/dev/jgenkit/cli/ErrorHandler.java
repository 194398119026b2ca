package dev.jgenkit.cli;

import java.io.PrintWriter;
import dev.jgenkit.reports.Redaction;
import picocli.CommandLine;

/** The single error boundary: user errors print a message, bugs print one line plus a hint. */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(
      Exception ex, CommandLine cl, CommandLine.ParseResult parseResult) {
    PrintWriter err = cl.getErr();
    boolean stack = stacktraceRequested(parseResult);
    if (ex instanceof UserException u) {
      err.println("jgenkit: " + Redaction.redact(u.getMessage()));
      if (stack) {
        u.printStackTrace(err);
      }
      err.flush();
      return u.exitCode();
    }
    err.println("jgenkit: internal error: " + Redaction.redact(String.valueOf(ex)));
    if (stack) {
      ex.printStackTrace(err);
    } else {
      err.println("  (run again with --stacktrace for details, and please report it)");
    }
    err.flush();
    return ExitCode.INTERNAL;
  }

  static int exitCodeOf(Throwable t) {
    return t instanceof UserException u ? u.exitCode() : ExitCode.INTERNAL;
  }

  static int handleParameterException(CommandLine.ParameterException ex, String[] args) {
    CommandLine cl = ex.getCommandLine();
    PrintWriter err = cl.getErr();
    err.println("jgenkit: " + ex.getMessage());
    CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
    err.println("  (see `" + cl.getCommandSpec().qualifiedName() + " --help`)");
    err.flush();
    return ExitCode.USAGE;
  }

  private static boolean stacktraceRequested(CommandLine.ParseResult pr) {
    for (CommandLine.ParseResult p = pr; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption("--stacktrace")) {
        return true;
      }
    }
    return false;
  }
}
