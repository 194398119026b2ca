package dev.jgenkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jgenkit.cli.FakeRuntime.Reply;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Exit 0: every test passed, or passed and was skipped under {@code --supports auto}. */
class TestModelPassesTest {
  @TempDir Path dir;
  @TempDir Path reports;

  private FakeRuntime fake;
  private Cli cli;

  @BeforeEach
  void start() throws Exception {
    fake = FakeRuntime.start();
    cli = Cli.in(dir);
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void specWhoseTestsAllPassExitsZeroAndWritesBothReports() throws Exception {
    // given a suite with one built-in and one custom test the fake model passes
    cli.write(
        "spec.yaml",
        """
        - model: fake/good
          supports: [multiturn]
          tests:
            - name: Says hello
              input:
                messages:
                  - role: user
                    content:
                      - text: Say hello to Genkit.
              validators:
                - text-includes:hello genkit
        """);

    // when
    Cli.Result r =
        cli.run(
            "test-model", "--from-file", "spec.yaml", "--runtime-url", fake.url(),
            "--report-dir", reports.toString());

    // then
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out())
        .contains("fake/good")
        .containsPattern("✓ Multiturn Conformance +\\d")
        .containsPattern("✓ Says hello +\\d")
        .contains("2 passed, 0 failed, 0 errors, 0 skipped in ")
        .contains("Runtime: " + fake.url() + ", Genkit version unknown, attached")
        .contains("Reports: " + reports.resolve("results.json") + ", " + reports.resolve("junit.xml"));
    assertThat(fake.runActionCalls())
        .extracting(FakeRuntime.ActionCall::key)
        .containsExactly(FakeRuntime.GOOD_KEY, FakeRuntime.GOOD_KEY);

    JsonNode json = Cli.resultsJson(reports);
    assertThat(json.path("tool").asText()).isEqualTo("jgenkit");
    assertThat(json.path("specFiles").get(0).asText()).isEqualTo(dir.resolve("spec.yaml").toString());
    assertThat(json.path("runtime").path("url").asText()).isEqualTo(fake.url());
    assertThat(json.path("runtime").path("attached").asBoolean()).isTrue();
    assertThat(json.path("summary").toString())
        .isEqualTo("{\"total\":2,\"passed\":2,\"failed\":0,\"errored\":0,\"skipped\":0}");
    assertThat(names(json)).containsExactly("Multiturn Conformance", "Says hello");
    assertThat(field(json, "verdict")).containsExactly("PASS", "PASS");
    assertThat(field(json, "kind")).containsExactly("builtin", "custom");
    assertThat(field(json, "finishReason")).containsExactly("stop", "stop");
    assertThat(json.path("tests").get(1).path("location").asText())
        .matches(".*spec\\.yaml:\\d+:\\d+");

    Document xml = junit(reports);
    Element suites = xml.getDocumentElement();
    assertThat(suites.getTagName()).isEqualTo("testsuites");
    assertThat(suites.getAttribute("tests")).isEqualTo("2");
    assertThat(suites.getAttribute("failures")).isEqualTo("0");
    assertThat(suites.getAttribute("errors")).isEqualTo("0");
    assertThat(xml.getElementsByTagName("testcase").getLength()).isEqualTo(2);
    assertThat(xml.getElementsByTagName("failure").getLength()).isZero();
  }

  @Test
  void supportsAutoSkipsWhatTheMetadataDeclaresUnsupportedAndStillExitsZero() throws Exception {
    // given a model whose metadata says multiturn and system role only, text output only

    // when
    Cli.Result r =
        cli.run(
            "test-model", "fake/good", "--supports", "auto", "--runtime-url", fake.url(),
            "--report-dir", reports.toString());

    // then the three supported built-ins ran and passed, the nine others are SKIP
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out())
        .containsPattern("✓ Multiturn Conformance +\\d")
        .containsPattern("✓ Multiturn Conformance with streaming +\\d")
        .containsPattern("✓ System Role Conformance +\\d")
        .containsPattern("○ Tool Request Conformance +skipped: model metadata declares supports.tools: false")
        .containsPattern("○ Image Input \\(URL\\) Conformance +skipped: model metadata declares supports.media: false")
        .contains("3 passed, 0 failed, 0 errors, 9 skipped");
    assertThat(r.out().lines().filter(l -> l.startsWith("  ○ "))).hasSize(9);

    JsonNode json = Cli.resultsJson(reports);
    assertThat(json.path("summary").path("skipped").asInt()).isEqualTo(9);
    assertThat(json.path("summary").path("passed").asInt()).isEqualTo(3);
    JsonNode toolRequest = test(json, "Tool Request Conformance");
    assertThat(toolRequest.path("verdict").asText()).isEqualTo("SKIP");
    assertThat(toolRequest.path("reason").asText()).contains("supports.tools: false");
    JsonNode structured = test(json, "Structured Output Conformance");
    assertThat(structured.path("verdict").asText()).isEqualTo("SKIP");
    assertThat(structured.path("reason").asText()).contains("supports.output").contains("json");
    assertThat(test(json, "Audio Output (TTS) Conformance").path("reason").asText())
        .contains("supports.contentType");
    assertThat(test(json, "System Role Conformance").path("verdict").asText()).isEqualTo("PASS");

    // only the three supported tests reached the runtime; streaming went through ?stream=true
    assertThat(fake.runActionCalls()).hasSize(3);
    assertThat(fake.runActionCalls()).filteredOn(FakeRuntime.ActionCall::stream).hasSize(1);
    assertThat(xmlSkippedCount()).isEqualTo(9);
  }

  @Test
  void attachesToTheRuntimeFoundInTheProjectsRuntimeDirectory() throws Exception {
    // given a runtime file like the JS runtime writes, pointing at the fake (no --runtime-url)
    cli.write(
        ".genkit/runtimes/123-456.json",
        "{\"id\":\"123\",\"pid\":" + ProcessHandle.current().pid() + ",\"reflectionServerUrl\":\""
            + fake.url() + "\",\"timestamp\":\"2025-01-01T00:00:00.000Z\",\"genkitVersion\":\"1.21.0\"}");

    // when
    Cli.Result r = cli.run("test-model", "fake/good", "--supports", "multiturn", "--report-dir", reports.toString());

    // then
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).contains("Runtime: " + fake.url() + ", Genkit 1.21.0, attached");
    assertThat(fake.requestLines()).contains("GET /api/__health?id=123");
    JsonNode json = Cli.resultsJson(reports);
    assertThat(json.path("runtime").path("runtimeId").asText()).isEqualTo("123");
  }

  @Test
  void severalSpecFilesRunTheirSuitesInCommandLineOrder() throws Exception {
    // given
    cli.write("a.yaml", "- model: fake/good\n  supports: [system-role]\n");
    cli.write("specs/b.json", "{\"model\":\"fake/good\",\"supports\":[\"multiturn\"]}");

    // when
    Cli.Result r =
        cli.run("test-model", "--from-file", "specs/b.json", "--from-file", "a.yaml",
            "--runtime-url", fake.url(), "--report-dir", reports.toString());

    // then
    assertThat(r.exitCode()).as(r.toString()).isZero();
    JsonNode json = Cli.resultsJson(reports);
    assertThat(names(json)).containsExactly("Multiturn Conformance", "System Role Conformance");
    assertThat(field(json, "suiteIndex")).containsExactly("0", "1");
    assertThat(json.path("specFiles").toString())
        .isEqualTo(FakeRuntime.MAPPER.writeValueAsString(
            List.of(dir.resolve("specs/b.json").toString(), dir.resolve("a.yaml").toString())));
    assertThat(junit(reports).getElementsByTagName("testsuite").getLength()).isEqualTo(2);
  }

  @Test
  void genkitVersionOfAnAttachedUrlComesFromTheResponseHeader() throws Exception {
    // given a runtime that announces its version on every action response
    fake.respond(
        call -> Reply.answer(call, FakeRuntime.DEFAULT_ANSWER).withHeader("X-Genkit-Version", "1.21.0"));

    // when
    Cli.Result r =
        cli.run("test-model", "fake/good", "--supports", "multiturn", "--runtime-url", fake.url(),
            "--report-dir", reports.toString());

    // then
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).contains("Runtime: " + fake.url() + ", Genkit 1.21.0, attached");
    assertThat(Cli.resultsJson(reports).path("runtime").path("genkitVersion").asText())
        .isEqualTo("1.21.0");
  }

  private int xmlSkippedCount() throws Exception {
    return junit(reports).getElementsByTagName("skipped").getLength();
  }

  static Document junit(Path reportDir) throws Exception {
    return DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(reportDir.resolve("junit.xml").toFile());
  }

  static List<String> names(JsonNode results) {
    return field(results, "name");
  }

  static List<String> field(JsonNode results, String name) {
    List<String> out = new ArrayList<>();
    results.path("tests").forEach(t -> out.add(t.path(name).asText()));
    return out;
  }

  static JsonNode test(JsonNode results, String name) {
    for (JsonNode t : results.path("tests")) {
      if (t.path("name").asText().equals(name)) {
        return t;
      }
    }
    throw new AssertionError("no test named " + name + " in " + results);
  }

  static List<Element> elements(NodeList list) {
    List<Element> out = new ArrayList<>();
    for (int i = 0; i < list.getLength(); i++) {
      out.add((Element) list.item(i));
    }
    return out;
  }
}
