package dev.jgenkit.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What the CLI reads from its surroundings, injected so commands run in-process in tests.
 *
 * @param workingDir the current directory
 * @param env environment variables
 * @param interactiveTerminal stdout is a terminal and CI is not set
 */
public record CliEnvironment(Path workingDir, Map<String, String> env, boolean interactiveTerminal) {
  public CliEnvironment {
    Objects.requireNonNull(workingDir, "workingDir");
    env = Map.copyOf(env);
  }

  public static CliEnvironment system() {
    Map<String, String> env = System.getenv();
    boolean ci = env.containsKey("CI") && !"false".equalsIgnoreCase(env.get("CI"));
    return new CliEnvironment(
        Path.of("").toAbsolutePath(), env, System.console() != null && !ci);
  }

  public boolean color() {
    return interactiveTerminal && !env.containsKey("NO_COLOR");
  }
}
