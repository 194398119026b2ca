package dev.jgenkit.specs.conform;

import dev.jgenkit.specs.Location;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A loaded {@code conform.toml} (Genkit's conformance layout, {@code [conform]} or {@code
 * [tool.conform]} in a pyproject.toml): the runtimes, the plugins' required variables, and the
 * settings jgenkit honours; the others are listed in {@code ignored} with the reason.
 *
 * @param file the file
 * @param actionTimeout {@code action-timeout}: the per-test timeout, when set
 * @param startupTimeout {@code startup-timeout}: the bound for a runtime to come up, when set
 * @param testConcurrency {@code test-concurrency}: tests at once per plugin, when set
 * @param env {@code [conform.env]}: per plugin, the variables that must be set and non-empty
 * @param pluginOverrides {@code [conform.plugin-overrides.<plugin>]}
 * @param runtimes {@code [conform.runtimes.<name>]} in file order
 * @param ignored settings present in the file that jgenkit does not apply, each {@code key = value:
 *     why}
 */
public record ConformConfig(
    Path file,
    Optional<Duration> actionTimeout,
    Optional<Duration> startupTimeout,
    OptionalInt testConcurrency,
    Map<String, List<String>> env,
    Map<String, Override> pluginOverrides,
    List<Runtime> runtimes,
    List<String> ignored) {
  /** The conventional file name. */
  public static final String FILE_NAME = "conform.toml";

  /** The spec file each plugin directory holds. */
  public static final String SPEC_FILE = "model-conformance.yaml";

  public ConformConfig {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(actionTimeout, "actionTimeout");
    Objects.requireNonNull(startupTimeout, "startupTimeout");
    Objects.requireNonNull(testConcurrency, "testConcurrency");
    env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
    pluginOverrides = Collections.unmodifiableMap(new LinkedHashMap<>(pluginOverrides));
    runtimes = List.copyOf(runtimes);
    ignored = List.copyOf(ignored);
  }

  /** {@code [conform.plugin-overrides.<plugin>]}: settings for one plugin. */
  public record Override(Optional<Duration> actionTimeout, OptionalInt testConcurrency) {
    public Override {
      Objects.requireNonNull(actionTimeout, "actionTimeout");
      Objects.requireNonNull(testConcurrency, "testConcurrency");
    }
  }

  /**
   * {@code [conform.runtimes.<name>]}: where a runtime's plugin specs are and how its entry files
   * start.
   *
   * @param specsDir the directory of plugin directories (resolved against the file's directory)
   * @param entryCommand the command the entry file's path is appended to
   * @param cwd where entries start (resolved; default the file's directory)
   * @param entryFilename the entry file in each plugin directory
   */
  public record Runtime(
      String name, Path specsDir, List<String> entryCommand, Path cwd, String entryFilename,
      Location location) {
    public Runtime {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(specsDir, "specsDir");
      entryCommand = List.copyOf(entryCommand);
      Objects.requireNonNull(cwd, "cwd");
      Objects.requireNonNull(entryFilename, "entryFilename");
      Objects.requireNonNull(location, "location");
    }
  }

  /** The variables {@code plugin} needs ({@code [conform.env]}); none when it is not listed. */
  public List<String> requiredEnv(String plugin) {
    return env.getOrDefault(plugin, List.of());
  }

  public List<String> runtimeNames() {
    return runtimes.stream().map(Runtime::name).toList();
  }
}
