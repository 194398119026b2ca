package dev.jgenkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgenkit.cli.it.ResilienceLog;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus through the CLI: every golden case of the spec, plan and sample-file
 * loaders (specs/src/test/resources/invalid*), run as a user would meet it ({@code validate},
 * {@code sample-flows --plan}, a sample's {@code jgenkit-sample.yaml}), plus cases generated here
 * (50 MB files, 100 000-deep nesting, symbolic link loops, a directory for a file). Each must exit 2
 * with exactly the golden's located lines ({@code file:line:col: message}, each with a hint), one per
 * fault, and no stack trace.
 */
@ExtendWith(ResilienceLog.class)
class BadInputCorpusTest {
  private static final Path GOLDENS = Path.of("../specs/src/test/resources").toAbsolutePath().normalize();
  private static final Pattern LOCATED = Pattern.compile("^\\S.*:\\d+:\\d+: \\S.*$");
  private static final long FIFTY_MB = 50L * 1024 * 1024;

  @TempDir Path dir;

  /** How a case reaches jgenkit. */
  enum Kind { SPEC, PLAN, SAMPLE_FILE, SAMPLES_DIR }

  static Stream<Arguments> goldens() throws IOException {
    List<Arguments> cases = new ArrayList<>();
    add(cases, "invalid", Kind.SPEC);
    add(cases, "invalid-plans", Kind.PLAN);
    add(cases, "invalid-sample-files", Kind.SAMPLE_FILE);
    return cases.stream();
  }

  private static void add(List<Arguments> cases, String folder, Kind kind) throws IOException {
    try (Stream<Path> files = Files.list(GOLDENS.resolve(folder))) {
      files.map(p -> p.getFileName().toString())
          .filter(n -> !n.endsWith(".expected"))
          // a sample file is always jgenkit-sample.yaml: its JSON goldens are loader-only
          .filter(n -> kind != Kind.SAMPLE_FILE || n.endsWith(".yaml"))
          .sorted()
          .forEach(n -> cases.add(Arguments.of(kind, folder + "/" + n)));
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("goldens")
  void eachGoldenCaseIsRejectedThroughTheCliWithItsLocatedLines(Kind kind, String name) throws Exception {
    var row = ResilienceLog.begin("bad input", name, kind.name().toLowerCase().replace('_', ' ') + " " + name,
        "exit 2, the golden's located lines with hints, no stack trace");
    Path source = GOLDENS.resolve(name);
    String golden = Files.readString(Path.of(source.toString().replaceFirst("\\.(yaml|json)$", ".expected")));
    int goldenLines = (int) golden.lines().filter(l -> LOCATED.matcher(l).matches()).count();

    Path input = switch (kind) {
      case SPEC, PLAN -> source;
      default -> copyAsSampleFile(source);
    };
    Run r = run(kind, input);

    row.exit(r.result.exitCode()).took(r.wall).verdicts("none run")
        .note(r.located.size() + " located line(s), e.g. " + first(r.located, input));
    assertRejected(r);
    assertThat(r.located).as(r.result.toString()).hasSize(goldenLines);
    // the golden's lines name the file by its name; the CLI by its full path
    String shown = r.result.err().replace(input.getParent() + "/", "");
    if (kind == Kind.SAMPLE_FILE) {
      shown = shown.replace("jgenkit-sample.yaml", source.getFileName().toString());
    }
    for (String line : golden.lines().toList()) {
      assertThat(shown).as(r.result.toString()).contains(line);
    }
  }

  static Stream<Arguments> generated() {
    return Stream.of(
        Arguments.of("spec: 50 MB file", Kind.SPEC, "file is too large"),
        Arguments.of("plan: 50 MB file", Kind.PLAN, "file is too large"),
        Arguments.of("sample file: 50 MB file", Kind.SAMPLE_FILE, "file is too large"),
        Arguments.of("spec: 100000-deep nesting", Kind.SPEC, "nesting is deeper than 200 levels"),
        Arguments.of("spec: billion-laughs alias bomb", Kind.SPEC, "the document expands to more than"),
        Arguments.of("spec: symbolic link loop", Kind.SPEC, "symbolic link loop"),
        Arguments.of("spec: a directory", Kind.SPEC, "is a directory"),
        Arguments.of("plan: symbolic link loop", Kind.PLAN, "symbolic link loop"),
        Arguments.of("sample file: symbolic link loop", Kind.SAMPLE_FILE, "symbolic link loop"),
        Arguments.of("samples dir: an entry linking to itself", Kind.SAMPLES_DIR, "symbolic link loop"),
        Arguments.of("spec: random bytes", Kind.SPEC, "not valid UTF-8"),
        Arguments.of("spec via test-model: unknown key", Kind.SPEC, "unknown suite key"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("generated")
  void eachGeneratedCaseGivesOneLocatedLineWithAHint(String name, Kind kind, String message) throws Exception {
    var row = ResilienceLog.begin("bad input", name, name + " (generated at test time)",
        "exit 2, exactly one located line with a hint, no stack trace");
    Path input = generate(name, kind);

    Run r = name.contains("test-model") ? runTestModel(input) : run(kind, input);

    row.exit(r.result.exitCode()).took(r.wall).verdicts("none run")
        .note(r.located.size() + " located line: " + first(r.located, input));
    assertRejected(r);
    assertThat(r.located).as(r.result.toString()).hasSize(1);
    assertThat(r.located.get(0)).contains(message);
  }

  private Path generate(String name, Kind kind) throws IOException {
    Path samples = Files.createDirectories(dir.resolve("gen-samples"));
    Path s = Files.createDirectories(samples.resolve("s"));
    return switch (name) {
      case "spec: 50 MB file" -> big(dir.resolve("big.yaml"), "- model: x/y\n");
      case "plan: 50 MB file" -> big(dir.resolve("big-plan.yaml"), "phases: []\n");
      case "sample file: 50 MB file" -> big(s.resolve("jgenkit-sample.yaml"), "start: [node, index.js]\n");
      case "spec: 100000-deep nesting" -> write(dir.resolve("deep.yaml"), "x: " + "[".repeat(100_000) + "\n");
      case "spec: billion-laughs alias bomb" -> write(dir.resolve("laughs.yaml"), laughs());
      case "spec: symbolic link loop" -> loop(dir.resolve("loop.yaml"));
      case "spec: a directory" -> Files.createDirectories(dir.resolve("a-dir.yaml"));
      case "plan: symbolic link loop" -> loop(dir.resolve("plan-loop.yaml"));
      case "sample file: symbolic link loop" -> loop(s.resolve("jgenkit-sample.yaml"));
      case "samples dir: an entry linking to itself" -> {
        Files.createSymbolicLink(samples.resolve("a"), Path.of("a"));
        Files.delete(s);
        yield samples.resolve("a");
      }
      case "spec: random bytes" -> {
        byte[] bytes = new byte[4096];
        new java.util.Random(6).nextBytes(bytes);
        bytes[0] = (byte) 0xC3;
        bytes[1] = (byte) 0x28; // an invalid two-byte sequence right at the start
        Path p = dir.resolve("random.yaml");
        Files.write(p, bytes);
        yield p;
      }
      case "spec via test-model: unknown key" -> write(dir.resolve("typo.yaml"), "- model: x/y\n  suports: [multiturn]\n");
      default -> throw new IllegalArgumentException(name);
    };
  }

  private static String laughs() {
    StringBuilder sb = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (int i = 1; i < 10; i++) {
      sb.append("a").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 9; j++) {
        sb.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      }
      sb.append("]\n");
    }
    return sb.toString();
  }

  private static Path big(Path p, String head) throws IOException {
    try (OutputStream out = Files.newOutputStream(p)) {
      out.write(head.getBytes(StandardCharsets.UTF_8));
      byte[] line = "# padding padding padding padding padding padding padding padding padding\n"
          .getBytes(StandardCharsets.UTF_8);
      for (long written = head.length(); written < FIFTY_MB; written += line.length) {
        out.write(line);
      }
    }
    return p;
  }

  private static Path write(Path p, String text) throws IOException {
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  private static Path loop(Path p) throws IOException {
    Path other = p.resolveSibling(p.getFileName() + ".other");
    Files.createSymbolicLink(p, other.getFileName());
    Files.createSymbolicLink(other, p.getFileName());
    return p;
  }

  private Path copyAsSampleFile(Path source) throws IOException {
    Path sample = Files.createDirectories(dir.resolve("samples/s"));
    Path file = sample.resolve("jgenkit-sample.yaml");
    Files.copy(source, file);
    return file;
  }

  /** What one rejected invocation printed. */
  record Run(Cli.Result result, List<String> located, Duration wall) {}

  private Run run(Kind kind, Path input) throws IOException {
    Cli cli = Cli.in(Files.createDirectories(dir.resolve("project")));
    String reports = dir.resolve("reports").toString();
    long t0 = System.nanoTime();
    Cli.Result r = switch (kind) {
      case SPEC -> cli.run("validate", input.toString());
      case PLAN -> cli.run("sample-flows", "--samples-dir", Files.createDirectories(dir.resolve("empty")).toString(),
          "--plan", input.toString(), "--report-dir", reports);
      case SAMPLE_FILE -> cli.run("sample-flows", "--samples-dir", input.getParent().getParent().toString(),
          "--plan", "none", "--report-dir", reports);
      case SAMPLES_DIR -> cli.run("sample-flows", "--samples-dir", input.getParent().toString(),
          "--plan", "none", "--report-dir", reports);
    };
    return new Run(r, located(r), Duration.ofNanos(System.nanoTime() - t0));
  }

  private Run runTestModel(Path spec) throws IOException {
    Cli cli = Cli.in(Files.createDirectories(dir.resolve("project")));
    long t0 = System.nanoTime();
    // nothing listens there: a spec error must come before any attempt to reach it
    Cli.Result r = cli.run("test-model", "--from-file", spec.toString(), "--runtime-url", "http://127.0.0.1:9",
        "--report-dir", dir.resolve("reports").toString());
    return new Run(r, located(r), Duration.ofNanos(System.nanoTime() - t0));
  }

  private static List<String> located(Cli.Result r) {
    return r.err().lines().filter(l -> LOCATED.matcher(l).matches()).toList();
  }

  private static void assertRejected(Run r) {
    assertThat(r.result.exitCode()).as(r.result.toString()).isEqualTo(2);
    assertThat(r.result.err() + r.result.out()).as("no stack trace")
        .doesNotContain("\tat ").doesNotContain("Exception").doesNotContain("internal error");
    List<String> lines = r.result.err().lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      if (LOCATED.matcher(lines.get(i)).matches()) {
        assertThat(i + 1).as("a hint follows %s", lines.get(i)).isLessThan(lines.size());
        assertThat(lines.get(i + 1)).as("hint after %s", lines.get(i)).startsWith("  hint: ");
      }
    }
    assertThat(r.wall).as("does not hang").isLessThan(Duration.ofSeconds(60));
  }

  private static String first(List<String> located, Path input) {
    return located.isEmpty() ? "(none)" : located.get(0).replace(input.getParent() + "/", "");
  }
}
