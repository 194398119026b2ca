package dev.jgenkit.cli;

import dev.jgenkit.runners.MultiRuntimeEngine;
import dev.jgenkit.runners.RuntimeTarget;
import dev.jgenkit.runners.TestModelEngine;
import dev.jgenkit.runners.conform.ConformPlanner;
import dev.jgenkit.runners.exec.ExecutionOptions;
import dev.jgenkit.runners.runtime.RuntimeDirectories;
import dev.jgenkit.specs.DidYouMean;
import dev.jgenkit.specs.ProjectRoot;
import dev.jgenkit.specs.SpecException;
import dev.jgenkit.specs.conform.ConformConfig;
import dev.jgenkit.specs.conform.ConformConfigLoader;
import dev.jgenkit.specs.samples.Plan;
import dev.jgenkit.specs.samples.PlanLoader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code jgenkit test-model --conform DIR|conform.toml [PLUGIN...]}: Genkit's conform layout run as
 * it is. Each plugin's {@code model-conformance.yaml} runs against its entry file started with the
 * runtime's {@code entry-command} in the runtime's {@code cwd}, plugin by plugin in plan order
 * ({@code jgenkit-plan.yaml} next to conform.toml, else keyless plugins first, then by name), and
 * the whole layout is reported as one run whose runtimes are conform's runtimes.
 *
 * <p>conform.toml's {@code action-timeout}, {@code startup-timeout} and {@code test-concurrency}
 * (and their plugin overrides) apply unless {@code --timeout}, {@code --startup-timeout} or {@code
 * -j} is given; the settings jgenkit does not apply are printed with the reason.
 */
final class ConformRun {
  /** The plan file looked for next to conform.toml. */
  static final String PLAN_FILE = "jgenkit-plan.yaml";

  private ConformRun() {}

  static int run(TestModelCommand cmd, CliEnvironment env, PrintWriter out, PrintWriter err)
      throws Exception {
    if (!cmd.fromFiles.isEmpty() || cmd.runtimeUrl != null || cmd.config != null || cmd.interactive) {
      throw new UserException(ExitCode.USAGE, "--conform runs the layout's own specs and entry files;"
          + " it excludes --from-file, --runtime-url, --config and -i");
    }
    Path file = ConformConfigLoader.resolve(env.workingDir().resolve(cmd.conform).normalize());
    ConformConfig config = load(file, err);
    List<ConformConfig.Runtime> runtimes = select(config, cmd.runtimeNames);
    Path planFile = file.toAbsolutePath().getParent().resolve(PLAN_FILE);
    Optional<Plan> plan = Optional.empty();
    if (Files.isRegularFile(planFile)) {
      try {
        plan = Optional.of(PlanLoader.load(planFile));
      } catch (SpecException e) {
        throw SpecLoading.rejected(e, planFile, err);
      }
    }
    List<String> only = cmd.positionals;
    checkPlugins(only, runtimes);
    List<ConformPlanner.Unit> planned = ConformPlanner.plan(config, runtimes, only, plan, env.env());
    Path reports = cmd.run.reportDir(env.workingDir());
    printSettings(config, cmd, out);
    Map<MultiRuntimeEngine.Unit, String> titles = new IdentityHashMap<>();
    List<MultiRuntimeEngine.Unit> units = new ArrayList<>();
    for (ConformPlanner.Unit u : planned) {
      ConformConfig.Runtime rt = u.runtime();
      RuntimeTarget target =
          new RuntimeTarget.Command(u.command(), rt.cwd(), Map.of(),
              reports.resolve("conform").resolve(rt.name()).resolve(u.plugin() + ".log"),
              RuntimeDirectories.of(ProjectRoot.find(rt.cwd()), rt.cwd()));
      TestModelEngine.Request request =
          new TestModelEngine.Request(List.of(SpecLoading.load(u.spec(), err)),
              List.of(u.spec().toString()), cmd.planOptions(), execution(config, u.plugin(), cmd),
              target, startupTimeout(config, cmd), VersionProvider.version());
      MultiRuntimeEngine.Unit unit = new MultiRuntimeEngine.Unit(rt.name(), request, u.skipReason());
      titles.put(unit, u.plugin() + " @ " + rt.name());
      units.add(unit);
    }
    if (units.isEmpty()) {
      throw new UserException(ExitCode.USAGE, "no plugin found: no <specs-dir>/<plugin>/"
          + ConformConfig.SPEC_FILE + " under "
          + String.join(", ", runtimes.stream().map(r -> r.specsDir().toString()).toList()));
    }
    return new MultiRuntimeRun(env, out, err).run(units,
        new MultiRuntimeRun.Settings(reports, cmd.peerOutput, cmd.failFast,
            u -> titles.getOrDefault(u, u.name())));
  }

  private static ConformConfig load(Path file, PrintWriter err) {
    try {
      return ConformConfigLoader.load(file);
    } catch (SpecException e) {
      throw SpecLoading.rejected(e, file, err);
    }
  }

  private static List<ConformConfig.Runtime> select(ConformConfig config, List<String> names) {
    if (names.isEmpty()) {
      return config.runtimes();
    }
    List<ConformConfig.Runtime> out = new ArrayList<>();
    for (String n : new LinkedHashSet<>(names)) {
      Optional<ConformConfig.Runtime> rt =
          config.runtimes().stream().filter(r -> r.name().equals(n)).findFirst();
      if (rt.isEmpty()) {
        String hint = DidYouMean.suggest(n, config.runtimeNames()).map(s -> " (did you mean '" + s + "'?)").orElse("");
        throw new UserException(ExitCode.USAGE, "--runtime: no runtime '" + n + "' in " + config.file()
            + hint + "\n  available: " + String.join(", ", config.runtimeNames()));
      }
      out.add(rt.get());
    }
    return out;
  }

  /** Unknown plugin names are a usage error (conform's E0001), listing the available ones. */
  private static void checkPlugins(List<String> only, List<ConformConfig.Runtime> runtimes) {
    Set<String> available = new LinkedHashSet<>();
    runtimes.forEach(rt -> available.addAll(ConformPlanner.plugins(rt)));
    for (String p : only) {
      if (!available.contains(p)) {
        String hint = DidYouMean.suggest(p, available).map(s -> " (did you mean '" + s + "'?)").orElse("");
        throw new UserException(ExitCode.USAGE, "unknown plugin '" + p + "' for runtime"
            + (runtimes.size() == 1 ? " " : "s ") + String.join(", ", runtimes.stream().map(ConformConfig.Runtime::name).toList())
            + hint + "\n  available: " + String.join(", ", available));
      }
    }
  }

  private static boolean given(TestModelCommand cmd, String option) {
    return cmd.spec != null && cmd.spec.commandLine().getParseResult() != null
        && cmd.spec.commandLine().getParseResult().hasMatchedOption(option);
  }

  private static ExecutionOptions execution(ConformConfig config, String plugin, TestModelCommand cmd) {
    ExecutionOptions base = cmd.executionOptions();
    Optional<ConformConfig.Override> o = Optional.ofNullable(config.pluginOverrides().get(plugin));
    Duration timeout = given(cmd, "--timeout") ? base.timeout()
        : o.flatMap(ConformConfig.Override::actionTimeout).or(config::actionTimeout).orElse(base.timeout());
    int jobs = given(cmd, "--jobs") ? base.jobs()
        : o.map(ConformConfig.Override::testConcurrency).filter(i -> i.isPresent()).map(i -> i.getAsInt())
            .orElse(config.testConcurrency().orElse(base.jobs()));
    return base.with(jobs, timeout);
  }

  private static Duration startupTimeout(ConformConfig config, TestModelCommand cmd) {
    return given(cmd, "--startup-timeout") ? cmd.run.startupTimeout()
        : config.startupTimeout().orElse(cmd.run.startupTimeout());
  }

  private static void printSettings(ConformConfig config, TestModelCommand cmd, PrintWriter out) {
    if (cmd.peerOutput) {
      return;
    }
    out.println("Conform layout " + config.file() + ": runtimes "
        + String.join(", ", config.runtimeNames()));
    config.actionTimeout().ifPresent(t -> out.println("  action-timeout → --timeout "
        + seconds(t) + (given(cmd, "--timeout") ? " (overridden by --timeout)" : "")));
    config.startupTimeout().ifPresent(t -> out.println("  startup-timeout → --startup-timeout "
        + seconds(t) + (given(cmd, "--startup-timeout") ? " (overridden)" : "")));
    config.testConcurrency().ifPresent(n -> out.println("  test-concurrency → -j " + n
        + (given(cmd, "--jobs") ? " (overridden by -j)" : "")));
    config.pluginOverrides().forEach((p, o) -> out.println("  plugin-overrides." + p + " applied:"
        + o.actionTimeout().map(t -> " timeout " + seconds(t)).orElse("")
        + (o.testConcurrency().isPresent() ? " -j " + o.testConcurrency().getAsInt() : "")));
    for (String i : config.ignored()) {
      out.println("  ignored: " + i);
    }
    out.flush();
  }

  private static String seconds(Duration d) {
    return dev.jgenkit.runners.reflection.ReflectionClient.formatSeconds(d);
  }
}
