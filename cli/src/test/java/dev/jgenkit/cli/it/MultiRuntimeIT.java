package dev.jgenkit.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Two real Genkit JS runtimes named in a jgenkit.yaml: the reference app started twice, once as it
 * is ({@code fast}) and once with {@code REFERENCE_SLOW_MS=8000} ({@code slow}), so reference/slow
 * passes on one and times out on the other. One run, one matrix, both processes stopped.
 */
class MultiRuntimeIT {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Path REF = JGenkitBinary.referenceDir();

  @TempDir Path tmp;

  @Test
  void theSameSpecsOnTwoRuntimesMakeOneReportWithAColumnPerRuntimeAndModel() throws Exception {
    // given
    Files.writeString(tmp.resolve("spec.yaml"),
        """
        - model: reference/slow
          supports: [multiturn, system-role]
        - model: reference/good
          supports: [multiturn]
        """);
    Files.writeString(tmp.resolve("jgenkit.yaml"),
        "specs: [spec.yaml]\n"
            + "runtimes:\n"
            + "  fast:\n"
            + "    start: [node, index.js]\n"
            + "    cwd: " + REF + "\n"
            + "  slow:\n"
            + "    start: [node, index.js]\n"
            + "    cwd: " + REF + "\n"
            + "    env: {REFERENCE_SLOW_MS: \"8000\"}\n");

    // when
    JGenkitBinary.Run run =
        JGenkitBinary.run(tmp, tmp.resolve("out"),
            List.of("test-model", "--config", "jgenkit.yaml", "--runtime", "fast", "--runtime", "slow",
                "--timeout", "3", "--report-dir", "reports"));

    // then: a check failed (errored), so exit 1
    assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isEqualTo(1);
    JsonNode results = MAPPER.readTree(tmp.resolve("reports/results.json").toFile());
    assertThat(results.get("schemaVersion").asInt()).isEqualTo(2);
    assertThat(results.get("runtime").isNull()).isTrue();
    JsonNode runtimes = results.get("runtimes");
    assertThat(runtimes.findValuesAsText("name")).containsExactly("fast", "slow");
    for (JsonNode rt : runtimes) {
      assertThat(rt.get("genkitVersion").asText()).isEqualTo("nodejs/1.42.0");
      assertThat(rt.get("command").toString()).isEqualTo("[\"node\",\"index.js\"]");
      assertThat(rt.get("logFile").asText()).endsWith("runtimes/" + rt.get("name").asText() + ".log");
    }
    // per-runtime verdicts: reference/slow times out only where it was made slow
    Map<String, String> verdicts = new LinkedHashMap<>();
    for (JsonNode t : results.get("tests")) {
      verdicts.put(t.get("runtime").asText() + " " + t.get("model").asText() + " " + t.get("name").asText(),
          t.get("verdict").asText());
    }
    assertThat(verdicts).containsExactly(
        Map.entry("fast reference/slow Multiturn Conformance", "PASS"),
        Map.entry("fast reference/slow System Role Conformance", "PASS"),
        Map.entry("fast reference/good Multiturn Conformance", "PASS"),
        Map.entry("slow reference/slow Multiturn Conformance", "ERROR"),
        Map.entry("slow reference/slow System Role Conformance", "ERROR"),
        Map.entry("slow reference/good Multiturn Conformance", "PASS"));
    assertThat(results.at("/tests/3/reason").asText()).contains("timed out after 3 s");
    // junit: one testsuite per runtime × model, the runtime as a property
    Document junit = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(tmp.resolve("reports/junit.xml").toFile());
    NodeList suites = junit.getElementsByTagName("testsuite");
    List<String> names = new ArrayList<>();
    for (int i = 0; i < suites.getLength(); i++) {
      names.add(((Element) suites.item(i)).getAttribute("name"));
    }
    assertThat(names).containsExactly("reference/slow @ fast", "reference/good @ fast",
        "reference/slow @ slow", "reference/good @ slow");
    assertThat(((Element) suites.item(2)).getAttribute("errors")).isEqualTo("2");
    assertThat(Files.readString(tmp.resolve("reports/junit.xml")))
        .contains("<property name=\"jgenkit.runtime\" value=\"slow\"/>");
    // the matrix: columns runtime × model, one model's runtimes side by side
    assertThat(Files.readString(tmp.resolve("reports/report.md")))
        .contains("| Capability / test | reference/slow<br>fast | reference/slow<br>slow |"
            + " reference/good<br>fast | reference/good<br>slow |")
        .contains("| `multiturn` | ✅ | 💥");
    // the console names each runtime as it starts, and each model with its runtime
    assertThat(run.stdout()).contains("── runtime fast: starting `node index.js`")
        .contains("── runtime slow: starting `node index.js`")
        .contains("reference/slow @ slow\n");
    // both runtimes (and their runtime files) are gone
    for (JsonNode rt : runtimes) {
      long pid = rt.get("pid").asLong();
      assertGone(pid);
      try (var files = Files.list(REF.resolve(".genkit/runtimes"))) {
        assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(pid + "-"));
      }
    }
  }

  @Test
  void sigtermDuringTheSecondRuntimeStopsItAndKeepsTheFirstRuntimesResults() throws Exception {
    // given: runtime b hangs on reference/hang
    Files.writeString(tmp.resolve("spec.yaml"),
        "- model: reference/good\n  supports: [multiturn]\n");
    Files.writeString(tmp.resolve("hang.yaml"),
        "- model: reference/hang\n  supports: [multiturn]\n");
    Files.writeString(tmp.resolve("jgenkit.yaml"),
        "runtimes:\n"
            + "  a:\n    start: [node, index.js]\n    cwd: " + REF + "\n    specs: [spec.yaml]\n"
            + "  b:\n    start: [node, index.js]\n    cwd: " + REF + "\n    specs: [hang.yaml]\n");
    Process p = JGenkitBinary.start(tmp, tmp.resolve("out"), Map.of(),
        List.of("test-model", "--runtime", "a", "--runtime", "b", "--config", "jgenkit.yaml",
            "--report-dir", "reports"));
    long t0 = System.nanoTime();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!Files.readString(tmp.resolve("out/stdout.txt")).contains("── runtime b")
        || p.descendants().findAny().isEmpty()
        || !Files.exists(tmp.resolve("reports/runtimes/b.log"))
        || !Files.readString(tmp.resolve("reports/runtimes/b.log")).contains("[jgenkit-reference]")) {
      assertThat(System.nanoTime()).as("runtime b did not start").isLessThan(deadline);
      Thread.sleep(100);
    }
    Thread.sleep(1000); // the hanging call is in flight
    List<ProcessHandle> children = p.descendants().toList();

    // when
    p.destroy();

    // then: exit 130, b's process tree is gone, the partial report has a's verdict and b interrupted
    assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
    JGenkitBinary.Run run = JGenkitBinary.finished(p, tmp.resolve("out"), t0);
    assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isEqualTo(130);
    for (ProcessHandle c : children) {
      assertGone(c.pid());
    }
    JsonNode results = MAPPER.readTree(tmp.resolve("reports/results.json").toFile());
    assertThat(results.get("interrupted").asBoolean()).isTrue();
    assertThat(results.get("runtimes").findValuesAsText("name")).containsExactly("a", "b");
    assertThat(results.at("/tests/0/runtime").asText()).isEqualTo("a");
    assertThat(results.at("/tests/0/verdict").asText()).isEqualTo("PASS");
    assertThat(results.at("/tests/1/runtime").asText()).isEqualTo("b");
    assertThat(results.at("/tests/1/verdict").asText()).isEqualTo("ERROR");
    assertThat(results.at("/tests/1/reason").asText()).isEqualTo("interrupted while running");
  }

  static void assertGone(long pid) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15); // SIGTERM, 5 s grace, SIGKILL; slow under load
    while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
      assertThat(System.nanoTime()).as("process %d still alive", pid).isLessThan(deadline);
      Thread.sleep(50);
    }
  }
}
