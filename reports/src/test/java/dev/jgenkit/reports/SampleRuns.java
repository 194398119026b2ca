package dev.jgenkit.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jgenkit.runners.plan.PlannedTest;
import dev.jgenkit.runners.results.RunResult;
import dev.jgenkit.runners.results.RuntimeInfo;
import dev.jgenkit.runners.results.TestResult;
import dev.jgenkit.runners.results.Verdict;
import dev.jgenkit.specs.Location;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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
            result(
                planned(
                    1, 0, good, "Structured Output Conformance", "structured-output", false, 3, 5),
                Verdict.FAIL,
                "Response text is not valid JSON. Text: {\"name\"",
                1,
                8,
                OptionalLong.empty(),
                0),
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
