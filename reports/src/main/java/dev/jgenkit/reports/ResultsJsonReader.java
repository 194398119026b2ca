package dev.jgenkit.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.jgenkit.runners.plan.PlannedTest;
import dev.jgenkit.runners.results.RunResult;
import dev.jgenkit.runners.results.RuntimeInfo;
import dev.jgenkit.runners.results.SampleInfo;
import dev.jgenkit.runners.results.TestResult;
import dev.jgenkit.runners.results.Verdict;
import dev.jgenkit.runners.validate.SchemaCheck;
import dev.jgenkit.specs.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code results.json} back into the results model, after checking it against its JSON
 * Schema, so views can be re-rendered, runs merged and compared. What results.json does not keep
 * (the request input of passed and skipped checks, a flow's output schema) comes back empty.
 * Version-1 documents (before multi-runtime runs) are read too, checked against their own schema:
 * their runtime is unnamed.
 */
public final class ResultsJsonReader {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Pattern LOCATION = Pattern.compile("^(.*):(\\d+):(\\d+)$");
  private static volatile JsonNode schema;
  private static volatile JsonNode schemaV1;

  /** A results.json that cannot be read: says which file and why. */
  public static final class InvalidResultsException extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidResultsException(String message) {
      super(message);
    }
  }

  private ResultsJsonReader() {}

  public static RunResult read(Path file) throws InvalidResultsException {
    if (!Files.isRegularFile(file)) {
      throw new InvalidResultsException(file + ": no such file");
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new InvalidResultsException(file + ": cannot read it as JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
    }
    if (root == null || !root.isObject()) {
      throw new InvalidResultsException(file + ": not a jgenkit results.json (not a JSON object)");
    }
    int version = root.path("schemaVersion").asInt(-1);
    if (version != ResultsJson.SCHEMA_VERSION && version != 1) {
      throw new InvalidResultsException(file + ": schemaVersion " + root.path("schemaVersion")
          + " is not supported (this jgenkit reads 1 and " + ResultsJson.SCHEMA_VERSION + ")");
    }
    List<String> errors = SchemaCheck.errors(version == 1 ? schemaV1() : schema(), root);
    if (!errors.isEmpty()) {
      throw new InvalidResultsException(file + ": does not match "
          + (version == 1 ? "results-1.schema.json" : "results.schema.json") + ": "
          + String.join("; ", errors.subList(0, Math.min(5, errors.size()))));
    }
    return toRun(root);
  }

  private static JsonNode schema() {
    JsonNode s = schema;
    if (s == null) {
      s = resource(ResultsJson.SCHEMA_RESOURCE);
      schema = s;
    }
    return s;
  }

  private static JsonNode schemaV1() {
    JsonNode s = schemaV1;
    if (s == null) {
      s = resource(ResultsJson.SCHEMA_V1_RESOURCE);
      schemaV1 = s;
    }
    return s;
  }

  private static JsonNode resource(String name) {
    try (InputStream in = ResultsJson.class.getResourceAsStream(name)) {
      return MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static RunResult toRun(JsonNode root) {
    List<SampleInfo> samples = new ArrayList<>();
    for (JsonNode s : root.get("samples")) {
      samples.add(new SampleInfo(s.get("name").asText(), phase(s), s.path("phaseTitle").asText(""),
          strings(s.get("features")), strings(s.get("requiredEnv")), strings(s.get("missingEnv")),
          text(s.get("directory")), s.get("runtime").isNull() ? Optional.empty() : Optional.of(runtime(s.get("runtime")))));
    }
    List<TestResult> results = new ArrayList<>();
    for (JsonNode t : root.get("tests")) {
      results.add(test(t));
    }
    List<RuntimeInfo> runtimes = new ArrayList<>();
    root.path("runtimes").forEach(r -> runtimes.add(runtime(r)));
    RuntimeInfo runtime = !root.get("runtime").isNull() ? runtime(root.get("runtime"))
        : !runtimes.isEmpty() ? runtimes.get(0)
        : new RuntimeInfo("", Optional.empty(), List.of(), OptionalLong.empty(), Optional.empty(), Optional.empty());
    return new RunResult(root.get("tool").asText(), root.get("toolVersion").asText(),
        strings(root.get("specFiles")), runtime, Instant.parse(root.get("startedAt").asText()),
        Instant.parse(root.get("finishedAt").asText()), results, root.get("interrupted").asBoolean(),
        root.get("command").asText(), samples, runtimes);
  }

  private static TestResult test(JsonNode t) {
    String kind = t.get("kind").asText();
    PlannedTest.Kind k = kind.equals("sample-flow") ? PlannedTest.Kind.SAMPLE_FLOW : PlannedTest.Kind.MODEL_TEST;
    Verdict verdict = Verdict.valueOf(t.get("verdict").asText());
    String reason = t.get("reason").asText();
    PlannedTest p = new PlannedTest(t.get("index").asInt(), t.get("suiteIndex").asInt(),
        t.get("model").asText(), t.get("modelKey").asText(), t.get("name").asText(),
        text(t.get("capability")), t.has("request") ? t.get("request") : NullNode.instance, strings(t.get("validators")),
        t.get("stream").asBoolean(), verdict == Verdict.SKIP ? Optional.of(reason) : Optional.empty(),
        text(t.get("declaredUnsupported")), location(t.get("location").asText()), k, phase(t), Optional.empty(),
        text(t.get("runtime")).orElse(""));
    JsonNode ttfc = t.get("timeToFirstChunkMillis");
    return new TestResult(p, verdict, reason, t.get("attempts").asInt(), t.get("durationMillis").asLong(),
        ttfc.isNumber() ? OptionalLong.of(ttfc.asLong()) : OptionalLong.empty(), t.get("chunkCount").asInt(),
        text(t.get("traceId")), t.get("usage").isObject() ? Optional.of(t.get("usage")) : Optional.empty(),
        text(t.get("finishReason")), Optional.ofNullable(t.get("response")));
  }

  private static RuntimeInfo runtime(JsonNode r) {
    return new RuntimeInfo(r.get("url").asText(), text(r.get("genkitVersion")), strings(r.get("command")),
        r.get("pid").isNumber() ? OptionalLong.of(r.get("pid").asLong()) : OptionalLong.empty(),
        text(r.get("runtimeId")), text(r.get("logFile")), text(r.get("name")));
  }

  static Location location(String s) {
    Matcher m = LOCATION.matcher(s);
    if (m.matches()) {
      return new Location(Path.of(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    }
    return new Location(Path.of(s.isEmpty() ? "<unknown>" : s), 0, 0);
  }

  private static OptionalInt phase(JsonNode n) {
    JsonNode p = n.get("phase");
    return p != null && p.isInt() ? OptionalInt.of(p.asInt()) : OptionalInt.empty();
  }

  private static Optional<String> text(JsonNode n) {
    return n == null || n.isNull() ? Optional.empty() : Optional.of(n.asText());
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    if (array != null) {
      array.forEach(e -> out.add(e.asText()));
    }
    return out;
  }
}
