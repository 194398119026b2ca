package dev.jgenkit.cli;

import dev.jgenkit.specs.ProjectRoot;
import dev.jgenkit.specs.SpecException;
import dev.jgenkit.specs.SpecFile;
import dev.jgenkit.specs.SpecLoader;
import dev.jgenkit.specs.SpecProblem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jgenkit validate FILE...}: checks spec files without running anything. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Check spec files (syntax, keys, capabilities, validators) without running anything.",
    footer = {"", ExitCode.TABLE})
final class ValidateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;


  @Parameters(paramLabel = "FILE", arity = "1..*", description = "Spec files, resolved against the project root.")
  List<String> files;

  private final CliEnvironment env;

  ValidateCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path root = ProjectRoot.find(env.workingDir());
    int bad = 0;
    for (String f : files) {
      Path path = ProjectRoot.resolveSpec(root, f);
      try {
        SpecFile sf = SpecLoader.load(path);
        int tests = sf.suites().stream().mapToInt(s -> s.customTests().size()).sum();
        out.println("ok  " + path + " (" + sf.suites().size() + " suites, " + tests + " custom tests)");
      } catch (SpecException e) {
        bad++;
        for (SpecProblem p : e.problems()) {
          err.println(p.format());
        }
      }
    }
    out.flush();
    err.flush();
    return bad == 0 ? ExitCode.OK : ExitCode.USAGE;
  }
}
