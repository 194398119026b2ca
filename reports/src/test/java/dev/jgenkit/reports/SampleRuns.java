package dev.jgenkit.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jgenkit.runners.plan.PlannedTest;
import dev.jgenkit.runners.results.RunResult;
import dev.jgenkit.runners.results.RuntimeInfo;
import dev.jgenkit.runners.results.SampleInfo;
import dev.jgenkit.runners.results.TestResult;
import dev.jgenkit.runners.results.Verdict;
import dev.jgenkit.specs.Location;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** Hand-made runs with fixed instants, shared by the reporter tests and their golden files. */
final class SampleRuns {
  static final Instant STARTED = Instant.parse("2025-06-01T10:00:00Z");
  static final Instant FINISHED = Instant.parse("2025-06-01T10:02:04.250Z");
  static final Path SPEC = Path.of("specs/reference.yaml");

  /** A base64 PNG payload long enough to be shortened (200 chars). */
  static final String LONG_BASE64 = "iVBORw0KGgoAAAANSUhEUgAA" + "A".repeat(176);

  /** A reason with two lines, XML-illegal characters, markup characters and a long data URL. */
  static final String NASTY_REASON =
      "Expected <toolRequest> & \"name\" got 'none'\u0001\u001b[31m red"
          + "\nsecond line data:image/png;base64,"
          + LONG_BASE64
          + "\r\nthird line \uFFFF end";

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private SampleRuns() {}

  /** Two suites covering PASS/FAIL/ERROR/SKIP, streams, usage, custom tests and nasty reasons. */
  static RunResult full() {
    String good = "reference/good";
    String other = "/model/other/echo";
    List<TestResult> results =
        List.of(
            pass(
                planned(0, 0, good, "Tool Request Conformance", "tool-request", false, 3, 5),
                12,
                Optional.of(usage(31, 7)),
                "trace-0001"),
            withResponse(
                result(
                    planned(
                        1, 0, good, "Structured Output Conformance", "structured-output", false, 3,
                        5),
                    Verdict.FAIL,
                    "Response text is not valid JSON. Text: {\"name\"",
                    1,
                    8,
                    OptionalLong.empty(),
                    0),
                response("{\"name\"", "data:image/png;base64," + LONG_BASE64)),
            new TestResult(
                planned(
                    2,
                    0,
                    good,
                    "Streaming Multi-turn Conformance",
                    "streaming-multiturn",
                    true,
                    3,
                    5),
                Verdict.PASS,
                "",
                2,
                1234,
                OptionalLong.of(85),
                7,
                Optional.of("trace-0003"),
                Optional.of(usage(120, 42)),
                Optional.of("stop")),
            TestResult.skipped(
                planned(
                    3, 0, good, "Image Input (URL) Conformance", "input-image-url", false, 3, 5),
                "model declares media: false"),
            result(
                planned(4, 0, good, "Hang", null, false, 12, 7),
                Verdict.ERROR,
                "timed out after 120 s (cancelled)",
                1,
                120_000,
                OptionalLong.empty(),
                0),
            result(
                declaredUnsupported(
                    planned(
                        5,
                        1,
                        other,
                        "Streaming Tool Request Conformance",
                        "streaming-tool-request",
                        true,
                        20,
                        5),
                    "model declares tools: false"),
                Verdict.FAIL,
                NASTY_REASON,
                1,
                640,
                OptionalLong.of(40),
                3),
            pass(
                planned(6, 1, other, "Says hello", null, false, 24, 7),
                999,
                Optional.empty(),
                null),
            result(
                planned(7, 1, other, "Runtime error", null, true, 30, 7),
                Verdict.ERROR,
                "Error: boom\n    at generate (src/index.ts:10:5)\n    at run (src/index.ts:20:3)",
                1,
                3,
                OptionalLong.empty(),
                0));
    RuntimeInfo runtime =
        new RuntimeInfo(
            "http://127.0.0.1:3100",
            Optional.of("1.21.0"),
            List.of("npx", "tsx", "src/index.ts"),
            OptionalLong.of(4242),
            Optional.of("4242-3100"),
            Optional.of(".jgenkit/runtime-4242.log"));
    return new RunResult(
        "jgenkit",
        "0.1.0-test",
        List.of(SPEC.toString()),
        runtime,
        STARTED,
        FINISHED,
        results,
        false);
  }

  /** No tests, an attached runtime that reported nothing optional, interrupted. */
  static RunResult emptyAttached() {
    RuntimeInfo runtime =
        new RuntimeInfo(
            "http://localhost:3100",
            Optional.empty(),
            List.of(),
            OptionalLong.empty(),
            Optional.empty(),
            Optional.empty());
    return new RunResult(
        "jgenkit",
        "0.1.0-test",
        List.of(),
        runtime,
        STARTED,
        STARTED.plusMillis(5),
        List.of(),
        true);
  }

  /** A run with the given results and the full run's runtime and instants. */
  static RunResult withResults(List<TestResult> results) {
    RunResult full = full();
    return new RunResult(
        full.tool(),
        full.toolVersion(),
        full.specFiles(),
        full.runtime(),
        STARTED,
        FINISHED,
        results,
        false);
  }

  static final Path PLAN = Path.of("plans/demo.yaml");

  /**
   * A sample-flows run over three phases and five samples: one passing, one with a FAIL flow (and a
   * skipped one), one skipped for an unset variable, one whose start errored, one not in the plan.
   * Features overlap across phases so every coverage cell kind appears.
   */
  static RunResult sampleFlows() {
    SampleInfo interrupts =
        sample(
            "framework-tool-interrupts",
            1,
            "Core Framework",
            List.of("Tool interrupts", "@ai.tool() basic", "Streaming"),
            List.of(),
            runtime(3101, 5001));
    SampleInfo formats =
        sample(
            "framework-format-demo",
            1,
            "Core Framework",
            List.of("Structured output", "Streaming"),
            List.of(),
            runtime(3102, 5002));
    SampleInfo genai =
        new SampleInfo(
            "provider-google-genai-hello",
            OptionalInt.of(2),
            "Google GenAI",
            List.of("@ai.tool() basic", "Streaming", "Structured output", "Vision/multimodal"),
            List.of("GEMINI_API_KEY"),
            List.of("GEMINI_API_KEY"),
            Optional.of("samples/provider-google-genai-hello"),
            Optional.empty());
    SampleInfo ollama =
        sample(
            "provider-ollama-hello",
            3,
            "Multi-Provider",
            List.of("@ai.tool() basic", "Streaming", "RAG/retrieval"),
            List.of(),
            runtime(3103, 5003));
    SampleInfo echo =
        new SampleInfo(
            "local-echo",
            OptionalInt.empty(),
            "",
            List.of(),
            List.of(),
            List.of(),
            Optional.of("samples/local-echo"),
            Optional.of(runtime(3104, 5004)));
    List<TestResult> results =
        List.of(
            pass(flow(0, 0, interrupts, "interruptFlow", false, 3), 12, Optional.empty(), "t-1"),
            new TestResult(
                flow(1, 0, interrupts, "resumeFlow", true, 3),
                Verdict.PASS,
                "",
                1,
                1234,
                OptionalLong.of(85),
                7,
                Optional.of("t-2"),
                Optional.empty(),
                Optional.empty()),
            pass(flow(2, 1, formats, "jsonFlow", false, 6), 8, Optional.empty(), null),
            result(
                flow(3, 1, formats, "customFormatFlow", false, 6),
                Verdict.FAIL,
                "output does not match the flow's outputSchema: $.name: required property"
                    + " 'name' not found",
                1,
                10,
                OptionalLong.empty(),
                0),
            TestResult.skipped(
                flow(4, 1, formats, "uploadFlow", false, 6),
                "cannot synthesise an input: $.file: contentEncoding base64 is not supported"),
            TestResult.skipped(
                flow(5, 2, genai, "(start)", false, 9),
                "GEMINI_API_KEY not set (Google AI Studio: https://aistudio.google.com/apikey)"),
            result(
                flow(6, 3, ollama, "(start)", false, 12),
                Verdict.ERROR,
                "no flows listed within 30 s\nsee .jgenkit/samples/provider-ollama-hello.log",
                1,
                30_000,
                OptionalLong.empty(),
                0),
            pass(flow(7, 4, echo, "echoFlow", false, 1), 3, Optional.empty(), null));
    RuntimeInfo placeholder =
        new RuntimeInfo(
            "",
            Optional.empty(),
            List.of(),
            OptionalLong.empty(),
            Optional.empty(),
            Optional.empty());
    return new RunResult(
        "jgenkit",
        "0.1.0-test",
        List.of(PLAN.toString()),
        placeholder,
        STARTED,
        FINISHED,
        results,
        false,
        RunResult.SAMPLE_FLOWS,
        List.of(interrupts, formats, genai, ollama, echo));
  }

  /** A sample-flows run with the given samples and results, and the fixed instants. */
  static RunResult sampleFlows(List<SampleInfo> samples, List<TestResult> results) {
    RunResult base = sampleFlows();
    return new RunResult(
        base.tool(),
        base.toolVersion(),
        base.specFiles(),
        base.runtime(),
        STARTED,
        FINISHED,
        results,
        false,
        RunResult.SAMPLE_FLOWS,
        samples);
  }

  /** A started, planned sample without required variables. */
  static SampleInfo sample(
      String name,
      int phase,
      String title,
      List<String> features,
      List<String> requiredEnv,
      RuntimeInfo runtime) {
    return new SampleInfo(
        name,
        OptionalInt.of(phase),
        title,
        features,
        requiredEnv,
        List.of(),
        Optional.of("samples/" + name),
        Optional.ofNullable(runtime));
  }

  /** A runtime jgenkit started for a sample on {@code port}. */
  static RuntimeInfo runtime(int port, long pid) {
    return new RuntimeInfo(
        "http://127.0.0.1:" + port,
        Optional.of("1.21.0"),
        List.of("npx", "tsx", "src/index.ts"),
        OptionalLong.of(pid),
        Optional.of(pid + "-" + port),
        Optional.of(".jgenkit/samples/runtime-" + pid + ".log"));
  }

  /** One flow of {@code sample}, the {@code index}-th test of the run. */
  static PlannedTest flow(
      int index, int suiteIndex, SampleInfo sample, String name, boolean stream, int line) {
    ObjectNode input = JSON.objectNode();
    input.put("data", "hello");
    Optional<JsonNode> schema =
        name.equals("customFormatFlow")
            ? Optional.of(JSON.objectNode().put("type", "object"))
            : Optional.empty();
    return new PlannedTest(
        index,
        suiteIndex,
        sample.name(),
        "/flow/" + name,
        name,
        Optional.empty(),
        input,
        List.of(),
        stream,
        Optional.empty(),
        Optional.empty(),
        new Location(PLAN, line, 7),
        PlannedTest.Kind.SAMPLE_FLOW,
        sample.phase(),
        schema);
  }

  static PlannedTest planned(
      int index,
      int suiteIndex,
      String model,
      String name,
      String capability,
      boolean stream,
      int line,
      int column) {
    ObjectNode input = JSON.objectNode();
    input.putArray("messages").addObject().put("role", "user");
    String key = model.startsWith("/") ? model : "/model/" + model;
    return new PlannedTest(
        index,
        suiteIndex,
        model,
        key,
        name,
        Optional.ofNullable(capability),
        input,
        capability == null ? List.of("text-not-empty") : List.of("has-tool-request:weather"),
        stream,
        Optional.empty(),
        Optional.empty(),
        new Location(SPEC, line, column));
  }

  static TestResult result(
      PlannedTest test,
      Verdict verdict,
      String reason,
      int attempts,
      long millis,
      OptionalLong ttfc,
      int chunks) {
    return new TestResult(
        test,
        verdict,
        reason,
        attempts,
        millis,
        ttfc,
        chunks,
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  /** A model response with one text part and one media part. */
  static ObjectNode response(String text, String mediaUrl) {
    ObjectNode response = JSON.objectNode();
    ObjectNode message = response.putObject("message").put("role", "model");
    message.putArray("content").addObject().put("text", text);
    message.withArray("content").addObject().putObject("media").put("url", mediaUrl);
    response.put("finishReason", "stop");
    return response;
  }

  static TestResult withResponse(TestResult r, JsonNode response) {
    return new TestResult(r.test(), r.verdict(), r.reason(), r.attempts(), r.durationMillis(),
        r.timeToFirstChunkMillis(), r.chunkCount(), r.traceId(), r.usage(), r.finishReason(),
        Optional.of(response));
  }

  static TestResult pass(
      PlannedTest test, long millis, Optional<ObjectNode> usage, String traceId) {
    return new TestResult(
        test,
        Verdict.PASS,
        "",
        1,
        millis,
        OptionalLong.empty(),
        0,
        Optional.ofNullable(traceId),
        usage.<JsonNode>map(u -> u),
        usage.isPresent() ? Optional.of("stop") : Optional.empty());
  }

  private static PlannedTest declaredUnsupported(PlannedTest t, String what) {
    return new PlannedTest(
        t.index(),
        t.suiteIndex(),
        t.model(),
        t.modelKey(),
        t.name(),
        t.capability(),
        t.input(),
        t.validators(),
        t.stream(),
        t.skipReason(),
        Optional.of(what),
        t.location());
  }

  private static ObjectNode usage(int in, int out) {
    ObjectNode usage = JSON.objectNode();
    usage.put("inputTokens", in);
    usage.put("outputTokens", out);
    usage.put("totalTokens", in + out);
    return usage;
  }
}
