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
import dev.jgenkit.runners.results.TestResult;
import dev.jgenkit.runners.results.Verdict;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * The canonical machine-readable report, {@code results.json}: schema version {@value
 * #SCHEMA_VERSION}, described by the JSON Schema at {@value #SCHEMA_RESOURCE} on the classpath.
 *
 * <p>Field order is fixed, tests are in plan order, output is pretty-printed with two spaces and
 * ends with a newline, so two runs of the same plan differ only in times, trace ids and what the
 * model said. Verdicts are written as {@code PASS}, {@code FAIL}, {@code ERROR}, {@code SKIP}.
 */
public final class ResultsJson {
  /** Bumped on any incompatible change of the document's shape. */
  public static final int SCHEMA_VERSION = 1;

  /** Classpath location of the JSON Schema (draft 2020-12) the output conforms to. */
  public static final String SCHEMA_RESOURCE = "/dev/jgenkit/reports/results.schema.json";

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
    root.put("startedAt", run.startedAt().toString());
    root.put("finishedAt", run.finishedAt().toString());
    root.put("durationMillis", runMillis(run));
    root.put("interrupted", run.interrupted());
    strings(root.putArray("specFiles"), run.specFiles());
    root.set("runtime", runtime(run.runtime()));
    ObjectNode summary = root.putObject("summary");
    summary.put("total", run.results().size());
    summary.put("passed", run.count(Verdict.PASS));
    summary.put("failed", run.count(Verdict.FAIL));
    summary.put("errored", run.count(Verdict.ERROR));
    summary.put("skipped", run.count(Verdict.SKIP));
    ArrayNode tests = root.putArray("tests");
    for (TestResult r : run.results()) {
      tests.add(test(r));
    }
    return root;
  }

  static long runMillis(RunResult run) {
    return Math.max(0, Duration.between(run.startedAt(), run.finishedAt()).toMillis());
  }

  private static ObjectNode runtime(RuntimeInfo rt) {
    ObjectNode node = NODES.objectNode();
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
    node.put("model", t.model());
    node.put("modelKey", t.modelKey());
    node.put("name", t.name());
    node.put("capability", t.capability().orElse(null));
    node.put("kind", t.builtIn() ? "builtin" : "custom");
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
    return node;
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
