package dev.jgenkit.junit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.jgenkit.reports.Redaction;
import dev.jgenkit.runners.plan.PlannedTest;
import dev.jgenkit.runners.plan.Planner;
import dev.jgenkit.runners.samples.SampleDirectory;
import dev.jgenkit.runners.samples.SamplePlanner;
import dev.jgenkit.specs.SpecException;
import dev.jgenkit.specs.SpecLoader;
import dev.jgenkit.specs.SpecProblem;
import dev.jgenkit.specs.Suite;
import dev.jgenkit.specs.samples.Plan;
import dev.jgenkit.specs.samples.PlanLoader;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.DiscoveryIssue.Severity;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.Filter;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClassNameFilter;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.discovery.ClasspathResourceSelector;
import org.junit.platform.engine.discovery.ClasspathRootSelector;
import org.junit.platform.engine.discovery.DirectorySelector;
import org.junit.platform.engine.discovery.FileSelector;
import org.junit.platform.engine.discovery.PackageSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.DirectorySource;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;

/**
 * Builds the engine's tree from a discovery request: classes annotated {@link JGenkitSpec} or
 * {@link JGenkitSamples} (class, package and classpath-root selectors), spec and plan files
 * (file and classpath-resource selectors), directories (their spec files, or a samples dir with a
 * {@code jgenkit-plan.yaml}), unique IDs, and the configuration parameters. Model tests are planned
 * from the specs alone; a runtime is needed only to run them. Problems (a broken spec, a bad
 * parameter) are reported as discovery issues with their location.
 */
final class Discoverer {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  static final String PLAN_FILE = "jgenkit-plan.yaml";

  private final EngineDiscoveryRequest request;
  private final JGenkitEngineDescriptor root;
  private final EngineSettings settings;
  private final Path wd;
  private boolean configDone;

  Discoverer(EngineDiscoveryRequest request, JGenkitEngineDescriptor root) {
    this.request = request;
    this.root = root;
    this.settings = root.settings();
    this.wd = settings.workingDir();
  }

  void discover() {
    for (String problem : settings.problems()) {
      issue(Severity.ERROR, "jgenkit: " + problem, null);
    }
    Predicate<String> classNames =
        Filter.composeFilters(request.getFiltersByType(ClassNameFilter.class)).toPredicate();
    for (ClassSelector s : request.getSelectorsByType(ClassSelector.class)) {
      Class<?> c;
      try {
        c = s.getJavaClass();
      } catch (RuntimeException | LinkageError e) {
        continue; // not loadable: the other engines report it
      }
      fromClass(c);
    }
    for (PackageSelector s : request.getSelectorsByType(PackageSelector.class)) {
      ReflectionSupport.findAllClassesInPackage(s.getPackageName(), Discoverer::annotated, classNames)
          .forEach(this::fromClass);
    }
    for (ClasspathRootSelector s : request.getSelectorsByType(ClasspathRootSelector.class)) {
      ReflectionSupport.findAllClassesInClasspathRoot(s.getClasspathRoot(), Discoverer::annotated, classNames)
          .forEach(this::fromClass);
    }
    for (ClasspathResourceSelector s : request.getSelectorsByType(ClasspathResourceSelector.class)) {
      fromResource(s.getClasspathResourceName());
    }
    for (FileSelector s : request.getSelectorsByType(FileSelector.class)) {
      fromFile(s.getPath().toAbsolutePath().normalize());
    }
    for (DirectorySelector s : request.getSelectorsByType(DirectorySelector.class)) {
      fromDirectory(s.getPath().toAbsolutePath().normalize());
    }
    List<UniqueIdSelector> ids = request.getSelectorsByType(UniqueIdSelector.class);
    for (UniqueIdSelector s : ids) {
      fromUniqueId(s.getUniqueId());
    }
    // A request of unique IDs only (a re-run of chosen tests) runs just those.
    boolean onlyIds = !ids.isEmpty()
        && request.getSelectorsByType(DiscoverySelector.class).size() == ids.size();
    if (!onlyIds) {
      fromConfig();
    }
    // Class-oriented tools (Maven Surefire) report only tests below a container with a class
    // source and silently drop the rest, so containers no class brought in are given the
    // annotation's class: their tests are reported as dev.jgenkit.junit.JGenkitSpec (or Samples).
    boolean classOriented = !request.getSelectorsByType(ClassSelector.class).isEmpty()
        || !request.getSelectorsByType(PackageSelector.class).isEmpty()
        || !request.getSelectorsByType(ClasspathRootSelector.class).isEmpty();
    for (TestDescriptor d : root.getChildren()) {
      if (d instanceof RuntimeDescriptor r && classOriented) {
        r.sourceIfAbsent(ClassSource.from(JGenkitSpec.class));
      } else if (d instanceof SamplesDescriptor s) {
        s.sourceIfAbsent(classOriented
            ? ClassSource.from(JGenkitSamples.class) : DirectorySource.from(s.dir().toFile()));
      }
    }
  }

  private static boolean annotated(Class<?> c) {
    return AnnotationSupport.isAnnotated(c, JGenkitSpec.class)
        || AnnotationSupport.isAnnotated(c, JGenkitSamples.class);
  }

  private void fromClass(Class<?> c) {
    ClassLoader loader = c.getClassLoader() == null ? contextLoader() : c.getClassLoader();
    Optional<JGenkitSpec> spec = AnnotationSupport.findAnnotation(c, JGenkitSpec.class);
    if (spec.isPresent()) {
      JGenkitSpec a = spec.get();
      RuntimeSettings rs = settings.runtime().override(a.runtimeUrl(), a.runtimeCommand(), a.runtimeDir(), wd);
      for (String name : a.value()) {
        load(() -> SpecSource.load(name, loader, wd), ClassSource.from(c))
            .ifPresent(src -> addSpec(rs, src, (m, t) -> true).sourceIfAbsent(ClassSource.from(c)));
      }
    }
    Optional<JGenkitSamples> samples = AnnotationSupport.findAnnotation(c, JGenkitSamples.class);
    if (samples.isPresent()) {
      JGenkitSamples a = samples.get();
      Optional<String> plan = a.plan().isBlank() ? settings.plan() : Optional.of(a.plan());
      addSamples(wd.resolve(a.value()).normalize(), plan, Optional.empty(), ClassSource.from(c))
          .ifPresent(d -> d.sourceIfAbsent(ClassSource.from(c)));
    }
  }

  private void fromResource(String name) {
    String n = name.startsWith("/") ? name.substring(1) : name;
    URL url = contextLoader().getResource(n);
    if (url != null && "file".equals(url.getProtocol())) {
      try {
        Path p = Path.of(url.toURI());
        Kind kind = kind(p);
        if (kind == Kind.PLAN) {
          addSamples(p.getParent(), Optional.of(p.toString()), Optional.empty(), null);
          return;
        }
        if (kind == Kind.SAMPLE_FILE) {
          addSamples(p.getParent().getParent(), settings.plan(), Optional.of(p.getParent().getFileName().toString()), null);
          return;
        }
      } catch (URISyntaxException | IllegalArgumentException e) {
        // read as a spec below
      }
    }
    load(() -> SpecSource.resource(n, contextLoader()), null)
        .ifPresent(src -> addSpec(settings.runtime(), src, (m, t) -> true));
  }

  private void fromFile(Path file) {
    Kind kind = kind(file);
    if (kind == Kind.PLAN) {
      addSamples(file.getParent(), Optional.of(file.toString()), Optional.empty(), FileSource.from(file.toFile()));
    } else if (kind == Kind.SAMPLE_FILE) {
      Path sample = file.getParent();
      addSamples(sample.getParent(), settings.plan(), Optional.of(sample.getFileName().toString()),
          FileSource.from(file.toFile()));
    } else {
      load(() -> SpecSource.file(file), FileSource.from(file.toFile()))
          .ifPresent(src -> addSpec(settings.runtime(), src, (m, t) -> true));
    }
  }

  /** A samples dir (it has a plan file), else every spec file below it, in path order. */
  private void fromDirectory(Path dir) {
    if (!Files.isDirectory(dir)) {
      issue(Severity.WARNING, "jgenkit: not a directory: " + dir, null);
      return;
    }
    if (Files.isRegularFile(dir.resolve(PLAN_FILE))) {
      addSamples(dir, settings.plan(), Optional.empty(), DirectorySource.from(dir.toFile()));
      return;
    }
    List<Path> entries;
    try (Stream<Path> s = Files.list(dir)) {
      entries = s.sorted().toList();
    } catch (IOException e) {
      issue(Severity.WARNING, "jgenkit: cannot list " + dir + ": " + e.getMessage(), DirectorySource.from(dir.toFile()));
      return;
    }
    for (Path p : entries) {
      String name = p.getFileName().toString();
      if (Files.isDirectory(p)) {
        if (!name.startsWith(".") && !name.equals("node_modules") && !name.equals("target")) {
          fromDirectory(p);
        }
      } else if (kind(p) == Kind.SPEC) {
        fromFile(p);
      }
    }
  }

  private void fromUniqueId(UniqueId id) {
    List<UniqueId.Segment> segs = id.getSegments();
    if (!id.getEngineId().map(root.getUniqueId().getEngineId().orElseThrow()::equals).orElse(false)) {
      return;
    }
    if (segs.size() == 1) {
      fromConfig();
      return;
    }
    UniqueId.Segment first = segs.get(1);
    if (first.getType().equals(RuntimeDescriptor.SEGMENT) && segs.size() >= 3
        && segs.get(2).getType().equals(ModelDescriptor.SEGMENT)) {
      Optional<RuntimeSettings> rs = RuntimeSettings.fromKey(first.getValue());
      String model = segs.get(2).getValue();
      int hash = model.lastIndexOf('#');
      if (rs.isPresent() && hash > 0) {
        String key = model.substring(0, hash);
        Optional<String> test = segs.size() > 3 ? Optional.of(segs.get(3).getValue()) : Optional.empty();
        load(() -> SpecSource.fromKey(key, contextLoader()), null)
            .ifPresent(src -> addSpec(rs.get(), src,
                (m, t) -> m.equals(model) && test.map(t::equals).orElse(true)));
        return;
      }
    } else if (first.getType().equals(RuntimeDescriptor.SEGMENT) && segs.size() == 2) {
      if (RuntimeSettings.fromKey(first.getValue()).equals(Optional.of(settings.runtime()))) {
        fromConfig();
        return;
      }
    } else if (first.getType().equals(SamplesDescriptor.SEGMENT)) {
      Optional<String> sample = segs.size() > 2 && segs.get(2).getType().equals(SampleDescriptor.SEGMENT)
          ? Optional.of(segs.get(2).getValue()) : Optional.empty();
      addSamples(Path.of(first.getValue()), settings.plan(), sample, null);
      return;
    }
    issue(Severity.WARNING, "jgenkit: cannot resolve unique ID " + id, null);
  }

  private void fromConfig() {
    if (configDone) {
      return;
    }
    configDone = true;
    ClassLoader loader = contextLoader();
    for (String ref : settings.specs()) {
      load(() -> SpecSource.load(ref, loader, wd), null)
          .ifPresent(src -> addSpec(settings.runtime(), src, (m, t) -> true));
    }
    if (!settings.models().isEmpty()) {
      addSpec(settings.runtime(), SpecSource.models(settings.models()), (m, t) -> true);
    }
    if (settings.samplesDir().isPresent()) {
      addSamples(wd.resolve(settings.samplesDir().get()).normalize(), settings.plan(), Optional.empty(), null);
    } else if (settings.plan().isPresent() && !settings.plan().get().equals("none")
        && PlanLoader.builtIn(settings.plan().get()).isEmpty()) {
      Path plan = wd.resolve(settings.plan().get()).normalize();
      addSamples(plan.getParent(), settings.plan(), Optional.empty(), null);
    } else if (settings.plan().isPresent()) {
      issue(Severity.ERROR, "jgenkit: " + JGenkitParameters.PLAN + "=" + settings.plan().get()
          + " needs " + JGenkitParameters.SAMPLES_DIR + " (where the samples are)", null);
    }
  }

  /**
   * Adds the model tests of {@code src} that {@code select} accepts (by model and test unique-ID
   * segment values) under the runtime for {@code rs}, creating containers as needed.
   */
  private RuntimeDescriptor addSpec(RuntimeSettings rs, SpecSource src, BiPredicate<String, String> select) {
    UniqueId rid = root.getUniqueId().append(RuntimeDescriptor.SEGMENT, rs.key());
    RuntimeDescriptor runtime = child(root, rid,
        () -> new RuntimeDescriptor(rid, rs.displayName(wd), rs::target, settings.options()));
    addSpec(runtime, src, select, settings.longNames());
    return runtime;
  }

  /** Adds a spec's tests under a runtime (also used for the CLI's prepared run). */
  static void addSpec(
      RuntimeDescriptor runtime, SpecSource src, BiPredicate<String, String> select, boolean longNames) {
    List<PlannedTest> plan = Planner.plan(List.of(src.spec()), runtime.options().plan(), Map.of());
    Map<Integer, Integer> customs = new HashMap<>();
    boolean any = false;
    for (PlannedTest t : plan) {
      Suite suite = src.spec().suites().get(t.suiteIndex());
      String modelSeg = src.key() + "#" + (t.suiteIndex() + 1);
      int custom = t.builtIn() ? 0 : customs.merge(t.suiteIndex(), 1, Integer::sum);
      String testSeg = ModelTestDescriptor.segment(t, custom);
      if (!select.test(modelSeg, testSeg)) {
        continue;
      }
      any = true;
      UniqueId mid = runtime.getUniqueId().append(ModelDescriptor.SEGMENT, modelSeg);
      ModelDescriptor model = child(runtime, mid, () -> new ModelDescriptor(mid, suite, src.source(suite.location())));
      UniqueId tid = mid.append(ModelTestDescriptor.SEGMENT, testSeg);
      String name = longNames ? t.model() + ": " + t.name() : t.name();
      child(model, tid, () -> new ModelTestDescriptor(tid, name, src.key(), t, src.source(t.location())));
    }
    if (any) {
      runtime.addSpec(src);
    }
  }

  private Optional<SamplesDescriptor> addSamples(
      Path dir, Optional<String> planRef, Optional<String> only, TestSource where) {
    Path d = dir.toAbsolutePath().normalize();
    if (!Files.isDirectory(d)) {
      issue(Severity.ERROR, "jgenkit: samples dir " + d + " does not exist", where);
      return Optional.empty();
    }
    Optional<Plan> plan;
    SamplePlanner.Selection selection;
    try {
      plan = loadPlan(d, planRef);
      selection = SamplePlanner.select(d, plan, List.of(), Set.of());
    } catch (SpecException e) {
      reportProblems(e, where);
      return Optional.empty();
    } catch (IOException e) {
      issue(Severity.ERROR, "jgenkit: cannot read the samples dir " + d + ": " + e.getMessage(), where);
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      issue(Severity.ERROR, "jgenkit: " + e.getMessage(), where);
      return Optional.empty();
    }
    UniqueId sid = root.getUniqueId().append(SamplesDescriptor.SEGMENT, d.toString());
    String title = "samples in " + RuntimeSettings.relative(wd, d)
        + plan.map(p -> " (plan " + p.name() + ")").orElse("");
    SamplesDescriptor samples = child(root, sid, () -> new SamplesDescriptor(sid, title, d, plan));
    for (SamplePlanner.Entry e : selection.entries()) {
      if (only.isPresent() && !only.get().equals(e.name())) {
        continue;
      }
      UniqueId id = sid.append(SampleDescriptor.SEGMENT, e.name());
      child(samples, id, () -> new SampleDescriptor(id, e));
    }
    if (only.isPresent() && samples.getChildren().stream().noneMatch(c -> c.getDisplayName().equals(only.get()))) {
      issue(Severity.WARNING, "jgenkit: no sample named " + only.get() + " in " + d, where);
    }
    return Optional.of(samples);
  }

  private Optional<Plan> loadPlan(Path dir, Optional<String> ref) throws SpecException {
    if (ref.isEmpty()) {
      Path p = dir.resolve(PLAN_FILE);
      return Files.isRegularFile(p) ? Optional.of(PlanLoader.load(p)) : Optional.empty();
    }
    if (ref.get().equals("none")) {
      return Optional.empty();
    }
    Optional<Plan> builtIn = PlanLoader.builtIn(ref.get());
    if (builtIn.isPresent()) {
      return builtIn;
    }
    return Optional.of(PlanLoader.load(wd.resolve(ref.get()).normalize()));
  }

  @SuppressWarnings("unchecked")
  private static <T extends TestDescriptor> T child(TestDescriptor parent, UniqueId id, Supplier<T> create) {
    for (TestDescriptor c : parent.getChildren()) {
      if (c.getUniqueId().equals(id)) {
        return (T) c;
      }
    }
    T made = create.get();
    parent.addChild(made);
    return made;
  }

  /** Loads a spec; its problems become discovery issues. */
  private Optional<SpecSource> load(SpecLoad how, TestSource where) {
    try {
      return Optional.of(how.load());
    } catch (SpecException e) {
      reportProblems(e, where);
      return Optional.empty();
    }
  }

  @FunctionalInterface
  private interface SpecLoad {
    SpecSource load() throws SpecException;
  }

  private void reportProblems(SpecException e, TestSource fallback) {
    for (SpecProblem p : e.problems()) {
      Path f = p.location().file();
      TestSource source = fallback;
      if (Files.isRegularFile(f)) {
        source = p.location().line() > 0
            ? FileSource.from(f.toFile(), FilePosition.from(p.location().line(), Math.max(1, p.location().column())))
            : FileSource.from(f.toFile());
      }
      issue(Severity.ERROR, "jgenkit: " + p.relativeTo(wd).format(), source);
    }
  }

  private void issue(Severity severity, String message, TestSource source) {
    request.getDiscoveryListener().issueEncountered(root.getUniqueId(),
        DiscoveryIssue.builder(severity, Redaction.redact(message)).source(Optional.ofNullable(source)).build());
  }

  private static ClassLoader contextLoader() {
    ClassLoader cl = Thread.currentThread().getContextClassLoader();
    return cl != null ? cl : Discoverer.class.getClassLoader();
  }

  /** What a YAML or JSON file holds, judged by its top level. */
  enum Kind { SPEC, PLAN, SAMPLE_FILE, OTHER }

  /**
   * A plan is {@code jgenkit-plan.*} or a mapping with {@code phases}; a sample file is {@code
   * jgenkit-sample.yaml}; a spec is a list of mappings with {@code model}, or one such mapping.
   */
  static Kind kind(Path file) {
    String name = file.getFileName().toString();
    if (name.equals(SampleDirectory.SAMPLE_FILE)) {
      return Kind.SAMPLE_FILE;
    }
    if (name.startsWith("jgenkit-plan.")) {
      return Kind.PLAN;
    }
    if (!(name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json"))) {
      return Kind.OTHER;
    }
    try {
      if (Files.size(file) > SpecLoader.MAX_CHARS) {
        return Kind.OTHER;
      }
      JsonNode n = YAML.readTree(file.toFile());
      if (n == null) {
        return Kind.OTHER;
      }
      if (n.isObject() && n.has("phases") && !n.has("model")) {
        return Kind.PLAN;
      }
      JsonNode first = n.isArray() && n.size() > 0 ? n.get(0) : n;
      return first.isObject() && first.has("model") ? Kind.SPEC : Kind.OTHER;
    } catch (IOException | RuntimeException e) {
      // unreadable or not YAML/JSON: a file named explicitly is still loaded (and its errors shown)
      return Kind.OTHER;
    }
  }
}
