package dev.jgenkit.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Entry point; the only place that calls {@link System#exit}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
      // Fast path: no command-line model, no picocli class loading.
      System.out.println("jgenkit " + VersionProvider.version());
      System.exit(ExitCode.OK);
    }
    PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    Interrupts.install(System::exit);
    int code = run(out, err, CliEnvironment.system(), args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Runs jgenkit in-process and returns its exit code. */
  public static int run(PrintWriter out, PrintWriter err, CliEnvironment env, String... args) {
    if (args.length == 0 && env.interactiveTerminal()) {
      // Bare `jgenkit` in a terminal offers both pickers; without one it prints the help.
      java.util.Optional<java.util.List<String>> picked = dev.jgenkit.cli.picker.Launcher.choose(env, err);
      if (picked.isEmpty()) {
        return ExitCode.OK;
      }
      args = picked.get().toArray(new String[0]);
    }
    CommandLine cl = commandLine(out, err, env);
    return cl.execute(args);
  }

  static CommandLine commandLine(PrintWriter out, PrintWriter err, CliEnvironment env) {
    dev.jgenkit.reports.Redaction.maskSecretsFrom(env.env());
    // Started runtimes' output passes the same masking on its way to their log files.
    dev.jgenkit.runners.runtime.LaunchedRuntime.filterLogsThrough(dev.jgenkit.reports.Redaction::redact);
    JGenkitCommand root = new JGenkitCommand();
    CommandLine cl = new CommandLine(root);
    cl.addSubcommand("test-model", new TestModelCommand(env));
    cl.addSubcommand("sample-flows", new SampleFlowsCommand(env));
    cl.addSubcommand("validate", new ValidateCommand(env));
    cl.addSubcommand("report", new CommandLine(new ReportCommand())
        .addSubcommand("render", new ReportCommand.Render(env))
        .addSubcommand("merge", new ReportCommand.Merge(env))
        .addSubcommand("diff", new ReportCommand.Diff(env)));
    cl.setOut(out);
    cl.setErr(err);
    cl.setExitCodeExceptionMapper(ErrorHandler::exitCodeOf);
    cl.setExecutionExceptionHandler(new ErrorHandler());
    cl.setParameterExceptionHandler(ErrorHandler::handleParameterException);
    cl.setUsageHelpAutoWidth(false);
    cl.setUsageHelpWidth(100);
    return cl;
  }
}
