package dev.jgenkit.cli;

import dev.jgenkit.cli.picker.Interactive;
import dev.jgenkit.reports.ConsoleReport;
import dev.jgenkit.reports.ConsoleStyle;
import dev.jgenkit.runners.reflection.ReflectionClient;
import dev.jgenkit.runners.results.RunResult;
import dev.jgenkit.runners.samples.SampleFlowsEngine;
import dev.jgenkit.runners.samples.SamplePlanner;
import dev.jgenkit.specs.DidYouMean;
import dev.jgenkit.specs.ProjectRoot;
import dev.jgenkit.specs.SpecException;
import dev.jgenkit.specs.SpecProblem;
import dev.jgenkit.specs.samples.Plan;
import dev.jgenkit.specs.samples.PlanLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jgenkit sample-flows}: every sample app's flows, in the phased order. */
@Command(
    name = "sample-flows",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Start each sample app, run all its flows through the reflection API, and stop it; samples",
      "run in the plan's phased order (core framework first, web serving last), then the samples",
      "the plan does not name, by name. A sample whose variables are unset is SKIPPED, never started.",
      "",
      "A sample is a directory of the samples dir with a jgenkit-sample.yaml, or else a package.json",
      "(node on its main, npx tsx for TypeScript), a go.mod (go run .), src/main.py or main.py (uv run).",
      "Flow inputs come from jgenkit-sample.yaml, or are synthesised from the flow's input schema."
    },
    footer = {"", ExitCode.TABLE})
final class SampleFlowsCommand implements Callable<Integer> {
  static final String DEFAULT_PLAN_FILE = "jgenkit-plan.yaml";

  @Spec CommandSpec spec;


  final RunOptionsMixin run = new RunOptionsMixin();

  @Parameters(paramLabel = "SAMPLE", arity = "0..*", description = "Sample names or globs (default: all).")
  List<String> samples = new ArrayList<>();

  @Option(names = "--samples-dir", paramLabel = "DIR", description = "Where the samples are (default: samples/ under the project root).")
  Path samplesDir;

  @Option(names = "--plan", paramLabel = "FILE|NAME", description = "A plan file, a built-in plan (genkit-python), or none (default: <samples-dir>/" + DEFAULT_PLAN_FILE + " when present).")
  String plan;

  @Option(names = "--phase", paramLabel = "N[,N...]", split = ",", description = "Only these plan phases.")
  List<Integer> phases = new ArrayList<>();

  @Option(names = "--fail-fast", description = "Stop after the first sample with a FAIL or ERROR; list what was not run.")
  boolean failFast;

  @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "Samples running at once (default: ${DEFAULT-VALUE}).")
  int jobs = 1;

  @Option(names = "--flow-jobs", paramLabel = "N", description = "Flows of one sample running at once (default: ${DEFAULT-VALUE}).")
  int flowJobs = 1;

  @Option(names = {"-i", "--interactive"}, description = "Pick samples and flows in a full-screen fuzzy picker, run them, pick again (needs a terminal).")
  boolean interactive;

  private final CliEnvironment env;

  SampleFlowsCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  @SuppressWarnings("try") // the interrupt hook is registered for the body's duration
  public Integer call() throws Exception {
    run.read(spec);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (interactive && !env.interactiveTerminal()) {
      throw new UserException(ExitCode.USAGE, Interactive.refusal("sample-flows"));
    }
    run.validate();
    if (jobs < 1 || flowJobs < 1) {
      throw new UserException(ExitCode.USAGE, "--jobs and --flow-jobs must be at least 1");
    }
    Path root = ProjectRoot.find(env.workingDir());
    Path dir = samplesDir == null ? root.resolve("samples") : env.workingDir().resolve(samplesDir).normalize();
    if (!Files.isDirectory(dir)) {
      throw new UserException(ExitCode.USAGE, "samples dir " + dir + " does not exist (use --samples-dir DIR)");
    }
    Optional<Plan> thePlan = loadPlan(dir, err);
    SamplePlanner.Selection selection;
    try {
      selection = SamplePlanner.select(dir, thePlan, samples, new LinkedHashSet<>(phases));
    } catch (SpecException e) {
      for (SpecProblem p : e.problems()) {
        err.println(p.format());
      }
      throw new UserException(ExitCode.USAGE, e.problems().size() + " problem(s) in sample files; nothing was run");
    } catch (IOException e) {
      throw new UserException(ExitCode.USAGE, "cannot read the samples dir " + dir + ": " + e.getMessage(), e);
    }
    if (!selection.unmatched().isEmpty()) {
      String s = selection.unmatched().get(0);
      String hint = DidYouMean.suggest(s, selection.known()).map(k -> " (did you mean '" + k + "'?)").orElse("");
      throw new UserException(ExitCode.USAGE, "no sample matches '" + s + "'" + hint
          + "\n  samples: " + String.join(", ", selection.known()));
    }
    Path reports = run.reportDir(env.workingDir());
    List<String> sources = new ArrayList<>();
    thePlan.ifPresent(p -> sources.add(p.source().map(Path::toString).orElse(p.name())));
    SampleFlowsEngine.Request request = new SampleFlowsEngine.Request(
        selection.entries(), thePlan, jobs, failFast,
        run.execution(flowJobs),
        run.startupTimeout(), env.env(), reports.resolve("samples"), sources, VersionProvider.version());
    if (interactive) {
      return Interactive.sampleFlows(request, dir, reports, env, Interrupts::register);
    }
    ConsoleStyle style = new ConsoleStyle(env.color(), true);
    SampleConsoleListener console = new SampleConsoleListener(out, style, env.interactiveTerminal());
    SampleFlowsEngine engine = new SampleFlowsEngine(ReflectionClient.defaultHttpClient(), Clock.systemUTC());
    AtomicBoolean interrupted = new AtomicBoolean();
    Instant startedAt = Instant.now();
    out.println("Samples: " + dir + thePlan.map(p -> " · plan " + p.name()).orElse(" · no plan")
        + " · " + selection.entries().size() + " to consider");
    out.flush();
    RunResult result;
    SampleRunRecorder recorder = new SampleRunRecorder();
    try (AutoCloseable onInterrupt = Interrupts.register(() -> {
      interrupted.set(true);
      console.mute();
      engine.abort();
      // The JVM exits right after the hooks: the partial report is written here.
      RunResult partial = recorder.partial(VersionProvider.version(), sources, startedAt, Instant.now());
      ReportOutput.writePartial(reports, partial, env.env(), out, err);
    })) {
      try (JsonlLog jsonl = JsonlLog.open(reports)) {
        result = engine.run(request, new SampleListeners(console, recorder, jsonl));
      }
    }
    if (interrupted.get()) {
      return ExitCode.INTERRUPTED; // the interrupt hook wrote the partial report
    }
    out.println();
    out.print(ConsoleReport.sampleSummary(result, style));
    writeReports(reports, result, out, err);
    return result.anyFailed() ? ExitCode.TESTS_FAILED : ExitCode.OK;
  }

  private Optional<Plan> loadPlan(Path dir, PrintWriter err) {
    try {
      if (plan == null) {
        Path p = dir.resolve(DEFAULT_PLAN_FILE);
        return Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS) ? Optional.of(PlanLoader.load(p)) : Optional.empty();
      }
      if (plan.equals("none")) {
        return Optional.empty();
      }
      Optional<Plan> builtIn = PlanLoader.builtIn(plan);
      if (builtIn.isPresent()) {
        return builtIn;
      }
      Path p = env.workingDir().resolve(plan).normalize();
      // An existing path the loader cannot read (a link loop, a directory) gets its located reason.
      if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        throw new UserException(ExitCode.USAGE, "--plan " + plan + ": no such file, and not a built-in plan ("
            + String.join(", ", PlanLoader.builtInNames()) + ", none)");
      }
      return Optional.of(PlanLoader.load(p));
    } catch (SpecException e) {
      for (SpecProblem p : e.problems()) {
        err.println(p.format());
      }
      throw new UserException(ExitCode.USAGE, e.problems().size() + " problem(s) in the plan; nothing was run");
    }
  }

  private void writeReports(Path reports, RunResult result, PrintWriter out, PrintWriter err) {
    List<Path> written = ReportOutput.write(reports, result, env, out);
    out.println("Reports: " + String.join(", ", written.stream().map(Path::toString).toList())
        + " (sample logs in " + reports.resolve("samples") + ")");
    out.flush();
  }
}
