package dev.jgenkit.cli.picker;

import dev.jgenkit.cli.CliEnvironment;
import dev.jgenkit.specs.ProjectRoot;
import dev.jgenkit.specs.SpecFile;
import dev.jgenkit.specs.SpecLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Bare {@code jgenkit} in a terminal: a picker over what can be opened here, both kinds of
 * picker: the ones used before in this directory (most recent first), {@code sample-flows} on the
 * project's samples dir, and {@code test-model} on each spec file found in the project.
 */
public final class Launcher {
  static final int MAX_DEPTH = 4;
  static final int MAX_SPECS = 30;
  private static final Set<String> SKIPPED_DIRS =
      Set.of("node_modules", "target", "build", "dist", "jgenkit-reports", "venv", "__pycache__");
  private static final Set<String> NOT_SPECS =
      Set.of("jgenkit-sample.yaml", "jgenkit-plan.yaml", "pnpm-lock.yaml", "pnpm-workspace.yaml");

  /**
   * One thing to open.
   *
   * @param args the jgenkit arguments, {@code -i} included
   */
  record Choice(PickerItem item, List<String> args, String preview) {}

  private Launcher() {}

  /**
   * Lets the user choose; the jgenkit arguments to run, or empty when they quit. When the terminal
   * cannot be driven, says so on {@code err} and asks for the help text instead.
   */
  public static Optional<List<String>> choose(CliEnvironment env, PrintWriter err) {
    List<Choice> choices = choices(env.workingDir(), SelectionMemory.forEnvironment(env.env()));
    Map<String, Choice> byKey = new HashMap<>();
    choices.forEach(c -> byKey.put(c.item().key(), c));
    try (Picker picker = Picker.open()) {
      PickerState s = picker.pick(PickerState.of(choices.stream().map(Choice::item).toList(), 1),
          "jgenkit · what to open (" + env.workingDir() + ")", i -> byKey.get(i.key()).preview(),
          env.color());
      if (s.outcome() != PickerState.Outcome.RUN || s.highlighted().isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(byKey.get(s.toRun().get(0).key()).args());
    } catch (IOException | RuntimeException e) {
      err.println("jgenkit: cannot open the picker (" + e.getMessage() + "); showing the help");
      err.flush();
      return Optional.of(List.of("--help"));
    }
  }

  /** What can be opened from {@code cwd}, remembered pickers first. */
  static List<Choice> choices(Path cwd, SelectionMemory memory) {
    Path dir = cwd.toAbsolutePath().normalize();
    Path root = ProjectRoot.find(dir);
    List<Choice> out = new ArrayList<>();
    Set<List<String>> offered = new LinkedHashSet<>();
    for (Map.Entry<String, SelectionMemory.Remembered> e : memory.all()) {
      SelectionMemory.Remembered r = e.getValue();
      if (r.args().isEmpty() || !r.cwd().equals(dir.toString()) || !offered.add(r.args())) {
        continue;
      }
      StringBuilder preview = new StringBuilder("Opens: jgenkit ").append(String.join(" ", withI(r.args())))
          .append("\nLast used: ").append(r.updatedAt()).append("\n\nLast selection:\n");
      r.selected().forEach(k -> preview.append("  ").append(k).append('\n'));
      out.add(new Choice(new PickerItem("recent " + e.getKey(), display(r.args(), dir), "last used"),
          withI(r.args()), preview.toString()));
    }
    Path samples = root.resolve("samples");
    if (Files.isDirectory(samples)) {
      List<String> args = List.of("sample-flows", "--samples-dir", samples.toString());
      if (offered.add(args)) {
        out.add(new Choice(new PickerItem("samples " + samples, display(args, dir), "every sample and its flows"),
            withI(args), samplesPreview(samples)));
      }
    }
    for (Path spec : specFiles(root)) {
      List<String> args = List.of("test-model", "--from-file", spec.toString());
      boolean usedWithCommand = offered.stream().anyMatch(a -> a.size() > 3 && a.subList(0, 3).equals(args));
      if (offered.add(args) && !usedWithCommand) {
        String text;
        try {
          text = Files.readString(spec);
        } catch (IOException | RuntimeException ex) {
          text = "(cannot read " + spec + ")";
        }
        out.add(new Choice(new PickerItem("spec " + spec, display(args, dir),
            "attaches to a running runtime"), withI(args), text));
      }
    }
    return out;
  }

  private static List<String> withI(List<String> args) {
    List<String> out = new ArrayList<>(args);
    out.add(1, "-i");
    return out;
  }

  /** The arguments as a short command line: paths under {@code dir} made relative. */
  private static String display(List<String> args, Path dir) {
    List<String> shown = new ArrayList<>();
    for (String a : args) {
      Path p = a.startsWith("/") ? Path.of(a) : null;
      shown.add(p != null && p.startsWith(dir) && !p.equals(dir) ? dir.relativize(p).toString() : a);
    }
    return String.join(" ", shown);
  }

  private static String samplesPreview(Path samples) {
    StringBuilder sb = new StringBuilder("Samples in ").append(samples).append(":\n");
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(samples, Files::isDirectory)) {
      List<String> names = new ArrayList<>();
      for (Path p : ds) {
        String n = p.getFileName().toString();
        if (!n.startsWith(".") && !n.equals("node_modules")) {
          names.add(n);
        }
      }
      names.stream().sorted().forEach(n -> sb.append("  ").append(n).append('\n'));
    } catch (IOException e) {
      sb.append("(cannot list: ").append(e.getMessage()).append(")\n");
    }
    return sb.toString();
  }

  /** YAML files under {@code root} (a few levels deep) that load as spec files, by path. */
  static List<Path> specFiles(Path root) {
    List<Path> candidates = new ArrayList<>();
    walk(root, 0, candidates);
    List<Path> specs = new ArrayList<>();
    for (Path p : candidates.stream().sorted().toList()) {
      if (specs.size() >= MAX_SPECS) {
        break;
      }
      try {
        SpecFile f = SpecLoader.load(p);
        if (!f.suites().isEmpty()) {
          specs.add(p);
        }
      } catch (Exception e) {
        // not a spec file
      }
    }
    return specs;
  }

  private static void walk(Path dir, int depth, List<Path> out) {
    if (depth > MAX_DEPTH || out.size() > 10 * MAX_SPECS) {
      return;
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path p : ds) {
        String name = p.getFileName().toString();
        if (name.startsWith(".")) {
          continue;
        }
        if (Files.isDirectory(p)) {
          if (!SKIPPED_DIRS.contains(name)) {
            walk(p, depth + 1, out);
          }
        } else if ((name.endsWith(".yaml") || name.endsWith(".yml")) && !NOT_SPECS.contains(name)
            && Files.size(p) < 1_000_000) {
          out.add(p);
        }
      }
    } catch (IOException | RuntimeException e) {
      // unreadable directory: skip it
    }
  }
}
