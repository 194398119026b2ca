package dev.jgenkit.cli.it;

import static dev.jgenkit.cli.it.RunChecks.assertGone;
import static dev.jgenkit.cli.it.RunChecks.assertReportsComplete;
import static dev.jgenkit.cli.it.RunChecks.test;
import static dev.jgenkit.cli.it.RunChecks.verdicts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jgenkit.runners.results.RunResult;
import dev.jgenkit.runners.results.TestResult;
import dev.jgenkit.runners.results.Verdict;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fault-injection suite: the real jar against the reference runtime switched into a fault
 * ({@code REFERENCE_FAULT}) or against {@code faulty-runtime.js}, a reflection server that
 * misbehaves on purpose. Each case asserts the verdicts, the exit code, a generous time bound (it
 * proves "does not hang", not speed), complete and well-formed reports, and that no process jgenkit
 * started survives; and records its row for docs/resilience.md.
 */
@ExtendWith(ResilienceLog.class)
class FaultInjectionIT {
  private static final Path REF = JGenkitBinary.referenceDir();
  private static final List<String> REFERENCE = List.of("node", "index.js");
  private static final List<String> FAULTY = List.of("node", "faulty-runtime.js");
  private static final Duration BOUND = Duration.ofSeconds(60);

  @TempDir Path tmp;

  /** One jgenkit run: what it printed and returned, and every process it had below it. */
  record Outcome(JGenkitBinary.Run run, Set<Long> descendants) {
    int exit() {
      return run.exitCode();
    }

    Duration wall() {
      return run.wall();
    }

    String console() {
      return run.stdout() + run.stderr();
    }
  }

  private Outcome jgenkit(Map<String, String> env, List<String> args) throws Exception {
    return jgenkitIn(REF, env, args);
  }

  private Outcome jgenkitIn(Path cwd, Map<String, String> env, List<String> args) throws Exception {
    Path out = tmp.resolve("out-" + System.nanoTime());
    long t0 = System.nanoTime();
    Process p = JGenkitBinary.start(cwd, out, env, args);
    RunChecks.Descendants d = new RunChecks.Descendants(p);
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      throw new AssertionError("jgenkit did not finish within 120 s: " + args);
    }
    return new Outcome(JGenkitBinary.finished(p, out, t0), d.seen());
  }

  private static List<String> args(Path spec, Path reports, List<String> extra, List<String> command) {
    List<String> a = new ArrayList<>(List.of("test-model", "--from-file", spec.toString(),
        "--report-dir", reports.toString()));
    a.addAll(extra);
    if (!command.isEmpty()) {
      a.add("--");
      a.addAll(command);
    }
    return a;
  }

  private Path spec(String yaml) throws IOException {
    Path p = tmp.resolve("spec-" + System.nanoTime() + ".yaml");
    Files.writeString(p, yaml);
    return p;
  }

  /** A suite of custom one-message tests on {@code model}: name → validator. */
  private static String suite(String model, boolean stream, Map<String, String> tests) {
    StringBuilder sb = new StringBuilder("- model: " + model + "\n  tests:\n");
    tests.forEach((name, validator) -> sb.append("    - name: ").append(name).append('\n')
        .append(stream ? "      stream: true\n" : "")
        .append("      input: {messages: [{role: user, content: [{text: hello}]}]}\n")
        .append("      validators: ['").append(validator).append("']\n"));
    return sb.toString();
  }

  private static final String GOOD_ALONGSIDE =
      suite("fault/good", false, Map.of("good alongside", "text-includes:hello"));

  private static void assertBounded(Outcome o) {
    assertThat(o.wall()).as("wall time (does not hang)").isLessThan(BOUND);
    assertThat(o.console()).as("no stack trace").doesNotContain("\tat ").doesNotContain("Exception in thread");
  }

  private static List<String> requests(Path log) throws IOException {
    return Files.exists(log) ? Files.readAllLines(log) : List.of();
  }

  // ---------------------------------------------------------------- the runtime does not come up

  @Test
  void aRuntimeThatNeverWritesItsRuntimeFileIsExitThreeAtTheStartupTimeout() throws Exception {
    var row = ResilienceLog.begin("runtime start", "never writes its runtime file",
        "REFERENCE_FAULT=no-runtime-file: the app runs without a reflection server",
        "exit 3 at --startup-timeout (3 s) naming what is missing; reports complete, every test ERROR; process stopped");
    Path reports = tmp.resolve("r");

    Outcome o = jgenkit(Map.of("REFERENCE_FAULT", "no-runtime-file"),
        args(spec(suite("reference/good", false, Map.of("t", "text-not-empty"))), reports,
            List.of("--startup-timeout", "3"), REFERENCE));

    RunResult run = assertReportsComplete(reports, 1);
    row.exit(o.exit()).took(o.wall()).verdicts(verdicts(run));
    assertThat(o.exit()).as(o.console()).isEqualTo(3);
    assertThat(o.run().stderr()).contains("was not ready after 3 s: no runtime file appeared")
        .contains("no-runtime-file");
    assertThat(run.results().get(0).verdict()).isEqualTo(Verdict.ERROR);
    assertThat(run.results().get(0).reason()).startsWith("runtime unavailable: ")
        .contains("no runtime file appeared");
    assertThat(o.descendants()).isNotEmpty();
    assertGone(o.descendants());
    assertBounded(o);
    row.note("exit 3, the log's last lines shown; " + o.descendants().size() + " process(es) stopped");
  }

  @Test
  void aRuntimeThatExitsAtOnceIsExitThreeWithItsExitCodeAndLog() throws Exception {
    var row = ResilienceLog.begin("runtime start", "exits at once",
        "REFERENCE_FAULT=exit-at-once: the app exits with code 3 before serving",
        "exit 3 at once naming the exit code and the log's last lines; reports complete, every test ERROR");
    Path reports = tmp.resolve("r");

    Outcome o = jgenkit(Map.of("REFERENCE_FAULT", "exit-at-once"),
        args(spec(suite("reference/good", false, Map.of("t", "text-not-empty"))), reports, List.of(), REFERENCE));

    RunResult run = assertReportsComplete(reports, 1);
    row.exit(o.exit()).took(o.wall()).verdicts(verdicts(run));
    assertThat(o.exit()).as(o.console()).isEqualTo(3);
    assertThat(o.run().stderr()).contains("exited with code 3 before it was ready")
        .contains("REFERENCE_FAULT=exit-at-once");
    assertThat(run.results().get(0).verdict()).isEqualTo(Verdict.ERROR);
    assertThat(run.results().get(0).reason()).contains("exited with code 3 before it was ready");
    assertThat(o.wall()).isLessThan(Duration.ofSeconds(30));
    assertGone(o.descendants());
    assertBounded(o);
    row.note("exit 3, the exit code and the log's last line in the message");
  }

  @Test
  void aRuntimeWhoseModelsNeverAppearIsExitThreeNamingThem() throws Exception {
    var row = ResilienceLog.begin("runtime start", "health passes, models never appear",
        "REFERENCE_FAULT=never-register-models: the reflection server answers, /api/actions has no models",
        "exit 3 at --startup-timeout (8 s) naming the missing model keys; reports complete, every test ERROR; process stopped");
    Path reports = tmp.resolve("r");

    // 8 s: the bound also covers the runtime's own start, which takes seconds on a loaded machine
    Outcome o = jgenkit(Map.of("REFERENCE_FAULT", "never-register-models"),
        args(spec(suite("reference/good", false, Map.of("t", "text-not-empty"))), reports,
            List.of("--startup-timeout", "8"), REFERENCE));

    RunResult run = assertReportsComplete(reports, 1);
    row.exit(o.exit()).took(o.wall()).verdicts(verdicts(run));
    assertThat(o.exit()).as(o.console()).isEqualTo(3);
    assertThat(o.run().stderr()).contains("did not register 1 action(s) within 8 s: /model/reference/good");
    assertThat(run.results().get(0).reason()).contains("/model/reference/good");
    assertGone(o.descendants());
    assertBounded(o);
    row.note("exit 3 naming /model/reference/good; process stopped");
  }

  @Test
  void whenThePortTheRuntimeWouldUseIsTakenItMovesOnAndJgenkitFollowsItsRuntimeFile() throws Exception {
    var row = ResilienceLog.begin("runtime start", "its port is taken",
        "the first free port from 3100 (where Genkit JS starts looking) is held by another socket",
        "Genkit picks the next port; jgenkit follows the runtime file of its own process: tests run");
    Path reports = tmp.resolve("r");
    try (ServerSocket squatter = firstFreePortFrom(3100)) {
      Outcome o = jgenkit(Map.of(),
          args(spec(suite("reference/good", false, Map.of("hello", "text-includes:hello"))), reports, List.of(),
              REFERENCE));

      RunResult run = assertReportsComplete(reports, 1);
      row.exit(o.exit()).took(o.wall()).verdicts(verdicts(run));
      assertThat(o.exit()).as(o.console()).isZero();
      assertThat(run.runtime().url()).doesNotEndWith(":" + squatter.getLocalPort());
      assertThat(Files.readString(reports.resolve("runtime.log"))).contains("is already in use");
      assertGone(o.descendants());
      assertBounded(o);
      row.note("port " + squatter.getLocalPort() + " taken; runtime on " + run.runtime().url());
    }
  }

  private static ServerSocket firstFreePortFrom(int port) throws IOException {
    for (int p = port; p < port + 100; p++) {
      try {
        return new ServerSocket(p, 50, InetAddress.getByName("127.0.0.1"));
      } catch (IOException taken) {
        // try the next one, as Genkit does
      }
    }
    throw new IOException("no free port from " + port);
  }

  @Test
  void staleAndCorruptRuntimeFilesAreIgnoredAndLeftInPlace() throws Exception {
    var row = ResilienceLog.begin("runtime start", "stale or corrupt runtime files present",
        "planted in .genkit/runtimes: a dead pid's file, garbage JSON, an empty file, a file of another live tool",
        "ignored when starting and when attaching; none of them deleted or changed");
    Path dir = REF.resolve(".genkit/runtimes");
    Files.createDirectories(dir);
    long dead = deadPid();
    Map<Path, String> planted = new LinkedHashMap<>();
    Map<Path, String> attachPlanted = new LinkedHashMap<>();
    planted.put(dir.resolve(dead + "-3199-1.json"), "{\"id\":\"" + dead + "-3199\",\"pid\":" + dead
        + ",\"reflectionServerUrl\":\"http://localhost:3199\",\"timestamp\":\"2030-01-01T00:00:00.000Z\"}");
    planted.put(dir.resolve("zz-garbage.json"), "{\"id\": \"half-written");
    planted.put(dir.resolve("zz-empty.json"), "");
    // another tool's runtime: a live process (this JVM) whose server does not answer
    long me = ProcessHandle.current().pid();
    planted.put(dir.resolve(me + "-3198-2.json"), "{\"id\":\"" + me + "-3198\",\"pid\":" + me
        + ",\"reflectionServerUrl\":\"http://localhost:3198\",\"timestamp\":\"2030-01-01T00:00:00.000Z\"}");
    try {
      for (var e : planted.entrySet()) {
        Files.writeString(e.getKey(), e.getValue());
      }
      Path spec = spec(suite("reference/good", false, Map.of("hello", "text-includes:hello")));

      Outcome started = jgenkit(Map.of(), args(spec, tmp.resolve("r1"), List.of(), REFERENCE));
      // attach by discovery in a project of its own (the reference dir may hold live runtimes of other runs)
      Path project = Files.createDirectories(tmp.resolve("project/.genkit/runtimes")).getParent().getParent();
      Files.writeString(project.resolve("package.json"), "{\"name\":\"stale\",\"private\":true}\n");
      for (var e : planted.entrySet()) {
        Path copy = project.resolve(".genkit/runtimes").resolve(e.getKey().getFileName());
        Files.writeString(copy, e.getValue());
        attachPlanted.put(copy, e.getValue());
      }
      Outcome attached = jgenkitIn(project, Map.of(), args(spec, tmp.resolve("r2"), List.of("--startup-timeout", "3"), List.of()));

      RunResult run = assertReportsComplete(tmp.resolve("r1"), 1);
      row.exit(started.exit()).took(started.wall().plus(attached.wall()))
          .verdicts(verdicts(run) + "; attach: none run");
      assertThat(started.exit()).as(started.console()).isZero();
      assertThat(attached.exit()).as(attached.console()).isEqualTo(3);
      assertThat(attached.run().stderr()).contains("no running Genkit runtime found");
      Map<Path, String> all = new LinkedHashMap<>(planted);
      all.putAll(attachPlanted);
      for (var e : all.entrySet()) {
        assertThat(e.getKey()).as("planted file kept").exists();
        assertThat(Files.readString(e.getKey())).isEqualTo(e.getValue());
      }
      assertGone(started.descendants());
      assertBounded(started);
      assertBounded(attached);
      row.note("start: exit 0 on its own runtime; attach: exit 3; " + planted.size() + " planted files untouched");
    } finally {
      for (Path p : planted.keySet()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static long deadPid() throws Exception {
    Process p = new ProcessBuilder("true").start();
    p.waitFor();
    return p.pid();
  }

  @Test
  void noArgumentsAndStdinClosedIsAUsageErrorNotASilentSuccess() throws Exception {
    var row = ResilienceLog.begin("runtime start", "no arguments, stdin closed",
        "`jgenkit test-model` with no model, no spec and stdin closed (the peer exits 0 running nothing)",
        "exit 2 with what to pass; nothing started");

    Outcome o = jgenkit(Map.of(), List.of("test-model"));

    row.exit(o.exit()).took(o.wall()).verdicts("none run");
    assertThat(o.exit()).as(o.console()).isEqualTo(2);
    assertThat(o.run().stderr()).contains("a model name is required").contains("e.g. jgenkit test-model");
    assertThat(o.descendants()).isEmpty();
    assertBounded(o);
    row.note("exit 2: " + o.run().stderr().lines().findFirst().orElse(""));
  }

  // ----------------------------------------------------------------------------- during the run

  @Test
  void aModelThatNeverAnswersEndsAtTheTimeoutIsCancelledAndTheRunGoesOn() throws Exception {
    var row = ResilienceLog.begin("during the run", "a model never answers",
        "reference/hang never answers; --timeout 3",
        "ERROR at 3 s, /api/cancelAction sent with the early trace id, the other tests still run");
    Path reports = tmp.resolve("r");
    String yaml = suite("reference/hang", false, Map.of("hangs", "text-not-empty"))
        + suite("reference/good", false, Map.of("hello", "text-includes:hello"));

    Outcome o = jgenkit(Map.of(), args(spec(yaml), reports, List.of("--timeout", "3"), REFERENCE));

    RunResult run = assertReportsComplete(reports, 2);
    row.exit(o.exit()).took(o.wall()).verdicts(verdicts(run));
    assertThat(o.exit()).as(o.console()).isEqualTo(1);
    assertThat(test(run, "hangs").verdict()).isEqualTo(Verdict.ERROR);
    assertThat(test(run, "hangs").reason()).contains("timed out after 3 s; action cancelled (trace ");
    assertThat(test(run, "hello").verdict()).isEqualTo(Verdict.PASS);
    assertGone(o.descendants());
    assertBounded(o);
    row.note("hang ERROR after " + test(run, "hangs").durationMillis() + " ms, cancelled; good PASS");
  }

  @Test
  void aRuntimeKilledMidRunTurnsTheRemainingTestsIntoPromptErrors() throws Exception {
    var row = ResilienceLog.begin("during the run", "runtime killed mid-run",
        "REFERENCE_FAULT=die-after:3: the 3rd model call SIGKILLs the runtime; 8 tests, -j 1, --timeout 30",
        "the remaining tests are ERROR at once (not one 30 s timeout each); its runtime file removed");
    Path reports = tmp.resolve("r");
    Map<String, String> tests = new LinkedHashMap<>();
    for (int i = 1; i <= 8; i++) {
      tests.put("call " + i, "text-includes:hello");
    }

    Outcome o = jgenkit(Map.of("REFERENCE_FAULT", "die-after:3"),
        args(spec(suite("reference/good", false, tests)), reports, List.of("-j", "1", "--timeout", "30"), REFERENCE));

    RunResult run = assertReportsComplete(reports, 8);
    row.exit(o.exit()).took(o.wall()).verdicts(verdicts(run));
    assertThat(o.exit()).as(o.console()).isEqualTo(1);
    assertThat(run.results().stream().map(TestResult::verdict).toList())
        .containsExactly(Verdict.PASS, Verdict.PASS, Verdict.ERROR, Verdict.ERROR, Verdict.ERROR,
            Verdict.ERROR, Verdict.ERROR, Verdict.ERROR);
    assertThat(o.wall()).as("less than a single 30 s timeout").isLessThan(Duration.ofSeconds(29));
    long pid = run.runtime().pid().orElseThrow();
    try (Stream<Path> files = Files.list(REF.resolve(".genkit/runtimes"))) {
      assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.startsWith(pid + "-"));
    }
    assertGone(o.descendants());
    assertBounded(o);
    row.note("6 ERRORs in " + run.results().subList(2, 8).stream().mapToLong(TestResult::durationMillis).sum()
        + " ms in all; reason: " + test(run, "call 4").reason().lines().findFirst().orElse(""));
  }

  @Test
  void aConnectionResetMidStreamIsAnError() throws Exception {
    streamFault("connection reset mid-stream", "fault/reset: headers and one chunk, then a TCP reset",
        "ERROR naming the reset; the other tests run", "reset", true, "reset");
  }

  @Test
  void aGarbageNdjsonLineIsAProtocolError() throws Exception {
    streamFault("garbage NDJSON line", "fault/garbage: a chunk, a line that is not JSON, the final line",
        "ERROR: invalid JSON from the runtime, quoting the line", "garbage", true, "invalid JSON from the runtime");
  }

  @Test
  void aStreamWithoutItsFinalLineIsAProtocolError() throws Exception {
    streamFault("stream with no final line", "fault/no-final: chunks, then the response ends",
        "ERROR: closed without a final result", "no-final", true, "without a final result");
  }

  @Test
  void aSlowDripStreamEndsAtTheTimeoutAndIsCancelled() throws Exception {
    streamFault("slow-drip stream", "fault/drip: one byte every 200 ms, never a whole line; --timeout 3",
        "ERROR at 3 s (the per-test deadline bounds a stream that never idles out), cancelAction sent",
        "drip", true, "timed out after 3 s; action cancelled");
  }

  @Test
  void aStreamThatStallsEndsAtTheIdleTimeoutNotAtTheTimeout() throws Exception {
    streamFault("stream stalls after its first chunk",
        "fault/stall: headers and one chunk, then nothing; --idle-timeout 2, --timeout 60",
        "ERROR at the 2 s idle bound (not at the 60 s --timeout), naming the last chunk; cancelAction sent",
        "stall", true, List.of("--timeout", "60", "--idle-timeout", "2"),
        "stream idle for 2 s (no data since chunk 1); action cancelled");
  }

  private void streamFault(String name, String fault, String expected, String model, boolean stream,
      String reasonPart) throws Exception {
    streamFault(name, fault, expected, model, stream, List.of("--timeout", "3"), reasonPart);
  }

  private void streamFault(String name, String fault, String expected, String model, boolean stream,
      List<String> options, String reasonPart) throws Exception {
    var row = ResilienceLog.begin("during the run", name, fault, expected);
    Path reports = tmp.resolve("r");
    Path requests = tmp.resolve("requests.log");
    String yaml = suite("fault/" + model, stream, Map.of(name, "text-not-empty")) + GOOD_ALONGSIDE;

    Outcome o = jgenkit(Map.of("FAULTY_REQUEST_LOG", requests.toString()),
        args(spec(yaml), reports, options, FAULTY));

    RunResult run = assertReportsComplete(reports, 2);
    row.exit(o.exit()).took(o.wall()).verdicts(verdicts(run));
    assertThat(o.exit()).as(o.console()).isEqualTo(1);
    TestResult t = test(run, name);
    assertThat(t.verdict()).isEqualTo(Verdict.ERROR);
    assertThat(t.reason()).contains(reasonPart);
    assertThat(test(run, "good alongside").verdict()).isEqualTo(Verdict.PASS);
    // only the reflection calls a test needs: never /api/notify (the peer repoints telemetry with it)
    assertThat(requests(requests)).allMatch(l -> l.matches(
        "(GET /api/__health|GET /api/actions|POST /api/runAction /model/fault/\\S+|POST /api/cancelAction \\w+) @\\d+"));
    if (model.equals("drip") || model.equals("stall")) {
      assertThat(requests(requests)).anyMatch(l -> l.startsWith("POST /api/cancelAction " + t.traceId().orElseThrow()));
    }
    if (model.equals("stall")) {
      assertThat(t.durationMillis()).as("ended by the idle bound, far from the 60 s --timeout").isLessThan(30_000);
    }
    assertGone(o.descendants());
    assertBounded(o);
    row.note("ERROR in " + t.durationMillis() + " ms: " + abbreviate(t.reason(), 110));
  }

  @Test
  void aTenMegabyteResponseIsJudgedAndTheReportsStaySmall() throws Exception {
    var row = ResilienceLog.begin("during the run", "10 MB response",
        "fault/huge: a 10 MiB text answer, once to a passing and once to a failing validator",
        "PASS and FAIL as judged; the failure's quoted text is cut, so no report grows past 1 MB");
    Path reports = tmp.resolve("r");
    Map<String, String> tests = new LinkedHashMap<>();
    tests.put("huge passes", "text-not-empty");
    tests.put("huge fails", "text-includes:needle");

    Outcome o = jgenkit(Map.of(), args(spec(suite("fault/huge", false, tests)), reports, List.of(), FAULTY));

    RunResult run = assertReportsComplete(reports, 2);
    row.exit(o.exit()).took(o.wall()).verdicts(verdicts(run));
    assertThat(o.exit()).as(o.console()).isEqualTo(1);
    assertThat(test(run, "huge passes").verdict()).isEqualTo(Verdict.PASS);
    assertThat(test(run, "huge fails").verdict()).isEqualTo(Verdict.FAIL);
    assertThat(test(run, "huge fails").reason()).endsWith("characters in all)");
    long largest = 0;
    for (String f : List.of("results.json", "junit.xml", "results.jsonl", "report.md", "report.html")) {
      long size = Files.size(reports.resolve(f));
      largest = Math.max(largest, size);
      assertThat(size).as(f + " size").isLessThan(1_000_000);
    }
    assertGone(o.descendants());
    assertBounded(o);
    row.note("largest report " + largest / 1024 + " KiB");
  }

  @Test
  void rateLimitingIsRetriedHonouringRetryAfterOnlyWhenRetriesAreAsked() throws Exception {
    var row = ResilienceLog.begin("retries", "HTTP 429 with Retry-After",
        "fault/rate-limited: the first call answers 429, Retry-After: 1",
        "default: ERROR after exactly 1 call; --retries 2: PASS on attempt 2, after waiting >= 1 s");
    Path requests = tmp.resolve("requests.log");
    Path spec = spec(suite("fault/rate-limited", false, Map.of("limited", "text-includes:hello")));
    Map<String, String> env = Map.of("FAULTY_REQUEST_LOG", requests.toString());

    Outcome plain = jgenkit(env, args(spec, tmp.resolve("r1"), List.of(), FAULTY));
    long plainCalls = requests(requests).stream().filter(l -> l.contains("/runAction")).count();
    Files.deleteIfExists(requests);
    Outcome retried = jgenkit(env, args(spec, tmp.resolve("r2"), List.of("--retries", "2"), FAULTY));
    List<Long> callTimes = requests(requests).stream().filter(l -> l.contains("/runAction"))
        .map(l -> Long.parseLong(l.substring(l.lastIndexOf('@') + 1))).toList();
    long retriedCalls = callTimes.size();

    RunResult r1 = assertReportsComplete(tmp.resolve("r1"), 1);
    RunResult r2 = assertReportsComplete(tmp.resolve("r2"), 1);
    row.exit(plain.exit()).took(plain.wall().plus(retried.wall()))
        .verdicts("default " + verdicts(r1) + "; --retries 2 " + verdicts(r2));
    assertThat(plain.exit()).as(plain.console()).isEqualTo(1);
    assertThat(test(r1, "limited").verdict()).isEqualTo(Verdict.ERROR);
    assertThat(test(r1, "limited").attempts()).isEqualTo(1);
    assertThat(plainCalls).isEqualTo(1);
    assertThat(retried.exit()).as(retried.console()).isZero();
    assertThat(test(r2, "limited").attempts()).isEqualTo(2);
    assertThat(retriedCalls).isEqualTo(2);
    long gap = callTimes.get(1) - callTimes.get(0);
    assertThat(gap).as("ms between the 429 and the retry (Retry-After: 1 honoured)").isGreaterThanOrEqualTo(1000);
    assertGone(plain.descendants());
    assertGone(retried.descendants());
    assertBounded(plain);
    assertBounded(retried);
    row.note("default: 1 call, exit 1; --retries 2: 2 calls " + gap + " ms apart, PASS, exit 0");
  }

  @Test
  void unavailableWithRetryAfterZeroIsNotRetriedByDefault() throws Exception {
    var row = ResilienceLog.begin("retries", "HTTP 503 with Retry-After: 0, no --retries",
        "fault/unavailable: every call answers 503, Retry-After: 0 (which OkHttp would silently retry)",
        "ERROR after exactly one call: no hidden retry");
    Path requests = tmp.resolve("requests.log");
    Path reports = tmp.resolve("r");

    Outcome o = jgenkit(Map.of("FAULTY_REQUEST_LOG", requests.toString()),
        args(spec(suite("fault/unavailable", false, Map.of("unavailable", "text-not-empty"))), reports, List.of(),
            FAULTY));

    RunResult run = assertReportsComplete(reports, 1);
    long calls = requests(requests).stream().filter(l -> l.contains("/runAction")).count();
    row.exit(o.exit()).took(o.wall()).verdicts(verdicts(run));
    assertThat(o.exit()).as(o.console()).isEqualTo(1);
    assertThat(test(run, "unavailable").reason()).contains("UNAVAILABLE").contains("overloaded");
    assertThat(calls).isEqualTo(1);
    assertGone(o.descendants());
    assertBounded(o);
    row.note(calls + " call; reason: " + test(run, "unavailable").reason());
  }

  // ------------------------------------------------------------------------------ interruption

  @ParameterizedTest(name = "SIG{0}")
  @ValueSource(strings = {"INT", "TERM"})
  void aSignalDuringARunStopsTheRuntimeAndWritesAPartialReport(String signal) throws Exception {
    var row = ResilienceLog.begin("interruption", "SIG" + signal + " during a run",
        "SIG" + signal + " to jgenkit while reference/hang is in flight (-j 1, good before it)",
        "exit 130, runtime tree stopped, partial reports written and marked interrupted");
    Path reports = tmp.resolve("r");
    String yaml = suite("reference/good", false, Map.of("hello", "text-includes:hello"))
        + suite("reference/hang", false, Map.of("hangs", "text-not-empty"));
    Path out = tmp.resolve("out");
    long t0 = System.nanoTime();
    Process p = JGenkitBinary.start(REF, out, Map.of(), args(spec(yaml), reports, List.of("-j", "1"), REFERENCE));
    RunChecks.Descendants d = new RunChecks.Descendants(p);
    awaitOutput(out, "✓ hello");
    Thread.sleep(300);

    long t1 = System.nanoTime();
    signal(p, signal);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    Duration exitAfter = Duration.ofNanos(System.nanoTime() - t1);
    var run = JGenkitBinary.finished(p, out, t0);

    row.exit(run.exitCode()).took(run.wall());
    assertThat(run.exitCode()).isEqualTo(130);
    RunResult partial = assertReportsComplete(reports, 2);
    row.verdicts(verdicts(partial) + " (partial)");
    assertThat(partial.interrupted()).isTrue();
    assertThat(test(partial, "hello").verdict()).isEqualTo(Verdict.PASS);
    assertThat(test(partial, "hangs").reason()).contains("interrupted");
    assertThat(run.stdout()).contains("Interrupted: partial reports written");
    assertGone(d.seen());
    row.note("exit 130 " + exitAfter.toMillis() + " ms after the signal; " + d.seen().size()
        + " process(es) stopped; results.json interrupted: true");
  }

  @Test
  void aSecondCtrlCExitsAtOnceAndStillLeavesNoProcessBehind() throws Exception {
    var row = ResilienceLog.begin("interruption", "second Ctrl-C",
        "REFERENCE_FAULT=ignore-sigterm: the runtime ignores SIGTERM/SIGINT, so the first Ctrl-C waits out its 5 s grace;"
            + " a second Ctrl-C 0.5 s later",
        "exit 130 at once (well inside the grace), the runtime SIGKILLed and its runtime file removed, partial report written");
    Path reports = tmp.resolve("r");
    String yaml = suite("reference/good", false, Map.of("hello", "text-includes:hello"))
        + suite("reference/hang", false, Map.of("hangs", "text-not-empty"));
    Path out = tmp.resolve("out");
    long t0 = System.nanoTime();
    Process p = JGenkitBinary.start(REF, out, Map.of("REFERENCE_FAULT", "ignore-sigterm"),
        args(spec(yaml), reports, List.of("-j", "1"), REFERENCE));
    RunChecks.Descendants d = new RunChecks.Descendants(p);
    awaitOutput(out, "✓ hello");
    Thread.sleep(300);

    signal(p, "INT");
    awaitOutput(out, "Interrupted: partial reports written");
    Thread.sleep(500);
    long t1 = System.nanoTime();
    signal(p, "INT");
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    Duration exitAfter = Duration.ofNanos(System.nanoTime() - t1);
    var run = JGenkitBinary.finished(p, out, t0);

    row.exit(run.exitCode()).took(run.wall());
    assertThat(run.exitCode()).isEqualTo(130);
    assertThat(exitAfter).as("exit after the second Ctrl-C").isLessThan(Duration.ofSeconds(3));
    RunResult partial = assertReportsComplete(reports, 2);
    row.verdicts(verdicts(partial) + " (partial)");
    assertThat(partial.interrupted()).isTrue();
    Set<Long> seen = new HashSet<>(d.seen());
    assertThat(seen).isNotEmpty();
    assertGone(seen);
    long pid = partial.runtime().pid().orElseThrow();
    try (Stream<Path> files = Files.list(REF.resolve(".genkit/runtimes"))) {
      assertThat(files.map(f -> f.getFileName().toString())).as("its runtime file removed")
          .noneMatch(n -> n.startsWith(pid + "-"));
    }
    row.note("exit 130 " + exitAfter.toMillis() + " ms after the second Ctrl-C; runtime killed");
  }

  private static void awaitOutput(Path out, String text) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    Path stdout = out.resolve("stdout.txt");
    while (!Files.exists(stdout) || !Files.readString(stdout, StandardCharsets.UTF_8).contains(text)) {
      assertThat(System.nanoTime()).as("waiting for '%s'", text).isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  private static void signal(Process p, String signal) throws Exception {
    Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start();
    assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(kill.exitValue()).isZero();
  }

  // ----------------------------------------------------------------------------------- secrets

  @Test
  void plantedSecretsAreMaskedInTheConsoleEveryReportAndTheRuntimeLog() throws Exception {
    var row = ResilienceLog.begin("secrets", "planted secrets, printed by the runtime and echoed by a model",
        "JGENKIT_PLANTED_API_KEY and MY_SERVICE_TOKEN set; REFERENCE_FAULT=leak-secrets prints them, an"
            + " Authorization header and a long data URL; reference/good echoes a prompt holding them",
        "*** everywhere jgenkit writes: console, results.json, results.jsonl, junit.xml, report.md, report.html,"
            + " runtime.log; long data URLs shortened");
    String apiKey = "sk-planted-" + Long.toHexString(System.nanoTime()) + "-value";
    String token = "tok-planted-" + Long.toHexString(System.nanoTime()) + "-value";
    Path reports = tmp.resolve("r");
    String prompt = "my key is " + apiKey + " and the header is Authorization: Bearer " + token;
    String yaml = "- model: reference/good\n  tests:\n"
        + "    - name: echoes the secret and fails\n"
        + "      input: {messages: [{role: user, content: [{text: \"" + prompt + "\"}]}]}\n"
        + "      validators: ['text-includes:something else']\n"
        + "    - name: echoes the secret and passes\n"
        + "      input: {messages: [{role: user, content: [{text: \"" + prompt + "\"}]}]}\n"
        + "      validators: ['text-includes:my key is']\n";

    Outcome o = jgenkit(
        Map.of("REFERENCE_FAULT", "leak-secrets", "JGENKIT_PLANTED_API_KEY", apiKey, "MY_SERVICE_TOKEN", token),
        args(spec(yaml), reports, List.of(), REFERENCE));

    RunResult run = assertReportsComplete(reports, 2);
    row.exit(o.exit()).took(o.wall()).verdicts(verdicts(run));
    assertThat(o.exit()).as(o.console()).isEqualTo(1);
    assertThat(test(run, "echoes the secret and fails").reason()).contains("Text: my key is ***");
    List<String> checked = new ArrayList<>();
    Map<String, String> outputs = new LinkedHashMap<>();
    outputs.put("console", o.console());
    for (String f : List.of("results.json", "results.jsonl", "junit.xml", "report.md", "report.html", "runtime.log")) {
      outputs.put(f, Files.readString(reports.resolve(f), StandardCharsets.UTF_8));
    }
    for (var e : outputs.entrySet()) {
      assertThat(e.getValue()).as(e.getKey()).doesNotContain(apiKey).doesNotContain(token);
      checked.add(e.getKey());
    }
    String log = outputs.get("runtime.log");
    assertThat(log).contains("config JGENKIT_PLANTED_API_KEY=***").contains("config MY_SERVICE_TOKEN=***")
        .contains("Authorization: ***").contains("data:image/png;base64,iVBORw0KGgoAAAAA…(300 bytes)");
    assertThat(outputs.get("results.json")).contains("my key is ***");
    assertGone(o.descendants());
    assertBounded(o);
    row.note("no planted value in " + String.join(", ", checked) + "; data URL in the log shortened");
  }

  private static String abbreviate(String s, int max) {
    String one = s.lines().findFirst().orElse("");
    return one.length() <= max ? one : one.substring(0, max) + "…";
  }
}
