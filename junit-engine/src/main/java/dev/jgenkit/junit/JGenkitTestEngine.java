package dev.jgenkit.junit;

import dev.jgenkit.reports.Redaction;
import dev.jgenkit.runners.TestModelEngine;
import dev.jgenkit.runners.runtime.LaunchedRuntime;
import dev.jgenkit.specs.SpecFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Supplier;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;

/**
 * The {@code jgenkit} JUnit Platform engine: spec files and sample plans as tests that Maven
 * Surefire, Gradle and IDEs discover and run. The tree is runtime → model → test for specs, and
 * samples dir → sample → flow (flows registered dynamically) for sample plans; execution goes
 * through the same engines as the CLI. See {@link JGenkitSpec}, {@link JGenkitSamples} and {@link
 * JGenkitParameters}.
 */
public final class JGenkitTestEngine implements TestEngine {
  /** The engine ID, for {@code --include-engine jgenkit} and unique IDs. */
  public static final String ENGINE_ID = "jgenkit";

  private static final String VERSION = readVersion();

  private final PreparedRun prepared;
  /** Whose secret values are masked; null when the caller (the CLI) has registered them. */
  private final Supplier<Map<String, String>> environment;

  public JGenkitTestEngine() {
    this(null, System::getenv);
  }

  JGenkitTestEngine(PreparedRun prepared) {
    this(prepared, null);
  }

  /** An engine masking the secrets of {@code environment} rather than of this process's. */
  JGenkitTestEngine(Supplier<Map<String, String>> environment) {
    this(null, environment);
  }

  private JGenkitTestEngine(PreparedRun prepared, Supplier<Map<String, String>> environment) {
    this.prepared = prepared;
    this.environment = environment;
  }

  @Override
  public String getId() {
    return ENGINE_ID;
  }

  @Override
  public Optional<String> getGroupId() {
    return Optional.of("dev.jgenkit");
  }

  @Override
  public Optional<String> getArtifactId() {
    return Optional.of("jgenkit-junit-engine");
  }

  @Override
  public Optional<String> getVersion() {
    return Optional.of(VERSION);
  }

  @Override
  public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
    maskSecrets();
    EngineSettings settings =
        EngineSettings.from(request.getConfigurationParameters(), Path.of("").toAbsolutePath());
    JGenkitEngineDescriptor root = new JGenkitEngineDescriptor(uniqueId, settings);
    if (prepared != null) {
      discoverPrepared(root, settings);
    } else {
      new Discoverer(request, root).discover();
    }
    return root;
  }

  private void discoverPrepared(JGenkitEngineDescriptor root, EngineSettings settings) {
    TestModelEngine.Request r = prepared.request();
    UniqueId id = root.getUniqueId().append(RuntimeDescriptor.SEGMENT, "cli");
    RunOptions options = new RunOptions(r.plan(), r.execution(), r.startupTimeout());
    RuntimeDescriptor runtime = new RuntimeDescriptor(id, describe(r, settings.workingDir()), log -> r.target(), options);
    root.addChild(runtime);
    for (SpecFile spec : r.specs()) {
      Discoverer.addSpec(runtime, SpecSource.of(spec), (m, t) -> true, settings.longNames());
    }
  }

  private static String describe(TestModelEngine.Request r, Path workingDir) {
    if (r.target() instanceof dev.jgenkit.runners.RuntimeTarget.Url u) {
      return "runtime at " + u.url();
    }
    if (r.target() instanceof dev.jgenkit.runners.RuntimeTarget.Command c) {
      return "`" + String.join(" ", c.argv()) + "` in " + RuntimeSettings.relative(workingDir, c.cwd());
    }
    return "running runtime";
  }

  @Override
  public void execute(ExecutionRequest request) {
    JGenkitEngineDescriptor root = (JGenkitEngineDescriptor) request.getRootTestDescriptor();
    EngineSettings settings = root.settings();
    maskSecrets();
    EngineExecutionListener listener =
        new SerializedListener(new RedactingListener(request.getEngineExecutionListener()));
    listener.executionStarted(root);
    List<RuntimeDescriptor> runtimes = root.getChildren().stream()
        .filter(RuntimeDescriptor.class::isInstance).map(RuntimeDescriptor.class::cast).toList();
    ModelRunHooks hooks = prepared != null ? prepared.hooks() : ModelRunHooks.DEFAULT;
    int n = 0;
    for (TestDescriptor child : List.copyOf(root.getChildren())) {
      if (Thread.currentThread().isInterrupted()) {
        listener.executionSkipped(child, "not run: interrupted");
      } else if (child instanceof RuntimeDescriptor runtime) {
        n++;
        String log = runtimes.size() == 1 ? "runtime.log" : "runtime-" + n + ".log";
        new ModelTestRun(runtime, listener, hooks, settings.workingDir(), VERSION)
            .execute(settings.reportDir().resolve(log));
      } else if (child instanceof SamplesDescriptor samples) {
        new SampleFlowsRun(samples, listener, settings, VERSION).execute();
      }
    }
    listener.executionFinished(root, TestExecutionResult.successful());
  }

  /**
   * Registers the values of the environment's KEY/TOKEN/SECRET/PASSWORD/CREDENTIAL variables (which
   * the runtimes it starts inherit): they are masked in the runtimes' logs, in discovery issues and
   * in every message reported to the platform. Not when the caller (the CLI) has done it.
   */
  private void maskSecrets() {
    if (environment != null) {
      Redaction.maskSecretsFrom(environment.get());
      LaunchedRuntime.filterLogsThrough(Redaction::redact);
    }
  }

  static String version() {
    return VERSION;
  }

  private static String readVersion() {
    try (InputStream in = JGenkitTestEngine.class.getResourceAsStream("version.properties")) {
      Properties p = new Properties();
      if (in != null) {
        p.load(in);
      }
      String v = p.getProperty("version", "");
      return v.isEmpty() || v.startsWith("${") ? "dev" : v;
    } catch (IOException e) {
      return "dev";
    }
  }
}
