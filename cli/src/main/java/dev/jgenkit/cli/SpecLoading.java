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
      for (SpecProblem p : e.problems()) {
        err.println(p.format());
      }
      err.flush();
      int n = e.problems().size();
      throw new UserException(ExitCode.USAGE, n + " problem" + (n == 1 ? "" : "s") + " in " + path + "; nothing was run");
    }
  }
}
