package dev.jgenkit.reports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jgenkit.runners.plan.PlannedTest;
import dev.jgenkit.runners.results.RunResult;
import dev.jgenkit.runners.results.RuntimeInfo;
import dev.jgenkit.runners.results.SampleInfo;
import dev.jgenkit.runners.results.TestResult;
import dev.jgenkit.runners.results.Verdict;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;

/**
 * The canonical machine-readable report, {@code results.json}: schema version {@value
 * #SCHEMA_VERSION}, described by the JSON Schema at {@value #SCHEMA_RESOURCE} on the classpath.
 *
 * <p>Field order is fixed, tests are in plan order, output is pretty-printed with two spaces and
 * ends with a newline, so two runs of the same plan differ only in times, trace ids and what the
 * model said. Verdicts are written as {@code PASS}, {@code FAIL}, {@code ERROR}, {@code SKIP}.
 *
 * <p>One shape serves both commands; {@code command} says which ({@code test-model} or {@code
 * sample-flows}). For test-model, {@code samples} and {@code phases} are empty and {@code
 * featureCoverage} has empty arrays. For sample-flows:
 *
 * <ul>
 *   <li>{@code runtime} is {@code null}; each entry of {@code samples} (run order) carries the
 *       runtime started for it, or {@code null} when it was not started, and its {@code
 *       missingEnv};
 *   <li>{@code phases} is the {@link PhaseTable}: {@code [{phase, title, status, passed, failed,
 *       errored, skipped, samples: [{name, status, passed, failed, errored, skipped}]}]}, {@code
 *       phase} {@code null} for the unplanned group (last), counts of tests (flows, and the {@code
 *       (start)} placeholder of a sample that did not start), status {@code PASS}, {@code FAIL} or
 *       {@code SKIP};
 *   <li>{@code featureCoverage} is the {@link FeatureCoverage} as parallel arrays: {@code
 *       {features: [f...], phases: [p...], cells: [[c...]]}}, where {@code cells[i][j]} is feature
 *       {@code features[i]} in phase {@code phases[j]} ({@code null} = unplanned), one of {@code
 *       pass}, {@code fail}, {@code skip}, {@code none};
 *   <li>each test has {@code kind} {@code sample-flow} (model tests: {@code builtin} or {@code
 *       custom}) and {@code phase}, the sample's plan phase ({@code null} when none, and for model
 *       tests); {@code model} is the sample name, {@code modelKey} {@code /flow/<name>}.
 * </ul>
 *
 * <p>Version 2 added the runtimes of multi-runtime runs: {@code runtimes} lists every runtime of a
 * test-model run (one for a plain run, empty for sample-flows), each runtime object has a {@code
 * name} ({@code null} when unnamed), each test names its {@code runtime} ({@code null} on the one
 * runtime of a plain run), and {@code runtime} is {@code null} when a test-model run spans several
 * runtimes. Version-1 documents are still read ({@link ResultsJsonReader}).
 */
public final class ResultsJson {
  /** Bumped on any incompatible change of the document's shape. */
  public static final int SCHEMA_VERSION = 2;

  /** Classpath location of the JSON Schema (draft 2020-12) the output conforms to. */
  public static final String SCHEMA_RESOURCE = "/dev/jgenkit/reports/results.schema.json";

  /** The schema of version-1 documents, which {@link ResultsJsonReader} still reads. */
  static final String SCHEMA_V1_RESOURCE = "/dev/jgenkit/reports/results-1.schema.json";

  /** The report's conventional file name. */
  public static final String FILE_NAME = "results.json";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectWriter WRITER = new ObjectMapper().writer(prettyPrinter());

  private ResultsJson() {}

  /** The document as UTF-8 bytes. */
  public static byte[] write(RunResult run) {
    return writeString(run).getBytes(StandardCharsets.UTF_8);
  }

  /** The document as a string, ending with a newline. */
  public static String writeString(RunResult run) {
    try {
      return WRITER.writeValueAsString(toTree(run)) + "\n";
    } catch (JsonProcessingException e) {
      // A tree of plain nodes always serialises; anything else is a bug.
      throw new UncheckedIOException(e);
    }
  }

  /** The document as a Jackson tree, for callers that embed it. */
  public static ObjectNode toTree(RunResult run) {
    ObjectNode root = NODES.objectNode();
    root.put("schemaVersion", SCHEMA_VERSION);
    root.put("tool", run.tool());
    root.put("toolVersion", run.toolVersion());
    root.put("command", run.command());
    root.put("startedAt", run.startedAt().toString());
    root.put("finishedAt", run.finishedAt().toString());
    root.put("durationMillis", runMillis(run));
    root.put("interrupted", run.interrupted());
    strings(root.putArray("specFiles"), run.specFiles());
    // A sample-flows run starts one runtime per sample (under samples[].runtime); its run-level
    // runtime is a placeholder.
    root.set(
        "runtime",
        sampleFlows(run) || run.runtimes().size() > 1 ? NODES.nullNode() : runtime(run.runtime()));
    ArrayNode runtimes = root.putArray("runtimes");
    run.runtimes().forEach(rt -> runtimes.add(runtime(rt)));
    ObjectNode summary = root.putObject("summary");
    summary.put("total", run.results().size());
    summary.put("passed", run.count(Verdict.PASS));
    summary.put("failed", run.count(Verdict.FAIL));
    summary.put("errored", run.count(Verdict.ERROR));
    summary.put("skipped", run.count(Verdict.SKIP));
    ArrayNode samples = root.putArray("samples");
    run.samples().forEach(s -> samples.add(sample(s)));
    PhaseTable table = PhaseTable.of(run);
    ArrayNode phases = root.putArray("phases");
    table.groups().forEach(g -> phases.add(phase(g)));
    root.set("featureCoverage", coverage(FeatureCoverage.of(table)));
    ArrayNode tests = root.putArray("tests");
    for (TestResult r : run.results()) {
      tests.add(test(r));
    }
    return root;
  }

  /** One test's entry, as in {@code tests[]}; also one line of {@code results.jsonl}. */
  public static ObjectNode testNode(TestResult r) {
    return test(r);
  }

  static long runMillis(RunResult run) {
    return Math.max(0, Duration.between(run.startedAt(), run.finishedAt()).toMillis());
  }

  static boolean sampleFlows(RunResult run) {
    return RunResult.SAMPLE_FLOWS.equals(run.command());
  }

  private static ObjectNode sample(SampleInfo s) {
    ObjectNode node = NODES.objectNode();
    node.put("name", s.name());
    putPhase(node, s.phase());
    node.put("phaseTitle", s.phaseTitle());
    strings(node.putArray("features"), s.features());
    strings(node.putArray("requiredEnv"), s.requiredEnv());
    strings(node.putArray("missingEnv"), s.missingEnv());
    node.put("directory", s.directory().orElse(null));
    node.set("runtime", s.runtime().<JsonNode>map(ResultsJson::runtime).orElse(NODES.nullNode()));
    return node;
  }

  private static ObjectNode phase(PhaseTable.Group g) {
    ObjectNode node = NODES.objectNode();
    putPhase(node, g.phase());
    node.put("title", g.title());
    counts(node, g.counts(), g.status());
    ArrayNode samples = node.putArray("samples");
    for (PhaseTable.Row row : g.samples()) {
      ObjectNode sample = samples.addObject();
      sample.put("name", row.name());
      counts(sample, row.counts(), row.status());
    }
    return node;
  }

  private static void counts(ObjectNode node, PhaseTable.Counts c, PhaseTable.Status status) {
    node.put("status", status.name());
    node.put("passed", c.passed());
    node.put("failed", c.failed());
    node.put("errored", c.errored());
    node.put("skipped", c.skipped());
  }

  private static ObjectNode coverage(FeatureCoverage coverage) {
    ObjectNode node = NODES.objectNode();
    strings(node.putArray("features"), coverage.features());
    ArrayNode phases = node.putArray("phases");
    for (OptionalInt phase : coverage.phases()) {
      if (phase.isPresent()) {
        phases.add(phase.getAsInt());
      } else {
        phases.addNull();
      }
    }
    ArrayNode cells = node.putArray("cells");
    for (List<FeatureCoverage.Cell> row : coverage.cells()) {
      ArrayNode r = cells.addArray();
      row.forEach(c -> r.add(c.json()));
    }
    return node;
  }

  private static void putPhase(ObjectNode node, OptionalInt phase) {
    if (phase.isPresent()) {
      node.put("phase", phase.getAsInt());
    } else {
      node.putNull("phase");
    }
  }

  private static ObjectNode runtime(RuntimeInfo rt) {
    ObjectNode node = NODES.objectNode();
    node.put("name", rt.name().orElse(null));
    node.put("url", rt.url());
    node.put("genkitVersion", rt.genkitVersion().orElse(null));
    strings(node.putArray("command"), rt.command().stream().map(Redaction::redact).toList());
    if (rt.pid().isPresent()) {
      node.put("pid", rt.pid().getAsLong());
    } else {
      node.putNull("pid");
    }
    node.put("runtimeId", rt.runtimeId().orElse(null));
    node.put("logFile", rt.logFile().orElse(null));
    node.put("attached", rt.attached());
    return node;
  }

  private static ObjectNode test(TestResult r) {
    PlannedTest t = r.test();
    ObjectNode node = NODES.objectNode();
    node.put("index", t.index());
    node.put("suiteIndex", t.suiteIndex());
    node.put("runtime", t.runtime().isEmpty() ? null : t.runtime());
    node.put("model", t.model());
    node.put("modelKey", t.modelKey());
    node.put("name", t.name());
    node.put("capability", t.capability().orElse(null));
    node.put("kind", kind(t));
    putPhase(node, t.phase());
    node.put("stream", t.stream());
    strings(node.putArray("validators"), t.validators());
    node.put("verdict", r.verdict().name());
    node.put("reason", Redaction.redact(r.reason()));
    node.put("attempts", r.attempts());
    node.put("durationMillis", r.durationMillis());
    if (r.timeToFirstChunkMillis().isPresent()) {
      node.put("timeToFirstChunkMillis", r.timeToFirstChunkMillis().getAsLong());
    } else {
      node.putNull("timeToFirstChunkMillis");
    }
    node.put("chunkCount", r.chunkCount());
    node.put("traceId", r.traceId().orElse(null));
    node.set("usage", r.usage().<JsonNode>map(JsonNode::deepCopy).orElse(NODES.nullNode()));
    node.put("finishReason", r.finishReason().orElse(null));
    node.put("location", t.location().toString());
    node.put("declaredUnsupported", t.declaredUnsupported().orElse(null));
    if (r.verdict().failed()) {
      Excerpts.forResults(t.input()).ifPresent(request -> node.set("request", request));
      r.response().flatMap(Excerpts::forResults).ifPresent(response -> node.set("response", response));
    }
    return node;
  }

  private static String kind(PlannedTest t) {
    if (t.kind() == PlannedTest.Kind.SAMPLE_FLOW) {
      return "sample-flow";
    }
    return t.builtIn() ? "builtin" : "custom";
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }

  private static DefaultPrettyPrinter prettyPrinter() {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    Separators separators =
        Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator("");
    return new DefaultPrettyPrinter(separators)
        .withObjectIndenter(indenter)
        .withArrayIndenter(indenter);
  }
}
