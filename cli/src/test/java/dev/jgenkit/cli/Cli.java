package dev.jgenkit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Runs jgenkit in-process through {@link Main#run} in a project directory (a temp dir holding a
 * {@code package.json}, so it is the project root), capturing stdout and stderr.
 */
final class Cli {
  /** What one invocation did. */
  record Result(int exitCode, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout ---\n" + out + "\n--- stderr ---\n" + err;
    }
  }

  private final Path projectDir;
  private final Map<String, String> env;
  private final boolean interactive;

  private Cli(Path projectDir, Map<String, String> env, boolean interactive) {
    this.projectDir = projectDir;
    this.env = Map.copyOf(env);
    this.interactive = interactive;
  }

  /** A CLI whose working directory (and project root) is {@code dir}; writes its package.json. */
  static Cli in(Path dir) throws IOException {
    Path marker = dir.resolve("package.json");
    if (!Files.exists(marker)) {
      Files.writeString(marker, "{\"name\":\"jgenkit-cli-test\",\"private\":true}\n");
    }
    return new Cli(dir, Map.of(), false);
  }

  /** The same project seen from a terminal (or not), with these environment variables. */
  Cli withTerminal(boolean interactiveTerminal, Map<String, String> environment) {
    return new Cli(projectDir, environment, interactiveTerminal);
  }

  Path dir() {
    return projectDir;
  }

  Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code;
    try (PrintWriter o = new PrintWriter(out); PrintWriter e = new PrintWriter(err)) {
      code = Main.run(o, e, new CliEnvironment(projectDir, env, interactive), args);
      o.flush();
      e.flush();
    }
    return new Result(code, out.toString(), err.toString());
  }

  /** Writes a file under the project directory and returns its path. */
  Path write(String name, String content) throws IOException {
    Path p = projectDir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  /** Parses {@code <dir>/results.json}. */
  static JsonNode resultsJson(Path reportDir) throws IOException {
    return FakeRuntime.MAPPER.readTree(reportDir.resolve("results.json").toFile());
  }
}
