package dev.jgenkit.cli;

import dev.jgenkit.cli.picker.Interactive;
import dev.jgenkit.reports.ConsoleReport;
import dev.jgenkit.reports.ConsoleStyle;
import dev.jgenkit.reports.PeerOutput;
import dev.jgenkit.reports.Redaction;
import dev.jgenkit.runners.RuntimeTarget;
import dev.jgenkit.runners.TestModelEngine;
import dev.jgenkit.runners.TimingTrace;
import dev.jgenkit.runners.exec.ExecutionOptions;
import dev.jgenkit.runners.exec.RunListener;
import dev.jgenkit.runners.plan.Planner;
import dev.jgenkit.runners.results.RunResult;
import dev.jgenkit.runners.results.Verdict;
import dev.jgenkit.runners.runtime.RuntimeDirectories;
import dev.jgenkit.runners.runtime.RuntimeUnavailableException;
import dev.jgenkit.specs.BuiltInTests;
import dev.jgenkit.specs.DidYouMean;
import dev.jgenkit.specs.Location;
import dev.jgenkit.specs.ProjectRoot;
import dev.jgenkit.specs.SpecFile;
import dev.jgenkit.specs.Suite;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** {@code jgenkit test-model}: the peer's {@code genkit dev:test-model}, stricter and faster. */
final class TestModelCommand implements Callable<Integer> {
  private static final String[] DESCRIPTION = {
    "Run model-conformance tests against a Genkit runtime through its reflection API.",
    "",
    "  jgenkit test-model MODEL [--supports LIST] [-- CMD ARGS...]",
    "  jgenkit test-model --from-file SPEC.yaml [-- CMD ARGS...]",
    "  jgenkit test-model [--runtime NAME]... [--from-file SPEC.yaml]   (runtimes of jgenkit.yaml)",
    "  jgenkit test-model --conform DIR|conform.toml [PLUGIN...]",
    "",
    "With a command, jgenkit starts it (GENKIT_ENV=dev, output to <report-dir>/runtime.log),",
    "waits for its models and stops its whole process tree at the end. Without one it attaches",
    "to --runtime-url or to the most recent healthy runtime under <project>/.genkit/runtimes."
  };

  /** The command model, built in code (see {@link Options}); its parsed values fill the fields. */
  final CommandSpec spec;

  final RunOptionsMixin run = new RunOptionsMixin();

  final LauncherReports launcherReports = new LauncherReports();

  List<String> positionals = new ArrayList<>();
  List<String> fromFiles = new ArrayList<>();
  String supports = String.join(",", BuiltInTests.DEFAULT_SUPPORTS);
  String runtimeUrl;
  int jobs = ExecutionOptions.DEFAULT_JOBS;
  boolean strict;
  boolean peerOutput;
  List<String> runtimeNames = new ArrayList<>();
  Path config;
  Path conform;
  boolean failFast;
  boolean interactive;

  private final CliEnvironment env;

  TestModelCommand(CliEnvironment env) {
    this.env = env;
    CommandSpec s = Options.command("test-model", this, DESCRIPTION, "", ExitCode.TABLE);
    CommonOptions.addTo(s);
    run.addTo(s);
    LauncherReports.addTo(s);
    Options.positionals(s, "MODEL_OR_CMD",
        "Without --from-file: the model name, then the runtime command. With --from-file: the"
            + " runtime command.");
    Options.repeatable(s, "--from-file", "FILE",
        "Spec file (YAML for .yaml/.yml, else JSON), resolved against the project root like the"
            + " peer. Repeatable.");
    Options.single(s, "--supports", "LIST", String.class, supports,
        "Capabilities for suites that list neither supports nor tests (default: ${DEFAULT-VALUE})."
            + " 'auto' derives them from the model's metadata and SKIPs the rest.");
    Options.single(s, "--runtime-url", "URL", String.class, null, "Attach to the runtime at this reflection URL.");
    Options.single(s, new String[] {"-j", "--jobs"}, "N", int.class, jobs,
        "Tests run at once across all suites (default: ${DEFAULT-VALUE}).");
    Options.flag(s, new String[] {"--strict"},
        "Add the stricter validators (json-schema, tool-input-schema, stream-consistent) to the built-ins.");
    Options.flag(s, new String[] {"--peer-output"},
        "Print the peer's exact lines (Testing model:, ✅ Passed:, Tests Completed:) instead of the tree.");
    Options.repeatable(s, "--runtime", "NAME",
        "Run on this runtime of jgenkit.yaml (repeatable; default: every runtime, when jgenkit.yaml is"
            + " present and no -- CMD is given). With --conform: a [conform.runtimes] name.");
    Options.single(s, "--config", "FILE", Path.class, null,
        "The project file naming the runtimes (default: jgenkit.yaml in the project root, else the working directory).");
    Options.single(s, "--conform", "DIR|FILE", Path.class, null,
        "Run a conform layout: <specs-dir>/<plugin>/model-conformance.yaml per runtime of this"
            + " conform.toml (or DIR/conform.toml); positionals name plugins.");
    Options.flag(s, new String[] {"--fail-fast"},
        "With several runtimes or conform plugins: stop after the first one with a FAIL or ERROR;"
            + " the rest are reported as SKIP.");
    Options.flag(s, new String[] {"-i", "--interactive"},
        "Pick the tests in a full-screen fuzzy picker, run them, pick again (needs a terminal).");
    this.spec = s;
  }

  /** Takes the parsed values into the fields. */
  private void readOptions() {
    run.read(spec);
    launcherReports.read(spec);
    positionals = Options.positionalStrings(spec);
    fromFiles = Options.strings(spec, "--from-file");
    supports = Options.value(spec, "--supports");
    runtimeUrl = Options.value(spec, "--runtime-url");
    jobs = Options.value(spec, "--jobs");
    strict = Options.value(spec, "--strict");
    peerOutput = Options.value(spec, "--peer-output");
    runtimeNames = Options.strings(spec, "--runtime");
    config = Options.value(spec, "--config");
    conform = Options.value(spec, "--conform");
    failFast = Options.value(spec, "--fail-fast");
    interactive = Options.value(spec, "--interactive");
  }

  @Override
  @SuppressWarnings("try") // the interrupt hook is registered for the body's duration
  public Integer call() throws Exception {
    TimingTrace.mark("arguments parsed");
    readOptions();
    Warmup.awaitJson();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (interactive && !env.interactiveTerminal()) {
      throw new UserException(ExitCode.USAGE, Interactive.refusal("test-model"));
    }
    validateOptions();
    Path projectRoot = ProjectRoot.find(env.workingDir());
    if (conform != null) {
      return ConformRun.run(this, env, out, err);
    }
    Optional<Path> projectFile = projectFile(projectRoot);
    if (projectFile.isPresent()) {
      return runOnProjectRuntimes(projectFile.get(), projectRoot, out, err);
    }
    List<String> command;
    List<SpecFile> specs = new ArrayList<>();
    List<String> specNames = new ArrayList<>();
    if (!fromFiles.isEmpty()) {
      command = positionals;
      for (String f : fromFiles) {
        Path path = ProjectRoot.resolveSpec(projectRoot, f);
        specs.add(SpecLoading.load(path, err));
        specNames.add(path.toString());
      }
    } else {
      if (positionals.isEmpty()) {
        throw new UserException(ExitCode.USAGE,
            "a model name is required unless --from-file is used\n  e.g. jgenkit test-model googleai/gemini-2.5-flash -- node index.js");
      }
      String model = positionals.get(0);
      command = positionals.subList(1, positionals.size());
      Location where = new Location(Path.of("<command line>"), 0, 0);
      specs.add(new SpecFile(where.file(), List.of(new Suite(model, Optional.empty(), Optional.empty(), where))));
    }
    TimingTrace.mark("specs loaded");
    Path reports = run.reportDir(env.workingDir());
    RuntimeDirectories dirs = RuntimeDirectories.of(projectRoot, env.workingDir());
    RuntimeTarget target;
    if (!command.isEmpty()) {
      if (runtimeUrl != null) {
        throw new UserException(ExitCode.USAGE, "--runtime-url and a runtime command exclude each other");
      }
      target = new RuntimeTarget.Command(command, env.workingDir(), Map.of(), reports.resolve("runtime.log"), dirs);
    } else if (runtimeUrl != null) {
      target = new RuntimeTarget.Url(runtimeUrl);
    } else {
      target = new RuntimeTarget.Discover(dirs);
    }
    boolean auto = supports.trim().equalsIgnoreCase("auto");
    Planner.Options planOptions =
        new Planner.Options(auto ? BuiltInTests.DEFAULT_SUPPORTS : supportsList(), auto, strict);
    ExecutionOptions exec = executionOptions();
    TestModelEngine.Request request =
        new TestModelEngine.Request(specs, specNames, planOptions, exec, target,
            run.startupTimeout(), VersionProvider.version());
    if (interactive) {
      return Interactive.testModel(request, reports, env, Interrupts::register);
    }
    ConsoleStyle style = new ConsoleStyle(env.color(), true);
    RunRecorder recorder = new RunRecorder();
    ConsoleListener console = new ConsoleListener(out, style, env.interactiveTerminal());
    JsonlLog jsonl = JsonlLog.open(reports);
    try {
      Instant startedAt = Instant.now();
      ReportWarmup reportWarmup =
          new ReportWarmup(() -> recorder.partial(VersionProvider.version(), specNames, startedAt, Instant.now()), style, jobs);
      RunListener listener =
          peerOutput
              ? new Listeners(recorder, jsonl, reportWarmup)
              : new Listeners(console, recorder, jsonl, reportWarmup);
      if (!peerOutput && target instanceof RuntimeTarget.Command c) {
        out.println(Redaction.redact("Starting `" + String.join(" ", c.argv()) + "` (log: " + c.logFile() + ")"));
        out.flush();
      }
      TimingTrace.mark("listeners ready");
      java.util.concurrent.atomic.AtomicBoolean interrupted =
          new java.util.concurrent.atomic.AtomicBoolean();
      Warmup.awaitHttp();
      TestModelEngine engine = new TestModelEngine(Warmup.httpClient(), Clock.systemUTC());
      Warmup.takeProbe().ifPresent(engine::useProbe);
      RunResult result;
      try (AutoCloseable onInterrupt =
          Interrupts.register(
              () -> {
                interrupted.set(true);
                console.mute();
                reportWarmup.await();
                writePartialReport(recorder, specNames, startedAt, reports, out, err);
                engine.abortCalls();
              })) {
        result = launcherReports.run(engine, request, listener, reports);
      } catch (RuntimeUnavailableException e) {
        // CI still gets complete reports: every planned test is an ERROR naming why
        RunResult unreached = engine.notRun(request, jsonl, Verdict.ERROR,
            "runtime unavailable: " + e.getMessage(), TestModelEngine.unreached(target), startedAt);
        List<Path> written = ReportOutput.write(reports, unreached, env, out);
        if (!peerOutput) {
          out.println("Reports: " + String.join(", ", written.stream().map(Path::toString).toList()));
          out.flush();
        }
        throw new UserException(ExitCode.RUNTIME_UNAVAILABLE, e.getMessage(), e);
      }
      TimingTrace.mark("run finished");
      if (interrupted.get()) {
        return ExitCode.INTERRUPTED; // the interrupt hook wrote the partial report
      }
      reportWarmup.await();
      if (peerOutput) {
        out.print(PeerOutput.render(result));
      } else {
        out.println();
        out.println(ConsoleReport.summary(result, style));
        out.println(ConsoleReport.runtimeLine(result.runtime()));
      }
      TimingTrace.mark("summary printed");
      List<Path> written = ReportOutput.write(reports, result, env, out);
      TimingTrace.mark("reports written");
      if (!peerOutput) {
        out.println("Reports: " + String.join(", ", written.stream().map(Path::toString).toList()));
      }
      if (!peerOutput && launcherReports.enabled()) {
        out.println("JUnit Platform reports: " + String.join(", ", launcherReports.written().stream().map(Path::toString).toList()));
      }
      out.flush();
      return result.anyFailed() ? ExitCode.TESTS_FAILED : ExitCode.OK;
    } finally {
      jsonl.close(); // each line is flushed as it is written; this releases the file
    }
  }

  /** Ctrl-C/SIGTERM: keep what ran, marked interrupted. */
  private void writePartialReport(
      RunRecorder recorder,
      List<String> specNames,
      Instant startedAt,
      Path reports,
      PrintWriter out,
      PrintWriter err) {
    recorder
        .partial(VersionProvider.version(), specNames, startedAt, Instant.now())
        .ifPresent(partial -> ReportOutput.writePartial(reports, partial, env.env(), out, err));
  }

  /**
   * The jgenkit.yaml to run on: --config, or with --runtime the one found; with neither, the one
   * found when no runtime command or URL is given. Empty for a plain single-runtime run.
   */
  private Optional<Path> projectFile(Path projectRoot) {
    boolean explicit = config != null || !runtimeNames.isEmpty();
    List<String> command =
        fromFiles.isEmpty() ? positionals.subList(Math.min(1, positionals.size()), positionals.size()) : positionals;
    if (explicit) {
      if (!command.isEmpty() || runtimeUrl != null) {
        throw new UserException(ExitCode.USAGE, (config != null ? "--config" : "--runtime")
            + " runs on the runtimes of jgenkit.yaml; it excludes " + (runtimeUrl != null ? "--runtime-url" : "a runtime command (-- CMD)"));
      }
      if (interactive) {
        throw new UserException(ExitCode.USAGE, "-i runs on one runtime; leave out --runtime/--config");
      }
      if (config != null) {
        return Optional.of(env.workingDir().resolve(config).normalize());
      }
      return Optional.of(dev.jgenkit.specs.project.ProjectFileLoader.find(projectRoot, env.workingDir())
          .orElseThrow(() -> new UserException(ExitCode.USAGE, "--runtime: no "
              + dev.jgenkit.specs.project.ProjectFile.FILE_NAME + " in " + projectRoot + " or "
              + env.workingDir() + "\n  hint: write one naming the runtimes, or pass --config FILE")));
    }
    if (!command.isEmpty() || runtimeUrl != null || interactive) {
      return Optional.empty();
    }
    return dev.jgenkit.specs.project.ProjectFileLoader.find(projectRoot, env.workingDir());
  }

  private int runOnProjectRuntimes(Path file, Path projectRoot, PrintWriter out, PrintWriter err)
      throws Exception {
    dev.jgenkit.specs.project.ProjectFile project = ProjectRuntimes.load(file, err);
    List<dev.jgenkit.specs.project.ProjectFile.Runtime> selected =
        ProjectRuntimes.select(project, runtimeNames);
    Optional<ProjectRuntimes.Specs> cliSpecs = Optional.empty();
    if (!fromFiles.isEmpty()) {
      List<SpecFile> files = new ArrayList<>();
      List<String> names = new ArrayList<>();
      for (String f : fromFiles) {
        Path path = ProjectRoot.resolveSpec(projectRoot, f);
        files.add(SpecLoading.load(path, err));
        names.add(path.toString());
      }
      cliSpecs = Optional.of(new ProjectRuntimes.Specs(files, names));
    } else if (!positionals.isEmpty()) {
      Location where = new Location(Path.of("<command line>"), 0, 0);
      cliSpecs = Optional.of(new ProjectRuntimes.Specs(
          List.of(new SpecFile(where.file(), List.of(new Suite(positionals.get(0), Optional.empty(), Optional.empty(), where)))),
          List.of()));
    }
    Path reports = run.reportDir(env.workingDir());
    List<dev.jgenkit.runners.MultiRuntimeEngine.Unit> units =
        ProjectRuntimes.units(selected, project, cliSpecs, planOptions(), executionOptions(),
            run.startupTimeout(), reports, err);
    return new MultiRuntimeRun(env, out, err).run(units,
        new MultiRuntimeRun.Settings(reports, peerOutput, failFast, u -> "runtime " + u.name()));
  }

  Planner.Options planOptions() {
    boolean auto = supports.trim().equalsIgnoreCase("auto");
    return new Planner.Options(auto ? BuiltInTests.DEFAULT_SUPPORTS : supportsList(), auto, strict);
  }

  ExecutionOptions executionOptions() {
    return run.execution(jobs);
  }

  private void validateOptions() {
    if (jobs < 1) {
      throw new UserException(ExitCode.USAGE, "--jobs must be at least 1 (got " + jobs + ")");
    }
    run.validate();
    if (runtimeUrl != null && !Warmup.isHttpUrl(runtimeUrl)) {
      throw new UserException(ExitCode.USAGE, "--runtime-url: not an http(s) URL: " + runtimeUrl
          + "\n  e.g. --runtime-url http://localhost:3100");
    }
  }

  private List<String> supportsList() {
    List<String> caps = Arrays.stream(supports.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    for (String c : caps) {
      if (BuiltInTests.get(c).isEmpty()) {
        String hint = DidYouMean.suggest(c, BuiltInTests.capabilities()).map(s -> " (did you mean '" + s + "'?)").orElse("");
        throw new UserException(ExitCode.USAGE, "--supports: unknown capability '" + c + "'" + hint
            + "\n  known: " + String.join(", ", BuiltInTests.capabilities()) + ", or auto");
      }
    }
    return caps;
  }

}
