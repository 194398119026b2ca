package dev.jgenkit.runners.samples;

import dev.jgenkit.specs.Location;
import dev.jgenkit.specs.SpecException;
import dev.jgenkit.specs.SpecProblem;
import dev.jgenkit.specs.samples.Plan;
import dev.jgenkit.specs.samples.PlanPhase;
import dev.jgenkit.specs.samples.PlanSample;
import dev.jgenkit.specs.samples.SampleFile;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;

/**
 * Decides which samples run and in what order: the plan's samples in plan order, then the samples
 * dir's other directories by name; filtered by SAMPLE names or globs and by {@code --phase}.
 * Dot directories and {@code node_modules} are infrastructure, not candidates; every other
 * directory is listed, a non-sample one with the reason it is not a sample.
 */
public final class SamplePlanner {
  /**
   * One sample to consider.
   *
   * @param directory empty when the plan names a sample that is not in the samples dir
   * @param requiredEnv the plan's and the sample file's variables
   */
  public record Entry(
      String name,
      Optional<SampleDirectory> directory,
      OptionalInt phase,
      String phaseTitle,
      List<String> features,
      List<String> requiredEnv,
      Location location) {
    public Entry {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(directory, "directory");
      Objects.requireNonNull(phase, "phase");
      phaseTitle = phaseTitle == null ? "" : phaseTitle;
      features = List.copyOf(features);
      requiredEnv = List.copyOf(requiredEnv);
      Objects.requireNonNull(location, "location");
    }
  }

  /** The selected samples, and the SAMPLE arguments that matched nothing. */
  public record Selection(List<Entry> entries, List<String> unmatched, List<String> known) {
    public Selection {
      entries = List.copyOf(entries);
      unmatched = List.copyOf(unmatched);
      known = List.copyOf(known);
    }
  }

  private SamplePlanner() {}

  /** An entry that is a symbolic link resolving to itself (a → b → a) cannot be a sample. */
  static Optional<SpecProblem> symlinkLoop(Path entry) {
    if (!Files.isSymbolicLink(entry)) {
      return Optional.empty();
    }
    try {
      entry.toRealPath();
      return Optional.empty();
    } catch (java.nio.file.FileSystemException e) {
      if (e instanceof java.nio.file.NoSuchFileException) {
        return Optional.empty(); // a dangling link: not a directory, so not a sample
      }
      return Optional.of(new SpecProblem(dev.jgenkit.specs.Location.startOf(entry),
          "is a symbolic link loop: it never resolves to a directory",
          "remove the link, or point it at a sample directory"));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  public static Selection select(
      Path samplesDir, Optional<Plan> plan, List<String> selectors, Set<Integer> phases)
      throws SpecException, IOException {
    Map<String, SampleDirectory> dirs = new TreeMap<>();
    List<SpecProblem> problems = new ArrayList<>();
    if (Files.isDirectory(samplesDir)) {
      try (DirectoryStream<Path> ds = Files.newDirectoryStream(samplesDir)) {
        for (Path d : ds) {
          String name = d.getFileName().toString();
          if (name.startsWith(".") || name.equals("node_modules")) {
            continue;
          }
          Optional<SpecProblem> loop = symlinkLoop(d);
          if (loop.isPresent()) {
            problems.add(loop.get());
            continue;
          }
          if (!Files.isDirectory(d)) {
            continue;
          }
          try {
            dirs.put(name, SampleDirectory.inspect(d));
          } catch (SpecException e) {
            problems.addAll(e.problems());
          }
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new SpecException(problems);
    }
    List<Entry> ordered = new ArrayList<>();
    Set<String> planned = new LinkedHashSet<>();
    if (plan.isPresent()) {
      for (PlanPhase phase : plan.get().phases()) {
        for (PlanSample ps : phase.samples()) {
          planned.add(ps.name());
          Optional<SampleDirectory> dir = Optional.ofNullable(dirs.get(ps.name()));
          ordered.add(entry(ps.name(), dir, OptionalInt.of(phase.phase()), phase.title(),
              ps.features(), ps.env(), ps.location()));
        }
      }
    }
    for (SampleDirectory d : dirs.values()) {
      if (!planned.contains(d.name())) {
        OptionalInt phase = d.sampleFile().map(SampleFile::phase).orElse(OptionalInt.empty());
        String title = phase.isPresent() && plan.isPresent()
            ? plan.get().phase(phase.getAsInt()).map(PlanPhase::title).orElse("") : "";
        ordered.add(entry(d.name(), Optional.of(d), phase, title, List.of(), List.of(),
            d.sampleFile().map(SampleFile::location).orElse(new Location(d.dir(), 0, 0))));
      }
    }
    List<String> known = ordered.stream().map(Entry::name).toList();
    List<String> unmatched = new ArrayList<>();
    List<Entry> selected = ordered;
    if (!selectors.isEmpty()) {
      Set<String> keep = new LinkedHashSet<>();
      for (String sel : selectors) {
        PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + sel);
        boolean any = false;
        for (Entry e : ordered) {
          if (e.name().equals(sel) || m.matches(Path.of(e.name()))) {
            keep.add(e.name());
            any = true;
          }
        }
        if (!any) {
          unmatched.add(sel);
        }
      }
      selected = ordered.stream().filter(e -> keep.contains(e.name())).toList();
    }
    if (!phases.isEmpty()) {
      selected = selected.stream()
          .filter(e -> e.phase().isPresent() && phases.contains(e.phase().getAsInt()))
          .toList();
    }
    return new Selection(selected, unmatched, known);
  }

  private static Entry entry(
      String name,
      Optional<SampleDirectory> dir,
      OptionalInt phase,
      String title,
      List<String> features,
      List<String> planEnv,
      Location location) {
    Set<String> env = new LinkedHashSet<>(planEnv);
    dir.flatMap(SampleDirectory::sampleFile).ifPresent(sf -> env.addAll(sf.env()));
    if (phase.isEmpty()) {
      phase = dir.flatMap(SampleDirectory::sampleFile).map(SampleFile::phase).orElse(OptionalInt.empty());
    }
    return new Entry(name, dir, phase, title, features, new ArrayList<>(env), location);
  }
}
