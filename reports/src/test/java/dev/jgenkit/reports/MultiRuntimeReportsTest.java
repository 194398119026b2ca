package dev.jgenkit.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jgenkit.runners.results.RunResult;
import dev.jgenkit.runners.results.RuntimeInfo;
import dev.jgenkit.runners.results.Verdict;
import dev.jgenkit.runners.validate.SchemaCheck;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The views of a run over named runtimes (jgenkit.yaml, conform), and merging and diffing them. */
class MultiRuntimeReportsTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void resultsJsonMatchesTheGoldenFileAndItsSchema() throws Exception {
    // given
    String json = ResultsJson.writeString(MultiRuntimeRuns.namedRuntimes());

    // when
    JsonNode doc = MAPPER.readTree(json);

    // then
    Golden.assertMatches("results-multi-runtime.json", json);
    assertThat(SchemaCheck.errors(schema(), doc)).isEmpty();
  }

  @Test
  void eachCheckNamesItsRuntimeAndTheRunListsEveryRuntime() throws Exception {
    // when
    JsonNode doc = MAPPER.readTree(ResultsJson.write(MultiRuntimeRuns.namedRuntimes()));

    // then
    assertThat(doc.get("schemaVersion").asInt()).isEqualTo(2);
    assertThat(doc.get("runtime").isNull()).isTrue();
    assertThat(doc.get("runtimes").findValuesAsText("name")).containsExactly("a", "b");
    assertThat(doc.get("runtimes").findValuesAsText("genkitVersion"))
        .containsExactly("1.21.0", "1.22.0");
    assertThat(doc.get("tests").get(0).get("runtime").asText()).isEqualTo("a");
    assertThat(doc.get("tests").get(doc.get("tests").size() - 1).get("runtime").asText())
        .isEqualTo("b");
  }

  @Test
  void aPlainRunKeepsOneUnnamedRuntime() throws Exception {
    // when
    JsonNode doc = MAPPER.readTree(ResultsJson.write(SampleRuns.full()));

    // then
    assertThat(doc.get("runtime").get("url").asText()).isEqualTo("http://127.0.0.1:3100");
    assertThat(doc.get("runtimes")).hasSize(1);
    assertThat(doc.get("runtimes").get(0).get("name").isNull()).isTrue();
    assertThat(doc.get("tests").get(0).get("runtime").isNull()).isTrue();
  }

  @Test
  void readsBackToTheSameDocument() throws Exception {
    // given
    Path f = dir.resolve("results.json");
    String written = ResultsJson.writeString(MultiRuntimeRuns.namedRuntimes());
    Files.writeString(f, written);

    // when
    RunResult read = ResultsJsonReader.read(f);

    // then
    assertThat(ResultsJson.writeString(read)).isEqualTo(written);
    assertThat(read.runtimeOf(read.results().get(0)).genkitVersion()).contains("1.21.0");
  }

  @Test
  void stillReadsVersionOneDocuments() throws Exception {
    // given: a results.json as jgenkit wrote it before runtimes had names
    Path v1 = dir.resolve("v1.json");
    try (InputStream in = getClass().getResourceAsStream("/results-v1.json")) {
      Files.write(v1, in.readAllBytes());
    }

    // when
    RunResult read = ResultsJsonReader.read(v1);

    // then: the same run as today's writer describes it
    assertThat(MAPPER.readTree(v1.toFile()).get("schemaVersion").asInt()).isEqualTo(1);
    assertThat(ResultsJson.writeString(read)).isEqualTo(ResultsJson.writeString(SampleRuns.full()));
    assertThat(read.multiRuntime()).isFalse();
  }

  @Test
  void theMatrixHasAColumnPerRuntimeAndModelFromEachChecksRuntime() {
    // when
    ParityMatrix m = ParityMatrix.of(List.of(MultiRuntimeRuns.namedRuntimes())).get(0);

    // then
    assertThat(m.columns())
        .extracting(c -> c.model() + " @ " + c.runtime())
        .containsExactly(
            "reference/good @ a",
            "reference/good @ b",
            "/model/other/echo @ a",
            "googleai/gemini-2.5-flash @ b");
    assertThat(m.multiRuntime()).isTrue();
  }

  @Test
  void markdownAndHtmlLabelColumnsWithRuntimeNames() throws Exception {
    // when
    String md = MarkdownReport.render(List.of(MultiRuntimeRuns.namedRuntimes()));
    String html = HtmlReport.render(List.of(MultiRuntimeRuns.namedRuntimes()));

    // then
    Golden.assertMatches("report-multi-runtime.md", md);
    assertThat(md)
        .contains("| Capability / test | reference/good<br>a | reference/good<br>b |")
        .contains("a (Genkit 1.21.0, http://127.0.0.1:3100, started), b (Genkit 1.22.0,");
    assertThat(html).contains("data-runtime=\"a\"").contains("data-runtime=\"b\"");
  }

  @Test
  void junitHasOneSuitePerRuntimeAndModelWithRuntimeProperties() throws Exception {
    // given
    String xml = JUnitXml.write(MultiRuntimeRuns.namedRuntimes());
    URL xsd = JUnitXmlTest.class.getResource("junit-10.xsd");

    // when
    SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    factory.newSchema(xsd).newValidator().validate(new StreamSource(new StringReader(xml)));

    // then
    Golden.assertMatches("junit-multi-runtime.xml", xml);
    assertThat(xml)
        .contains("<testsuite name=\"reference/good @ a\"")
        .contains("<testsuite name=\"reference/good @ b\"")
        .contains("<testsuite name=\"googleai/gemini-2.5-flash @ b\"")
        .contains("<property name=\"jgenkit.runtime\" value=\"b\"/>")
        .contains("<property name=\"genkit.version\" value=\"1.22.0\"/>")
        .contains("<property name=\"genkit.model\" value=\"reference/good\"/>");
  }

  @Test
  void consoleNamesTheRuntimeOnEachModelAndListsEveryRuntime() throws Exception {
    // when
    String text = ConsoleReport.render(MultiRuntimeRuns.namedRuntimes(), new ConsoleStyle(false, true));

    // then
    Golden.assertMatches("console-multi-runtime.txt", text);
    assertThat(text).contains("reference/good @ a\n").contains("reference/good @ b\n");
    assertThat(text).contains("Runtime a: http://127.0.0.1:3100, Genkit 1.21.0")
        .contains("Runtime b: http://127.0.0.1:3200, Genkit 1.22.0");
  }

  @Test
  void mergeJoinsRunsOfDifferentNamedRuntimesIntoOneMatrix() throws Exception {
    // given
    List<RunResult> runs = MultiRuntimeRuns.twoRuntimes();

    // when
    RunResult merged =
        ReportMerge.merge(
            List.of(MultiRuntimeRuns.named(runs.get(0), "a"), MultiRuntimeRuns.named(runs.get(1), "b")));

    // then
    assertThat(ResultsJson.writeString(merged))
        .isEqualTo(ResultsJson.writeString(MultiRuntimeRuns.namedRuntimes()));
  }

  @Test
  void mergeRefusesOneNameOnTwoGenkitVersionsAndAMixOfNamedAndUnnamed() {
    // given
    List<RunResult> runs = MultiRuntimeRuns.twoRuntimes();
    RunResult aOld = MultiRuntimeRuns.named(runs.get(0), "a");
    RunResult aNew = MultiRuntimeRuns.named(runs.get(1), "a");

    // when / then
    assertThatThrownBy(() -> ReportMerge.merge(List.of(aOld, aNew)))
        .hasMessageContaining("runtime 'a' is Genkit 1.21.0 in one run and Genkit 1.22.0 in another");
    assertThatThrownBy(() -> ReportMerge.merge(List.of(aOld, runs.get(1))))
        .hasMessageContaining("others on an unnamed one");
    assertThatThrownBy(() -> ReportMerge.merge(runs))
        .hasMessageContaining("name the runtimes in a jgenkit.yaml");
  }

  @Test
  void mergeJoinsShardsOfOneNamedRuntime() throws Exception {
    // given
    RunResult a = MultiRuntimeRuns.named(SampleRuns.full(), "a");

    // when
    RunResult merged = ReportMerge.merge(List.of(a, a));

    // then
    assertThat(merged.runtimes()).extracting(r -> r.name().orElseThrow()).containsExactly("a");
    assertThat(merged.results()).hasSize(2 * a.results().size());
  }

  @Test
  void diffMatchesChecksByRuntimeModelAndName() {
    // given: b's good model regressed on tool requests; a is unchanged
    RunResult baseline = MultiRuntimeRuns.namedRuntimes();
    RunResult bothPass =
        RunResult.join(
            List.of(
                MultiRuntimeRuns.named(SampleRuns.full(), "a"),
                MultiRuntimeRuns.named(SampleRuns.full(), "b")));

    // when
    ReportDiff diff = ReportDiff.of(bothPass, baseline, 1.5, 1_000);

    // then: the same test on the same model differs per runtime
    assertThat(diff.of(ReportDiff.Kind.NEW_FAILURE))
        .extracting(ReportDiff.Change::key)
        .contains("test-model b › reference/good › Tool Request Conformance")
        .noneMatch(k -> k.startsWith("test-model a › reference/good › Tool Request"));
    assertThat(diff.render()).contains("b › reference/good › Tool Request Conformance");
  }

  @Test
  void aRuntimeThatWasNeverReachedSaysSo() {
    // given
    RuntimeInfo rt =
        new RuntimeInfo("", Optional.empty(), List.of("node", "app.js"), java.util.OptionalLong.empty(),
            Optional.empty(), Optional.empty(), Optional.of("js"));

    // then
    assertThat(ConsoleReport.runtimeLine(rt)).isEqualTo("Runtime js: not reached (node app.js)");
    assertThat(ParityMatrix.describe(rt)).isEqualTo("js (not reached)");
    assertThat(Verdict.SKIP.failed()).isFalse();
  }

  private static JsonNode schema() throws Exception {
    try (InputStream in = ResultsJson.class.getResourceAsStream(ResultsJson.SCHEMA_RESOURCE)) {
      return MAPPER.readTree(in);
    }
  }
}
