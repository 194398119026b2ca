package dev.jgenkit.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Entry point; the only place that calls {@link System#exit}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    dev.jgenkit.runners.TimingTrace.mark("main");
    if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
      // Fast path: no command-line model, no picocli class loading.
      System.out.println("jgenkit " + VersionProvider.version());
      System.exit(ExitCode.OK);
    }
    if (args.length > 0 && args[0].equals("test-model")) {
      Warmup.start(args);
    }
    PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    Interrupts.install(new SystemExit());
    int code = run(out, err, CliEnvironment.system(), args);
    out.flush();
    err.flush();
    dev.jgenkit.runners.TimingTrace.mark("exit");
    System.exit(code);
  }

  /**
   * {@link System#exit} as an {@code IntConsumer}, written out rather than as {@code System::exit}:
   * the first method reference or lambda of a JVM sets up {@code java.lang.invoke}, which would
   * put ~15 ms on the main thread before the command line is even built.
   */
  private static final class SystemExit implements java.util.function.IntConsumer {
    @Override
    public void accept(int code) {
      System.exit(code);
    }
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
    CommandLine cl = commandLine(out, err, env, args.length > 0 ? args[0] : null);
    dev.jgenkit.runners.TimingTrace.mark("command line built");
    return cl.execute(args);
  }

  /** Redaction as the runtimes' log filter (a class, not a method reference: see SystemExit). */
  private static final class RedactingFilter implements java.util.function.UnaryOperator<String> {
    @Override
    public String apply(String line) {
      return dev.jgenkit.reports.Redaction.redact(line);
    }
  }

  /** The names of the subcommands, in the order the help lists them. */
  static final java.util.List<String> SUBCOMMANDS = java.util.List.of("test-model", "sample-flows", "validate", "report");

  static CommandLine commandLine(PrintWriter out, PrintWriter err, CliEnvironment env) {
    return commandLine(out, err, env, null);
  }

  /**
   * The command line. When {@code first} (the first argument) names a subcommand, only that one is
   * built: picocli reads every command's annotations when it is added, which is a good part of the
   * start-up of a short run. The root's own help, version, errors and suggestions see them all,
   * since then the first argument is not a subcommand's name.
   */
  static CommandLine commandLine(PrintWriter out, PrintWriter err, CliEnvironment env, String first) {
    dev.jgenkit.reports.Redaction.maskSecretsFrom(env.env());
    // Started runtimes' output passes the same masking on its way to their log files.
    dev.jgenkit.runners.runtime.LaunchedRuntime.filterLogsThrough(new RedactingFilter());
    CommandLine cl = new CommandLine(new JGenkitCommand().spec);
    for (String name : SUBCOMMANDS) {
      if (first == null || !SUBCOMMANDS.contains(first) || first.equals(name)) {
        cl.addSubcommand(name, subcommand(name, env));
      }
    }
    cl.setOut(out);
    cl.setErr(err);
    cl.setExitCodeExceptionMapper(ErrorHandler::exitCodeOf);
    cl.setExecutionExceptionHandler(new ErrorHandler());
    cl.setParameterExceptionHandler(ErrorHandler::handleParameterException);
    cl.setUsageHelpAutoWidth(false);
    cl.setUsageHelpWidth(100);
    return cl;
  }

  private static CommandLine subcommand(String name, CliEnvironment env) {
    return switch (name) {
      case "test-model" -> new CommandLine(new TestModelCommand(env).spec);
      case "sample-flows" -> {
        SampleFlowsCommand c = new SampleFlowsCommand(env);
        CommandLine cl = withCommonOptions(new CommandLine(c));
        c.run.addTo(cl.getCommandSpec());
        yield cl;
      }
      case "validate" -> withCommonOptions(new CommandLine(new ValidateCommand(env)));
      case "report" -> new CommandLine(new ReportCommand())
          .addSubcommand("render", withCommonOptions(new CommandLine(new ReportCommand.Render(env))))
          .addSubcommand("merge", withCommonOptions(new CommandLine(new ReportCommand.Merge(env))))
          .addSubcommand("diff", withCommonOptions(new CommandLine(new ReportCommand.Diff(env))));
      default -> throw new IllegalArgumentException(name);
    };
  }

  /** The annotated commands take the shared options, built in code, here. */
  private static CommandLine withCommonOptions(CommandLine cl) {
    CommonOptions.addTo(cl.getCommandSpec());
    return cl;
  }
}
