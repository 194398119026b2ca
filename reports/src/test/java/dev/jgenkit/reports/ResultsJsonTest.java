package dev.jgenkit.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.jgenkit.runners.results.RunResult;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ResultsJsonTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static JsonSchema schema;

  @BeforeAll
  static void loadSchema() throws Exception {
    try (InputStream in = ResultsJson.class.getResourceAsStream(ResultsJson.SCHEMA_RESOURCE)) {
      assertThat(in).as("schema resource").isNotNull();
      schema =
          JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
              .getSchema(MAPPER.readTree(in));
    }
  }

  @Test
  void matchesTheGoldenFile() throws Exception {
    // given
    RunResult run = SampleRuns.full();

    // when
    String json = ResultsJson.writeString(run);

    // then
    Golden.assertMatches("results.json", json);
  }

  @Test
  void generatedDocumentsValidateAgainstTheSchema() throws Exception {
    for (RunResult run :
        List.of(SampleRuns.full(), SampleRuns.emptyAttached(), SampleRuns.sampleFlows())) {
      // given
      JsonNode doc = MAPPER.readTree(ResultsJson.write(run));

      // when
      Set<ValidationMessage> errors = schema.validate(doc);

      // then
      assertThat(errors).isEmpty();
    }
  }

  @Test
  void schemaRejectsUnknownFieldsAndWrongShapes() throws Exception {
    // given: the validator can fail (a negative control for the test above)
    ObjectNode extraTop = (ObjectNode) MAPPER.readTree(ResultsJson.write(SampleRuns.full()));
    extraTop.put("surprise", true);
    ObjectNode badTest = (ObjectNode) MAPPER.readTree(ResultsJson.write(SampleRuns.full()));
    ((ObjectNode) badTest.get("tests").get(0)).put("verdict", "MAYBE");
    ObjectNode customWithCapability =
        (ObjectNode) MAPPER.readTree(ResultsJson.write(SampleRuns.full()));
    ((ObjectNode) customWithCapability.get("tests").get(4)).put("capability", "tool-request");

    // when / then
    assertThat(schema.validate(extraTop)).isNotEmpty();
    assertThat(schema.validate(badTest)).isNotEmpty();
    assertThat(schema.validate(customWithCapability)).isNotEmpty();
  }

  @Test
  void topLevelFieldsComeInAStableOrder() throws Exception {
    // given
    JsonNode doc = MAPPER.readTree(ResultsJson.write(SampleRuns.full()));

    // when
    List<String> top = fieldNames(doc);
    List<String> test = fieldNames(doc.get("tests").get(0));

    // then
    assertThat(top)
        .containsExactly(
            "schemaVersion",
            "tool",
            "toolVersion",
            "command",
            "startedAt",
            "finishedAt",
            "durationMillis",
            "interrupted",
            "specFiles",
            "runtime",
            "runtimes",
            "summary",
            "samples",
            "phases",
            "featureCoverage",
            "tests");
    assertThat(test)
        .containsExactly(
            "index",
            "suiteIndex",
            "runtime",
            "model",
            "modelKey",
            "name",
            "capability",
            "kind",
            "phase",
            "stream",
            "validators",
            "verdict",
            "reason",
            "attempts",
            "durationMillis",
            "timeToFirstChunkMillis",
            "chunkCount",
            "traceId",
            "usage",
            "finishReason",
            "location",
            "declaredUnsupported");
  }

  @Test
  void summarisesVerdictsAndRunTiming() throws Exception {
    // given
    JsonNode doc = MAPPER.readTree(ResultsJson.write(SampleRuns.full()));

    // when
    JsonNode summary = doc.get("summary");

    // then
    assertThat(doc.get("schemaVersion").asInt()).isEqualTo(2);
    assertThat(doc.get("startedAt").asText()).isEqualTo("2025-06-01T10:00:00Z");
    assertThat(doc.get("finishedAt").asText()).isEqualTo("2025-06-01T10:02:04.250Z");
    assertThat(doc.get("durationMillis").asLong()).isEqualTo(124_250);
    assertThat(summary.toString())
        .isEqualTo("{\"total\":8,\"passed\":3,\"failed\":2,\"errored\":2,\"skipped\":1}");
  }

  @Test
  void writesTestsInPlanOrderWithNullsForAbsentValues() throws Exception {
    // given
    JsonNode tests = MAPPER.readTree(ResultsJson.write(SampleRuns.full())).get("tests");

    // when
    JsonNode custom = tests.get(4);
    JsonNode stream = tests.get(2);

    // then
    assertThat(tests).hasSize(8);
    for (int i = 0; i < tests.size(); i++) {
      assertThat(tests.get(i).get("index").asInt()).isEqualTo(i);
    }
    assertThat(custom.get("kind").asText()).isEqualTo("custom");
    assertThat(custom.get("capability").isNull()).isTrue();
    assertThat(custom.get("timeToFirstChunkMillis").isNull()).isTrue();
    assertThat(custom.get("usage").isNull()).isTrue();
    assertThat(custom.get("location").asText()).isEqualTo("specs/reference.yaml:12:7");
    assertThat(stream.get("timeToFirstChunkMillis").asLong()).isEqualTo(85);
    assertThat(stream.get("chunkCount").asInt()).isEqualTo(7);
    assertThat(stream.get("usage").get("totalTokens").asInt()).isEqualTo(162);
  }

  @Test
  void reasonsAreRedactedButOtherwiseKeptWhole() throws Exception {
    // given
    JsonNode tests = MAPPER.readTree(ResultsJson.write(SampleRuns.full())).get("tests");

    // when
    String reason = tests.get(5).get("reason").asText();

    // then
    assertThat(reason)
        .startsWith("Expected <toolRequest> & \"name\" got 'none'\u0001\u001b[31m red\nsecond line")
        .contains("data:image/png;base64,iVBORw0KGgoAAAAN…(150 bytes)")
        .doesNotContain(SampleRuns.LONG_BASE64)
        .endsWith("\r\nthird line \uFFFF end");
  }

  @Test
  void isTwoSpacePrettyPrintedUtf8EndingWithANewline() {
    // given
    byte[] bytes = ResultsJson.write(SampleRuns.emptyAttached());

    // when
    String text = new String(bytes, StandardCharsets.UTF_8);

    // then
    assertThat(text).startsWith("{\n  \"schemaVersion\": 2,\n  \"tool\": \"jgenkit\",");
    assertThat(text).contains("\"specFiles\": [],").contains("\"command\": [],");
    assertThat(text).contains("\"tests\": []\n}\n").endsWith("}\n");
  }

  @Test
  void testModelRunsSayTheirCommandAndHaveNoSamples() throws Exception {
    // given
    JsonNode doc = MAPPER.readTree(ResultsJson.write(SampleRuns.full()));

    // when
    JsonNode coverage = doc.get("featureCoverage");

    // then
    assertThat(doc.get("command").asText()).isEqualTo("test-model");
    assertThat(doc.get("runtime").get("url").asText()).isEqualTo("http://127.0.0.1:3100");
    assertThat(doc.get("samples")).isEmpty();
    assertThat(doc.get("phases")).isEmpty();
    assertThat(coverage.toString()).isEqualTo("{\"features\":[],\"phases\":[],\"cells\":[]}");
    assertThat(doc.get("tests").get(0).get("phase").isNull()).isTrue();
  }

  @Test
  void sampleFlowsRunMatchesTheGoldenFile() throws Exception {
    Golden.assertMatches(
        "results-sample-flows.json", ResultsJson.writeString(SampleRuns.sampleFlows()));
  }

  @Test
  void sampleFlowsRunListsSamplesWithTheirOwnRuntimes() throws Exception {
    // given
    JsonNode doc = MAPPER.readTree(ResultsJson.write(SampleRuns.sampleFlows()));

    // when
    JsonNode samples = doc.get("samples");

    // then
    assertThat(doc.get("command").asText()).isEqualTo("sample-flows");
    assertThat(doc.get("runtime").isNull()).isTrue();
    assertThat(samples).hasSize(5);
    assertThat(samples.get(0).get("name").asText()).isEqualTo("framework-tool-interrupts");
    assertThat(samples.get(0).get("phase").asInt()).isEqualTo(1);
    assertThat(samples.get(0).get("runtime").get("url").asText())
        .isEqualTo("http://127.0.0.1:3101");
    assertThat(samples.get(2).get("runtime").isNull()).isTrue();
    assertThat(samples.get(2).get("missingEnv").toString()).isEqualTo("[\"GEMINI_API_KEY\"]");
    assertThat(samples.get(4).get("phase").isNull()).isTrue();
  }

  @Test
  void sampleFlowsRunCarriesThePhaseTable() throws Exception {
    // given
    JsonNode phases = MAPPER.readTree(ResultsJson.write(SampleRuns.sampleFlows())).get("phases");

    // when
    JsonNode core = phases.get(0);
    JsonNode unplanned = phases.get(3);

    // then
    assertThat(phases).hasSize(4);
    assertThat(core.get("phase").asInt()).isEqualTo(1);
    assertThat(core.get("title").asText()).isEqualTo("Core Framework");
    assertThat(core.get("status").asText()).isEqualTo("FAIL");
    assertThat(core.get("samples").get(1).toString())
        .isEqualTo(
            "{\"name\":\"framework-format-demo\",\"status\":\"FAIL\",\"passed\":1,"
                + "\"failed\":1,\"errored\":0,\"skipped\":1}");
    assertThat(phases.get(1).get("status").asText()).isEqualTo("SKIP");
    assertThat(phases.get(2).get("samples").get(0).get("errored").asInt()).isEqualTo(1);
    assertThat(unplanned.get("phase").isNull()).isTrue();
    assertThat(unplanned.get("samples").get(0).get("name").asText()).isEqualTo("local-echo");
  }

  @Test
  void sampleFlowsRunCarriesTheFeatureCoverageAsParallelArrays() throws Exception {
    // given
    JsonNode coverage =
        MAPPER.readTree(ResultsJson.write(SampleRuns.sampleFlows())).get("featureCoverage");

    // when
    JsonNode features = coverage.get("features");
    JsonNode streaming = coverage.get("cells").get(2);

    // then
    assertThat(features.get(2).asText()).isEqualTo("Streaming");
    assertThat(coverage.get("phases").toString()).isEqualTo("[1,2,3]");
    assertThat(coverage.get("cells")).hasSize(features.size());
    assertThat(streaming.toString()).isEqualTo("[\"fail\",\"skip\",\"fail\"]");
  }

  @Test
  void sampleFlowTestsHaveTheirKindAndPhase() throws Exception {
    // given
    JsonNode tests = MAPPER.readTree(ResultsJson.write(SampleRuns.sampleFlows())).get("tests");

    // when
    JsonNode flow = tests.get(0);
    JsonNode unplanned = tests.get(7);

    // then
    assertThat(flow.get("kind").asText()).isEqualTo("sample-flow");
    assertThat(flow.get("phase").asInt()).isEqualTo(1);
    assertThat(flow.get("model").asText()).isEqualTo("framework-tool-interrupts");
    assertThat(flow.get("modelKey").asText()).isEqualTo("/flow/interruptFlow");
    assertThat(flow.get("capability").isNull()).isTrue();
    assertThat(unplanned.get("phase").isNull()).isTrue();
  }

  @Test
  void schemaKeepsTheTwoCommandsApart() throws Exception {
    // given: negative controls for the sample-flows parts of the schema
    ObjectNode withRuntime = sampleFlowsDoc();
    withRuntime.set(
        "runtime", MAPPER.readTree(ResultsJson.write(SampleRuns.full())).get("runtime"));
    ObjectNode modelTestInSampleRun = sampleFlowsDoc();
    ((ObjectNode) modelTestInSampleRun.get("tests").get(0)).put("kind", "custom");
    ObjectNode badCell = sampleFlowsDoc();
    ((ArrayNode) badCell.get("featureCoverage").get("cells").get(0))
        .set(0, MAPPER.getNodeFactory().textNode("maybe"));
    ObjectNode extraPhaseField = sampleFlowsDoc();
    ((ObjectNode) extraPhaseField.get("phases").get(0)).put("surprise", 1);
    ObjectNode sampleFlowInModelRun =
        (ObjectNode) MAPPER.readTree(ResultsJson.write(SampleRuns.full()));
    ((ObjectNode) sampleFlowInModelRun.get("tests").get(4)).put("kind", "sample-flow");
    ObjectNode modelRunWithoutRuntime =
        (ObjectNode) MAPPER.readTree(ResultsJson.write(SampleRuns.full()));
    modelRunWithoutRuntime.putNull("runtime");
    ObjectNode unknownCommand = sampleFlowsDoc();
    unknownCommand.put("command", "test-flows");

    // when / then
    assertThat(schema.validate(sampleFlowsDoc())).isEmpty();
    for (ObjectNode bad :
        List.of(
            withRuntime,
            modelTestInSampleRun,
            badCell,
            extraPhaseField,
            sampleFlowInModelRun,
            modelRunWithoutRuntime,
            unknownCommand)) {
      assertThat(schema.validate(bad)).isNotEmpty();
    }
  }

  private static ObjectNode sampleFlowsDoc() throws Exception {
    return (ObjectNode) MAPPER.readTree(ResultsJson.write(SampleRuns.sampleFlows()));
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
