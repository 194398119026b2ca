package dev.jgenkit.cli;

import dev.jgenkit.runners.MultiRuntimeEngine;
import dev.jgenkit.runners.RuntimeTarget;
import dev.jgenkit.runners.TestModelEngine;
import dev.jgenkit.runners.exec.ExecutionOptions;
import dev.jgenkit.runners.plan.Planner;
import dev.jgenkit.runners.runtime.RuntimeDirectories;
import dev.jgenkit.specs.DidYouMean;
import dev.jgenkit.specs.ProjectRoot;
import dev.jgenkit.specs.SpecException;
import dev.jgenkit.specs.SpecFile;
import dev.jgenkit.specs.Suite;
import dev.jgenkit.specs.project.ProjectFile;
import dev.jgenkit.specs.project.ProjectFileLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a {@code jgenkit.yaml} and the {@code --runtime} selection into the units of a
 * multi-runtime test-model run: one per selected runtime, in the order given on the command line
 * (or the file's order), each with its specs (the command line's, else its own, else the file's),
 * narrowed to its {@code models}, and its start command or URL.
 */
final class ProjectRuntimes {
  private ProjectRuntimes() {}

  /** Loads a project file, turning located problems into a usage error (exit 2). */
  static ProjectFile load(Path path, PrintWriter err) {
    try {
      return ProjectFileLoader.load(path);
    } catch (SpecException e) {
      throw SpecLoading.rejected(e, path, err);
    }
  }

  /** The selected runtimes, checked: an unknown name is a usage error listing the known ones. */
  static List<ProjectFile.Runtime> select(ProjectFile project, List<String> names) {
    if (names.isEmpty()) {
      return project.runtimes();
    }
    List<ProjectFile.Runtime> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (String n : names) {
      Optional<ProjectFile.Runtime> rt = project.runtime(n);
      if (rt.isEmpty()) {
        String hint = DidYouMean.suggest(n, project.names()).map(s -> " (did you mean '" + s + "'?)").orElse("");
        throw new UserException(ExitCode.USAGE, "--runtime: no runtime '" + n + "' in " + project.path() + hint
            + "\n  available: " + String.join(", ", project.names()));
      }
      if (seen.add(n)) {
        out.add(rt.get());
      }
    }
    return out;
  }

  /**
   * One unit per runtime.
   *
   * @param cliSpecs specs given on the command line (they replace the file's), with their names
   */
  static List<MultiRuntimeEngine.Unit> units(
      List<ProjectFile.Runtime> runtimes,
      ProjectFile project,
      Optional<Specs> cliSpecs,
      Planner.Options plan,
      ExecutionOptions exec,
      Duration startupTimeout,
      Path reportDir,
      PrintWriter err) {
    List<MultiRuntimeEngine.Unit> units = new ArrayList<>();
    for (ProjectFile.Runtime rt : runtimes) {
      Specs specs = cliSpecs.orElseGet(() -> fileSpecs(rt, project, err));
      List<SpecFile> narrowed = narrow(specs.files(), rt);
      RuntimeTarget target =
          rt.url().isPresent()
              ? new RuntimeTarget.Url(rt.url().get())
              : new RuntimeTarget.Command(rt.start(), rt.cwd(), rt.env(),
                  reportDir.resolve("runtimes").resolve(rt.name() + ".log"),
                  RuntimeDirectories.of(ProjectRoot.find(rt.cwd()), rt.cwd()));
      units.add(new MultiRuntimeEngine.Unit(rt.name(),
          new TestModelEngine.Request(narrowed, specs.names(), plan, exec, target, startupTimeout,
              VersionProvider.version())));
    }
    return units;
  }

  /** Loaded specs and how they are named in reports. */
  record Specs(List<SpecFile> files, List<String> names) {}

  private static Specs fileSpecs(ProjectFile.Runtime rt, ProjectFile project, PrintWriter err) {
    List<Path> paths = rt.specs().isEmpty() ? project.specs() : rt.specs();
    if (paths.isEmpty()) {
      throw new UserException(ExitCode.USAGE, rt.location() + ": runtime '" + rt.name()
          + "' has no spec files\n  hint: add 'specs: [spec.yaml]' under it or at the top level of "
          + project.path().getFileName() + ", or pass --from-file");
    }
    List<SpecFile> files = new ArrayList<>();
    for (Path p : paths) {
      files.add(SpecLoading.load(p, err));
    }
    return new Specs(files, paths.stream().map(Path::toString).toList());
  }

  /** Only the suites of the runtime's {@code models}, when it names any. */
  private static List<SpecFile> narrow(List<SpecFile> files, ProjectFile.Runtime rt) {
    if (rt.models().isEmpty()) {
      return files;
    }
    Set<String> found = new LinkedHashSet<>();
    List<SpecFile> out = new ArrayList<>();
    for (SpecFile f : files) {
      List<Suite> suites = f.suites().stream().filter(s -> rt.models().contains(s.model())).toList();
      suites.forEach(s -> found.add(s.model()));
      out.add(new SpecFile(f.path(), suites));
    }
    for (String m : rt.models()) {
      if (!found.contains(m)) {
        throw new UserException(ExitCode.USAGE, rt.location() + ": runtime '" + rt.name()
            + "' lists model '" + m + "', which no spec file tests\n  hint: models in its specs: "
            + String.join(", ", files.stream().flatMap(f -> f.suites().stream()).map(Suite::model)
                .distinct().toList()));
      }
    }
    return out;
  }
}
