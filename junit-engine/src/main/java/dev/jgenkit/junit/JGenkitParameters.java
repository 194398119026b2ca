package dev.jgenkit.junit;

/**
 * The configuration parameters the {@code jgenkit} engine reads (JUnit Platform configuration
 * parameters: {@code junit-platform.properties}, Surefire's {@code configurationParameters},
 * {@code --config}, or JVM system properties).
 */
public final class JGenkitParameters {
  /** Spec files, comma-separated: classpath resources or paths relative to the working directory. */
  public static final String SPECS = "jgenkit.specs";

  /** Models to test with the default capabilities, comma-separated (like {@code test-model MODEL}). */
  public static final String MODELS = "jgenkit.models";

  /** Attach to the reflection server at this URL. */
  public static final String RUNTIME_URL = "jgenkit.runtime.url";

  /**
   * Start this command for the runtime: words separated by spaces (quotes group words), or a JSON
   * array of strings.
   */
  public static final String RUNTIME_COMMAND = "jgenkit.runtime.command";

  /** The runtime command's working directory (default: the working directory). */
  public static final String RUNTIME_DIR = "jgenkit.runtime.dir";

  /** Tests running at once per runtime (default 8). */
  public static final String JOBS = "jgenkit.jobs";

  /** Per-test timeout in seconds (default 120); on expiry the action is cancelled. */
  public static final String TIMEOUT = "jgenkit.timeout";

  /**
   * Streaming calls: seconds without bytes, once the response has begun, before the call is
   * cancelled (default 60; 0 = off).
   */
  public static final String IDLE_TIMEOUT = "jgenkit.idleTimeout";

  /** Retries for UNAVAILABLE, RESOURCE_EXHAUSTED, DEADLINE_EXCEEDED, HTTP 429/503 (default 0). */
  public static final String RETRIES = "jgenkit.retries";

  /** Seconds for a started runtime to come up and register what is needed (default 60). */
  public static final String STARTUP_TIMEOUT = "jgenkit.startupTimeout";

  /**
   * Capabilities for suites with neither {@code supports} nor {@code tests}, comma-separated, or
   * {@code auto} (default: the peer's 9).
   */
  public static final String SUPPORTS = "jgenkit.supports";

  /** Add the stricter validators to the built-ins (default false). */
  public static final String STRICT = "jgenkit.strict";

  /** A samples directory whose sample apps' flows run (like {@code jgenkit sample-flows}). */
  public static final String SAMPLES_DIR = "jgenkit.samplesDir";

  /**
   * The samples' plan: a file, a built-in plan name or {@code none}; default: the samples dir's
   * {@code jgenkit-plan.yaml}. A plan file alone also selects its directory as the samples dir.
   */
  public static final String PLAN = "jgenkit.plan";

  /** Samples running at once (default 1). */
  public static final String SAMPLE_JOBS = "jgenkit.sampleJobs";

  /** Flows of one sample running at once (default 1). */
  public static final String FLOW_JOBS = "jgenkit.flowJobs";

  /**
   * How tests are named: {@code short} (default: {@code Tool Request Conformance}, under its model)
   * or {@code long} ({@code reference/good: Tool Request Conformance}). Maven Surefire identifies a
   * test by its class and display name alone, so use {@code long} there when a run has several
   * models or samples.
   */
  public static final String NAMING = "jgenkit.naming";

  /**
   * Where runtime and sample logs go (default: {@code target/jgenkit-reports} in a Maven project,
   * {@code build/jgenkit-reports} in a Gradle one, else {@code jgenkit-reports}).
   */
  public static final String REPORT_DIR = "jgenkit.reportDir";

  private JGenkitParameters() {}
}
