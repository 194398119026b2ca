package dev.jgenkit.cli;

import dev.jgenkit.specs.SpecException;
import dev.jgenkit.specs.SpecFile;
import dev.jgenkit.specs.SpecLoader;
import dev.jgenkit.specs.SpecProblem;
import java.io.PrintWriter;
import java.nio.file.Path;

/** Loads a spec for a command, turning located problems into a usage error (exit 2). */
final class SpecLoading {
  private SpecLoading() {}

  static SpecFile load(Path path, PrintWriter err) {
    try {
      return SpecLoader.load(path);
    } catch (SpecException e) {
      throw rejected(e, path, err);
    }
  }

  /**
   * Prints each located problem of {@code file} on {@code err} and returns the usage error (exit
   * 2) that ends the command; for every input file a command loads (specs, jgenkit.yaml,
   * conform.toml).
   */
  static UserException rejected(SpecException e, Path file, PrintWriter err) {
    for (SpecProblem p : e.problems()) {
      err.println(p.format());
    }
    err.flush();
    int n = e.problems().size();
    return new UserException(ExitCode.USAGE, n + " problem" + (n == 1 ? "" : "s") + " in " + file + "; nothing was run");
  }
}
