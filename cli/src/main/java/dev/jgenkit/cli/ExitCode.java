package dev.jgenkit.cli;

/** jgenkit's exit codes: one table, printed in {@code --help}. */
public final class ExitCode {
  /** Every test passed or was skipped. */
  public static final int OK = 0;
  /** At least one test FAILED or ERRORED. */
  public static final int TESTS_FAILED = 1;
  /** Bad command line or spec file (nothing was run). */
  public static final int USAGE = 2;
  /** The runtime could not be started or reached. */
  public static final int RUNTIME_UNAVAILABLE = 3;
  /** A bug in jgenkit. */
  public static final int INTERNAL = 4;
  /** Interrupted (Ctrl-C / SIGTERM). */
  public static final int INTERRUPTED = 130;

  static final String TABLE =
      "Exit codes:%n"
          + "  0    every test passed or was skipped%n"
          + "  1    a test failed (FAIL) or could not be judged (ERROR)%n"
          + "  2    usage or spec error (nothing was run)%n"
          + "  3    the runtime could not be started or reached%n"
          + "  4    internal error (please report it)%n"
          + "  130  interrupted (Ctrl-C / SIGTERM)%n";

  private ExitCode() {}
}
