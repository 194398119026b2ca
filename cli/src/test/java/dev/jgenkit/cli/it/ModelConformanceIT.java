package dev.jgenkit.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** jgenkit test-model end to end against the real Genkit JS reference runtime. */
class ModelConformanceIT {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Path REF = JGenkitBinary.referenceDir();

  @TempDir Path tmp;

  private static JsonNode results(Path reportDir) throws Exception {
    return MAPPER.readTree(reportDir.resolve("results.json").toFile());
  }

  /** model → test name → verdict, in report order. */
  private static Map<String, Map<String, String>> verdicts(JsonNode results) {
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    for (JsonNode t : results.get("tests")) {
      out.computeIfAbsent(t.get("model").asText(), k -> new LinkedHashMap<>())
          .put(t.get("name").asText(), t.get("verdict").asText());
    }
    return out;
  }

  private static void assertGone(long pid) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15); // SIGTERM, a 5 s grace, SIGKILL, reaping; slow under load
    while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
      assertThat(System.nanoTime()).as("process %d still alive", pid).isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  private static Path spec(Path dir, String name, String yaml) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, yaml);
    return p;
  }

  @Test
  void startedRuntimeGivesThePeersVerdictsReportsAndLeavesNoProcessBehind() throws Exception {
    // given the demo spec and the runtime command
    Path reports = tmp.resolve("reports");

    // when jgenkit starts the reference runtime itself
    var run = JGenkitBinary.run(REF, tmp.resolve("out"), List.of(
        "test-model", "--from-file", "specs/all.yaml", "--report-dir", reports.toString(), "--", "node", "index.js"));

    // then the verdicts are the peer's (16 passed, 9 failed), exit 1
    assertThat(run.exitCode()).as(run.stderr()).isEqualTo(1);
    JsonNode results = results(reports);
    var v = verdicts(results);
    assertThat(v.get("reference/good").values()).containsOnly("PASS").hasSize(10);
    assertThat(v.get("reference/bad")).containsEntry("Tool Request Conformance", "FAIL")
        .containsEntry("Structured Output Conformance", "FAIL")
        .containsEntry("System Role Conformance", "FAIL")
        .containsEntry("Multiturn Conformance with streaming", "FAIL")
        .containsEntry("Tool Request Conformance with streaming", "FAIL")
        .containsEntry("Structured Output Conformance with streaming", "FAIL")
        .containsEntry("Bad streaming echo", "FAIL")
        .containsEntry("Multiturn Conformance", "PASS");
    assertThat(v.get("reference/limited")).containsEntry("Tool Request Conformance", "FAIL")
        .containsEntry("Image Input (Base64) Conformance", "FAIL")
        .containsEntry("Multiturn Conformance", "PASS");
    assertThat(results.at("/summary/passed").asInt()).isEqualTo(16);
    assertThat(results.at("/summary/failed").asInt()).isEqualTo(9);
    // the peer's failure messages, and the metadata note on a test the model declares unsupported
    assertThat(reason(results, "reference/bad", "System Role Conformance"))
        .isEqualTo("Response text does not start with 'RESPONSE:'. Text: hello there");
    assertThat(reason(results, "reference/bad", "Bad streaming echo"))
        .isEqualTo("Streaming requested but no chunks received.");
    assertThat(reason(results, "reference/limited", "Tool Request Conformance"))
        .startsWith("[model metadata declares supports.tools: false] Model did not return a tool request.");
    // a failure keeps what was sent and what the model answered; a pass keeps neither
    JsonNode systemRole = test(results, "reference/bad", "System Role Conformance");
    assertThat(systemRole.at("/request/messages/0/role").asText()).isEqualTo("system");
    assertThat(systemRole.at("/response/message/content/0/text").asText()).isEqualTo("hello there");
    assertThat(test(results, "reference/good", "System Role Conformance").has("response")).isFalse();
    assertThat(Files.readString(reports.resolve("report.html")))
        .contains("<h4>Response</h4><pre class=\"response\">")
        .contains("&quot;text&quot; : &quot;hello there&quot;");
    // streams record time to first chunk and chunk counts; responses record usage and trace ids
    JsonNode streamed = test(results, "reference/good", "Multiturn Conformance with streaming");
    assertThat(streamed.get("chunkCount").asInt()).isGreaterThan(1);
    assertThat(streamed.get("timeToFirstChunkMillis").isNumber()).isTrue();
    assertThat(streamed.get("traceId").asText()).matches("[0-9a-f]{32}");
    assertThat(test(results, "reference/good", "Multiturn Conformance").get("usage").get("totalTokens").asInt()).isPositive();
    assertThat(results.at("/runtime/genkitVersion").asText()).isEqualTo("nodejs/1.42.0");
    assertThat(results.at("/runtime/attached").asBoolean()).isFalse();
    // the console shows a tree in spec order, and the runtime's own output went to its log only
    assertThat(run.stdout()).contains("reference/good\n  ✓ Tool Request Conformance");
    assertThat(run.stdout().indexOf("reference/bad")).isGreaterThan(run.stdout().indexOf("reference/good"));
    assertThat(run.stdout()).contains("16 passed, 9 failed, 0 errors, 0 skipped");
    assertThat(run.stdout()).doesNotContain("[jgenkit-reference]");
    assertThat(Files.readString(reports.resolve("runtime.log"))).contains("[jgenkit-reference]");
    // JUnit XML: one testsuite per model named after it, failures counted
    Document junit = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(reports.resolve("junit.xml").toFile());
    NodeList suites = junit.getElementsByTagName("testsuite");
    assertThat(suites.getLength()).isEqualTo(3);
    Element bad = (Element) suites.item(1);
    assertThat(bad.getAttribute("name")).contains("reference/bad");
    assertThat(bad.getAttribute("tests")).isEqualTo("10");
    assertThat(bad.getAttribute("failures")).isEqualTo("7");
    assertThat(bad.getElementsByTagName("failure").getLength()).isEqualTo(7);
    // and the runtime process tree is gone, with its runtime file
    long pid = results.at("/runtime/pid").asLong();
    assertGone(pid);
    try (var files = Files.list(REF.resolve(".genkit/runtimes"))) {
      assertThat(files.map(Path::getFileName).map(Path::toString)).noneMatch(n -> n.startsWith(pid + "-"));
    }
  }

  @Test
  void reachesTheSameVerdictsAsGenkitDevTestModelOnTheSameSpec() throws Exception {
    // given the real peer (genkit-cli, pinned as a devDependency of the reference app)
    Path peerOut = tmp.resolve("peer.txt");
    ProcessBuilder pb = new ProcessBuilder("npx", "--no-install", "genkit", "dev:test-model",
        "--non-interactive", "--no-update-notification", "--from-file", "specs/all.yaml", "--", "node", "index.js")
        .directory(REF.toFile()).redirectErrorStream(true).redirectOutput(peerOut.toFile());
    pb.environment().put("CI", "true");
    Process peer = pb.start();
    assertThat(peer.waitFor(90, TimeUnit.SECONDS)).as("peer finished").isTrue();
    Map<String, Map<String, String>> peerVerdicts = parsePeer(Files.readString(peerOut));

    // when jgenkit runs the same spec with --peer-output
    Path reports = tmp.resolve("reports");
    var run = JGenkitBinary.run(REF, tmp.resolve("out"), List.of("test-model", "--from-file", "specs/all.yaml",
        "--peer-output", "--report-dir", reports.toString(), "--", "node", "index.js"));

    // then every test has the same verdict, and the summary lines match
    Map<String, Map<String, String>> ours = parsePeer(run.stdout());
    assertThat(peerVerdicts).as(Files.readString(peerOut)).isNotEmpty();
    assertThat(ours).isEqualTo(peerVerdicts);
    assertThat(lastLine(run.stdout())).isEqualTo(lastLine(Files.readString(peerOut)))
        .isEqualTo("Tests Completed: 16 Passed, 9 Failed");
    assertThat(run.exitCode()).isEqualTo(peer.exitValue()).isEqualTo(1);
  }

  @Test
  void attachesToARunningRuntimeByDiscoveryAndByUrlWithoutStoppingIt() throws Exception {
    try (ReferenceRuntime rt = ReferenceRuntime.start(tmp.resolve("rt.log"), Map.of())) {
      // when jgenkit attaches by discovery (no command, no URL) and by URL
      var discovered = JGenkitBinary.run(REF, tmp.resolve("d"), List.of("test-model", "--from-file", "specs/good.yaml",
          "--report-dir", tmp.resolve("r1").toString()));
      var byUrl = JGenkitBinary.run(REF, tmp.resolve("u"), List.of("test-model", "--from-file", "specs/good.yaml",
          "--runtime-url", rt.url, "--report-dir", tmp.resolve("r2").toString()));

      // then all 14 pass each time against that runtime, which is still running, its file intact
      assertThat(discovered.exitCode()).as(discovered.stdout() + discovered.stderr()).isZero();
      assertThat(byUrl.exitCode()).as(byUrl.stdout() + byUrl.stderr()).isZero();
      JsonNode r1 = results(tmp.resolve("r1"));
      assertThat(r1.at("/summary/passed").asInt()).isEqualTo(14);
      assertThat(r1.at("/runtime/pid").asLong()).isEqualTo(rt.process.pid());
      assertThat(r1.at("/runtime/attached").asBoolean()).isTrue();
      assertThat(results(tmp.resolve("r2")).at("/summary/passed").asInt()).isEqualTo(14);
      assertThat(rt.process.isAlive()).isTrue();
      assertThat(rt.runtimeFile).exists();
      // no telemetry repointing: jgenkit never calls /api/notify
      assertThat(Files.readString(tmp.resolve("rt.log"))).doesNotContain("notify");
    }
  }

  @Test
  void aModelThatNeverAnswersTimesOutIsCancelledAndTheRunGoesOn() throws Exception {
    // given a hanging model and a good one in the same spec
    Path spec = spec(tmp, "hang.yaml", """
        - model: reference/hang
          supports: [multiturn]
        - model: reference/good
          supports: [multiturn, system-role]
        """);
    Path reports = tmp.resolve("reports");

    // when the per-test timeout is 3 s (a fresh runtime's first answers take most of a second on a
    // loaded 2-core machine, so 1 s made the good model time out too)
    var run = JGenkitBinary.run(REF, tmp.resolve("out"), List.of("test-model", "--from-file", spec.toString(),
        "--timeout", "3", "--report-dir", reports.toString(), "--", "node", "index.js"));

    // then the hang is an ERROR cancelled through /api/cancelAction, the others pass, exit 1
    assertThat(run.exitCode()).isEqualTo(1);
    JsonNode results = results(reports);
    assertThat(verdicts(results).get("reference/hang")).containsEntry("Multiturn Conformance", "ERROR");
    assertThat(verdicts(results).get("reference/good").values()).containsOnly("PASS");
    String reason = reason(results, "reference/hang", "Multiturn Conformance");
    assertThat(reason).startsWith("runAction /model/reference/hang timed out after 3 s; action cancelled (trace ");
    assertThat(run.wall()).isLessThan(Duration.ofSeconds(30));
  }

  @Test
  void retriesAreOptInAndRecordTheirAttempts() throws Exception {
    // given the flaky model, which fails every other call with UNAVAILABLE, starting with the first
    Path spec = spec(tmp, "flaky.yaml", """
        - model: reference/flaky
          supports: [multiturn]
        """);

    // when run without and with retries, each on a fresh runtime
    var plain = JGenkitBinary.run(REF, tmp.resolve("o1"), List.of("test-model", "--from-file", spec.toString(),
        "--report-dir", tmp.resolve("r1").toString(), "--", "node", "index.js"));
    var retried = JGenkitBinary.run(REF, tmp.resolve("o2"), List.of("test-model", "--from-file", spec.toString(),
        "--retries", "2", "--report-dir", tmp.resolve("r2").toString(), "--", "node", "index.js"));

    // then the first errors with UNAVAILABLE after one attempt, the second passes on attempt 2
    assertThat(plain.exitCode()).isEqualTo(1);
    JsonNode t1 = test(results(tmp.resolve("r1")), "reference/flaky", "Multiturn Conformance");
    assertThat(t1.get("verdict").asText()).isEqualTo("ERROR");
    assertThat(t1.get("reason").asText()).startsWith("UNAVAILABLE: ");
    assertThat(t1.get("attempts").asInt()).isEqualTo(1);
    assertThat(retried.exitCode()).as(retried.stdout()).isZero();
    JsonNode t2 = test(results(tmp.resolve("r2")), "reference/flaky", "Multiturn Conformance");
    assertThat(t2.get("verdict").asText()).isEqualTo("PASS");
    assertThat(t2.get("attempts").asInt()).isEqualTo(2);
  }

  @Test
  void supportsAutoSkipsWhatTheMetadataDeclaresUnsupported() throws Exception {
    // given a suite with neither supports nor tests on the limited model (tools: false, media: false)
    Path spec = spec(tmp, "auto.yaml", "- model: reference/limited\n");
    Path reports = tmp.resolve("reports");

    // when --supports auto
    var run = JGenkitBinary.run(REF, tmp.resolve("out"), List.of("test-model", "--from-file", spec.toString(),
        "--supports", "auto", "--report-dir", reports.toString(), "--", "node", "index.js"));

    // then tool, media and json capabilities are SKIPs naming the metadata, the rest run
    JsonNode results = results(reports);
    var v = verdicts(results).get("reference/limited");
    assertThat(v).hasSize(12);
    assertThat(v).containsEntry("Tool Request Conformance", "SKIP")
        .containsEntry("Image Input (Base64) Conformance", "SKIP")
        .containsEntry("Structured Output Conformance", "SKIP")
        .containsEntry("Multiturn Conformance", "PASS")
        .containsEntry("System Role Conformance", "PASS");
    assertThat(reason(results, "reference/limited", "Tool Request Conformance"))
        .isEqualTo("model metadata declares supports.tools: false");
    assertThat(run.stdout()).contains("○ Tool Request Conformance");
    assertThat(run.exitCode()).as(run.stdout()).isZero();
  }

  @Test
  void aRuntimeThatCannotStartExitsThreeWithItsLog() throws Exception {
    // when the command dies at once
    var died = JGenkitBinary.run(REF, tmp.resolve("o1"), List.of("test-model", "reference/good",
        "--report-dir", tmp.resolve("r1").toString(), "--", "node", "-e", "console.log('no luck here'); process.exit(7)"));

    // then exit 3 with the exit code and the log's last lines, no stack trace
    assertThat(died.exitCode()).isEqualTo(3);
    assertThat(died.stderr()).contains("exited with code 7").contains("no luck here").doesNotContain("\tat ");

    // when the runtime starts but the spec's model never registers
    var missing = JGenkitBinary.run(REF, tmp.resolve("o2"), List.of("test-model", "reference/nope",
        "--startup-timeout", "3", "--report-dir", tmp.resolve("r2").toString(), "--", "node", "index.js"));

    // then exit 3 names the missing key, and the runtime was stopped
    assertThat(missing.exitCode()).isEqualTo(3);
    assertThat(missing.stderr()).contains("/model/reference/nope");
  }

  @Test
  void sigtermStopsTheRuntimeAndWritesAPartialReport() throws Exception {
    // given a run stuck on a model that never answers
    Path spec = spec(tmp, "hang.yaml", """
        - model: reference/good
          supports: [multiturn]
        - model: reference/hang
          supports: [multiturn, system-role]
        """);
    Path reports = tmp.resolve("reports");
    Process p = JGenkitBinary.start(REF, tmp.resolve("out"), Map.of(), List.of("test-model", "--from-file", spec.toString(),
        "-j", "1", "--report-dir", reports.toString(), "--", "node", "index.js"));
    long t0 = System.nanoTime();
    // wait until the runtime is up and the hang call is in flight
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (p.descendants().findAny().isEmpty() || !Files.readString(tmp.resolve("out/stdout.txt")).contains("✓ Multiturn")) {
      assertThat(System.nanoTime()).isLessThan(deadline);
      Thread.sleep(100);
    }
    List<ProcessHandle> children = p.descendants().toList();
    Thread.sleep(300);

    // when SIGTERM arrives
    p.destroy();

    // then jgenkit exits 130 promptly, the runtime is gone, and the partial report says interrupted
    assertThat(p.waitFor(15, TimeUnit.SECONDS)).isTrue();
    var run = JGenkitBinary.finished(p, tmp.resolve("out"), t0);
    assertThat(run.exitCode()).isEqualTo(130);
    for (ProcessHandle c : children) {
      assertGone(c.pid());
    }
    JsonNode results = results(reports);
    assertThat(results.get("interrupted").asBoolean()).isTrue();
    assertThat(verdicts(results).get("reference/good")).containsEntry("Multiturn Conformance", "PASS");
    assertThat(results.get("tests")).hasSize(3);
    assertThat(run.stdout()).contains("Interrupted: partial reports written");
  }

  @Test
  void versionAndHelpComeFromTheJar() throws Exception {
    var version = JGenkitBinary.run(REF, tmp.resolve("v"), List.of("--version"));
    var help = JGenkitBinary.run(REF, tmp.resolve("h"), List.of("--help"));

    assertThat(version.exitCode()).isZero();
    assertThat(version.stdout()).matches("jgenkit \\S+\\R");
    assertThat(help.stdout()).contains("test-model").contains("validate").contains("Exit codes:")
        .contains("3    the runtime could not be started or reached");
  }

  private static JsonNode test(JsonNode results, String model, String name) {
    for (JsonNode t : results.get("tests")) {
      if (t.get("model").asText().equals(model) && t.get("name").asText().equals(name)) {
        return t;
      }
    }
    throw new AssertionError("no test " + model + " / " + name);
  }

  private static String reason(JsonNode results, String model, String name) {
    return test(results, model, name).get("reason").asText();
  }

  private static final Pattern PEER_LINE =
      Pattern.compile("^(?:Testing model: (.+)|.*✅ Passed: (.+)|.*❌ Failed: (.+?) - .*)$", Pattern.MULTILINE);

  /** Parses the peer's log lines into model → test → PASS/FAIL. */
  static Map<String, Map<String, String>> parsePeer(String out) {
    Map<String, Map<String, String>> v = new LinkedHashMap<>();
    String model = null;
    Matcher m = PEER_LINE.matcher(out);
    while (m.find()) {
      if (m.group(1) != null) {
        model = m.group(1).strip();
        v.put(model, new java.util.TreeMap<>());
      } else if (model != null && m.group(2) != null) {
        v.get(model).put(m.group(2).strip(), "PASS");
      } else if (model != null && m.group(3) != null) {
        v.get(model).put(m.group(3).strip(), "FAIL");
      }
    }
    return v;
  }

  private static String lastLine(String s) {
    String[] lines = s.strip().split("\\R");
    return lines[lines.length - 1].replaceAll("\u001B\\[[0-9;]*m", "").strip();
  }
}
