package dev.jgenkit.specs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jgenkit.specs.samples.PlanLoader;
import dev.jgenkit.specs.samples.SampleFileLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Property-based fuzzing of the three loaders (spec, sample plan, sample file): real files mutated
 * (characters YAML cares about inserted, ranges deleted, lines duplicated, swapped, re-indented,
 * truncated), random YAML trees built from the loaders' own vocabulary, and random bytes. Every
 * input must either load or be rejected with located problems ({@code file:line:col}, a message and
 * a hint); any other exception is a failure that jqwik shrinks. The run's figures go to
 * {@code target/resilience/fuzz-loaders.json} for docs/resilience.md.
 */
class LoaderFuzzTest {
  private static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String YAML_SYMBOLS = ":-[]{}&*!|>'\"#%@,?`\t\n \\";
  private static final List<String> KEYS = List.of("model", "supports", "tests", "name", "input", "messages",
      "role", "content", "text", "validators", "stream", "phases", "phase", "title", "samples", "env",
      "features", "notes", "env-help", "start", "cwd", "timeout", "flows", "skip", "description", "<<");

  private static final AtomicLong TRIES = new AtomicLong();
  private static final AtomicLong LOADED = new AtomicLong();
  private static final AtomicLong REJECTED = new AtomicLong();
  private static final AtomicLong UNEXPECTED = new AtomicLong();
  private static final Set<Integer> DISTINCT = ConcurrentHashMap.newKeySet();
  private static final Map<String, Long> BY_PROPERTY = new TreeMap<>();
  private static volatile long startedNanos;

  /** Which loader reads an input, and under which file name. */
  enum Target {
    SPEC_YAML("spec.yaml"),
    SPEC_JSON("spec.json"),
    PLAN("jgenkit-plan.yaml"),
    SAMPLE_FILE("jgenkit-sample.yaml");

    final String fileName;

    Target(String fileName) {
      this.fileName = fileName;
    }

    void load(Path file, String content) throws SpecException {
      switch (this) {
        case SPEC_YAML, SPEC_JSON -> SpecLoader.load(file, content);
        case PLAN -> PlanLoader.load(file, content);
        case SAMPLE_FILE -> SampleFileLoader.load(file, content);
      }
    }

    void load(Path file) throws SpecException {
      switch (this) {
        case SPEC_YAML, SPEC_JSON -> SpecLoader.load(file);
        case PLAN -> PlanLoader.load(file);
        case SAMPLE_FILE -> SampleFileLoader.load(file);
      }
    }
  }

  @BeforeContainer
  static void start() {
    startedNanos = System.nanoTime();
  }

  @AfterContainer
  static void writeFigures() throws IOException {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("engine", "jqwik 1.9.3");
    n.put("tries", TRIES.get());
    n.put("distinctInputs", DISTINCT.size());
    n.put("loaded", LOADED.get());
    n.put("rejectedWithLocatedProblems", REJECTED.get());
    n.put("unexpectedExceptions", UNEXPECTED.get());
    n.put("seconds", Math.round((System.nanoTime() - startedNanos) / 1e8) / 10.0);
    ObjectNode props = n.putObject("triesByProperty");
    synchronized (BY_PROPERTY) {
      BY_PROPERTY.forEach(props::put);
    }
    Path out = Path.of("target", "resilience", "fuzz-loaders.json");
    Files.createDirectories(out.getParent());
    Files.writeString(out, n.toPrettyString() + "\n");
  }

  // ------------------------------------------------------------------------------- properties

  @Property(tries = 1500)
  void mutatedRealFilesLoadOrAreRejectedWithLocatedProblems(
      @ForAll("seeds") Seed seed, @ForAll("mutations") List<Mutation> mutations) {
    String text = seed.text;
    for (Mutation m : mutations) {
      text = m.apply(text);
    }
    check("mutated real files", seed.target, text);
  }

  @Property(tries = 700)
  void randomYamlTreesLoadOrAreRejectedWithLocatedProblems(
      @ForAll("targets") Target target, @ForAll("yamlTrees") String yaml) {
    check("random YAML trees", target == Target.SPEC_JSON ? Target.SPEC_YAML : target, yaml);
  }

  @Property(tries = 400)
  void randomBytesLoadOrAreRejectedWithLocatedProblems(
      @ForAll("targets") Target target, @ForAll("bytes") byte[] bytes) throws IOException {
    Path dir = Files.createTempDirectory("fuzz");
    Path file = dir.resolve(target.fileName);
    try {
      Files.write(file, bytes);
      count("random bytes", bytes.length * 31 + java.util.Arrays.hashCode(bytes));
      outcome(file, () -> target.load(file));
    } finally {
      Files.deleteIfExists(file);
      Files.deleteIfExists(dir);
    }
  }

  // ------------------------------------------------------------------------------- checking

  @FunctionalInterface
  interface Load {
    void run() throws SpecException;
  }

  private static void check(String property, Target target, String text) {
    Path file = Path.of("/fuzz").resolve(target.fileName);
    count(property, (target.name() + "\u0000" + text).hashCode());
    outcome(file, () -> target.load(file, text));
  }

  private static void count(String property, int hash) {
    TRIES.incrementAndGet();
    DISTINCT.add(hash);
    synchronized (BY_PROPERTY) {
      BY_PROPERTY.merge(property, 1L, Long::sum);
    }
  }

  private static void outcome(Path file, Load load) {
    try {
      load.run();
      LOADED.incrementAndGet();
    } catch (SpecException e) {
      REJECTED.incrementAndGet();
      assertThat(e.problems()).isNotEmpty();
      for (SpecProblem p : e.problems()) {
        assertThat(p.location().file()).isEqualTo(file);
        assertThat(p.location().line()).as(p.format()).isPositive();
        assertThat(p.location().column()).as(p.format()).isPositive();
        assertThat(p.message()).as(p.format()).isNotBlank();
        assertThat(p.hint()).as(p.format()).isNotBlank();
      }
    } catch (RuntimeException | Error e) {
      UNEXPECTED.incrementAndGet();
      throw e;
    }
  }

  // ------------------------------------------------------------------------------- generators

  /** A real file and the loader that reads it. */
  record Seed(Target target, String name, String text) {
    @Override
    public String toString() {
      return target + " " + name;
    }
  }

  @Provide
  Arbitrary<Seed> seeds() {
    List<Seed> seeds = new ArrayList<>();
    try {
      addAll(seeds, Target.SPEC_YAML, PROJECT.resolve("specs/src/test/resources/genkit-conform"), ".yaml");
      addAll(seeds, Target.SPEC_YAML, PROJECT.resolve("samples/reference/specs"), ".yaml");
      addAll(seeds, Target.SPEC_YAML, PROJECT.resolve("specs/src/test/resources/invalid"), ".yaml");
      addAll(seeds, Target.SPEC_JSON, PROJECT.resolve("specs/src/test/resources/invalid"), ".json");
      addAll(seeds, Target.PLAN, PROJECT.resolve("specs/src/test/resources/invalid-plans"), ".yaml");
      addAll(seeds, Target.SAMPLE_FILE, PROJECT.resolve("specs/src/test/resources/invalid-sample-files"), ".yaml");
      seeds.add(seed(Target.PLAN, PROJECT.resolve("samples/jgenkit-plan.yaml")));
      try (Stream<Path> dirs = Files.list(PROJECT.resolve("samples"))) {
        for (Path d : dirs.sorted().toList()) {
          Path f = d.resolve("jgenkit-sample.yaml");
          if (Files.isRegularFile(f)) {
            seeds.add(seed(Target.SAMPLE_FILE, f));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Arbitraries.of(seeds);
  }

  private static void addAll(List<Seed> seeds, Target target, Path dir, String suffix) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(suffix)).sorted().toList()) {
        if (!f.getFileName().toString().startsWith("non-utf8")) {
          seeds.add(seed(target, f));
        }
      }
    }
  }

  private static Seed seed(Target target, Path f) throws IOException {
    return new Seed(target, PROJECT.relativize(f).toString(), Files.readString(f, StandardCharsets.UTF_8));
  }

  /** One edit of a text. */
  interface Mutation {
    String apply(String text);
  }

  @Provide
  Arbitrary<List<Mutation>> mutations() {
    Arbitrary<Double> at = Arbitraries.doubles().between(0, 1);
    Arbitrary<Mutation> insert = Combinators.combine(at, Arbitraries.strings().withChars(YAML_SYMBOLS)
            .withCharRange('a', 'z').withChars("0123456789\u00e9\u2603\ud83d\ude00\u0000").ofMinLength(1).ofMaxLength(8))
        .as((p, s) -> t -> {
          int i = index(t, p);
          return t.substring(0, i) + s + t.substring(i);
        });
    Arbitrary<Mutation> delete = Combinators.combine(at, Arbitraries.integers().between(1, 40))
        .as((p, n) -> t -> {
          int i = index(t, p);
          return t.substring(0, i) + t.substring(Math.min(t.length(), i + n));
        });
    Arbitrary<Mutation> truncate = at.map(p -> t -> t.substring(0, index(t, p)));
    Arbitrary<Mutation> duplicateLine = at.map(p -> t -> lines(t, p, (ls, i) -> ls.add(i, ls.get(i))));
    Arbitrary<Mutation> swapLines = Combinators.combine(at, at).as((p, q) -> t -> lines(t, p, (ls, i) -> {
      int j = (int) (q * ls.size()) % ls.size();
      String x = ls.get(i);
      ls.set(i, ls.get(j));
      ls.set(j, x);
    }));
    Arbitrary<Mutation> indent = Combinators.combine(at, Arbitraries.integers().between(-4, 6))
        .as((p, d) -> t -> lines(t, p, (ls, i) -> {
          String l = ls.get(i);
          ls.set(i, d >= 0 ? " ".repeat(d) + l : l.substring(Math.min(-d, l.length() - l.stripLeading().length())));
        }));
    Arbitrary<Mutation> keyword = Combinators.combine(at, Arbitraries.of(KEYS), Arbitraries.of(
            ": ", ": [", ": {", ": &a ", ": *a", ": !tag ", ": ~", ": 1e999", ": -.nan", "\n- ", ": |\n  "))
        .as((p, k, sep) -> t -> {
          int i = index(t, p);
          return t.substring(0, i) + k + sep + t.substring(i);
        });
    return Arbitraries.oneOf(insert, delete, truncate, duplicateLine, swapLines, indent, keyword)
        .list().ofMinSize(1).ofMaxSize(6);
  }

  private static int index(String t, double p) {
    return (int) Math.round(p * t.length());
  }

  private static String lines(String t, double p, java.util.function.BiConsumer<List<String>, Integer> edit) {
    List<String> ls = new ArrayList<>(List.of(t.split("\n", -1)));
    int i = Math.min(ls.size() - 1, (int) (p * ls.size()));
    edit.accept(ls, i);
    return String.join("\n", ls);
  }

  @Provide
  Arbitrary<Target> targets() {
    return Arbitraries.of(Target.values());
  }

  @Provide
  Arbitrary<String> yamlTrees() {
    return value(4).map(v -> render(v, 0));
  }

  private Arbitrary<Object> value(int depth) {
    Arbitrary<Object> scalar = Arbitraries.oneOf(
        Arbitraries.of(KEYS).map(o -> (Object) o),
        Arbitraries.strings().ofMaxLength(12).map(o -> (Object) o),
        Arbitraries.integers().map(o -> (Object) o),
        Arbitraries.doubles().map(o -> (Object) o),
        Arbitraries.of("true", "false", "null", "~", "yes", "1e999", ".nan", "text-includes:x", "multiturn",
            "&a x", "*a", "!!binary aGk=", "2024-01-01").map(o -> (Object) ("\u0001" + o)));
    if (depth == 0) {
      return scalar;
    }
    Arbitrary<Object> list = Arbitraries.lazy(() -> value(depth - 1)).list().ofMaxSize(4).map(o -> (Object) o);
    Arbitrary<Object> map = Arbitraries.maps(Arbitraries.oneOf(Arbitraries.of(KEYS), Arbitraries.strings().ofMinLength(1).ofMaxLength(6)),
        Arbitraries.lazy(() -> value(depth - 1))).ofMaxSize(5).map(o -> (Object) o);
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, scalar), net.jqwik.api.Tuple.of(2, list), net.jqwik.api.Tuple.of(3, map));
  }

  /** Block-style YAML; strings are quoted as JSON, raw tokens (marked with \u0001) are written bare. */
  private static String render(Object v, int indent) {
    String pad = " ".repeat(indent);
    if (v instanceof Map<?, ?> m) {
      if (m.isEmpty()) {
        return "{}";
      }
      StringBuilder sb = new StringBuilder();
      for (var e : m.entrySet()) {
        sb.append('\n').append(pad).append(quote(e.getKey())).append(": ").append(render(e.getValue(), indent + 2));
      }
      return sb.toString();
    }
    if (v instanceof List<?> l) {
      if (l.isEmpty()) {
        return "[]";
      }
      StringBuilder sb = new StringBuilder();
      for (Object o : l) {
        sb.append('\n').append(pad).append("- ").append(render(o, indent + 2));
      }
      return sb.toString();
    }
    return quote(v);
  }

  private static String quote(Object o) {
    if (o instanceof String s && s.startsWith("\u0001")) {
      return s.substring(1);
    }
    if (o instanceof String s) {
      try {
        return MAPPER.writeValueAsString(s);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new UncheckedIOException(e);
      }
    }
    return String.valueOf(o);
  }

  @Provide
  Arbitrary<byte[]> bytes() {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(2048);
  }
}
