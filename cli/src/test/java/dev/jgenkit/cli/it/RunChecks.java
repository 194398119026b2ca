package dev.jgenkit.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jgenkit.reports.ResultsJsonReader;
import dev.jgenkit.runners.results.RunResult;
import dev.jgenkit.runners.results.TestResult;
import dev.jgenkit.runners.results.Verdict;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Checks shared by the fault-injection cases: reports complete and well formed, no process left. */
final class RunChecks {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private RunChecks() {}

  /**
   * Remembers every descendant of a running jgenkit process (polled every 50 ms until it exits),
   * so that afterwards each one can be checked gone.
   */
  static final class Descendants {
    private final Set<Long> seen = ConcurrentHashMap.newKeySet();
    private final Thread poller;

    Descendants(Process p) {
      poller = new Thread(() -> {
        while (p.isAlive()) {
          p.descendants().forEach(h -> seen.add(h.pid()));
          try {
            Thread.sleep(50);
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "descendant-poller");
      poller.setDaemon(true);
      poller.start();
    }

    Set<Long> seen() throws InterruptedException {
      poller.join(5000);
      return Set.copyOf(seen);
    }
  }

  /** Waits (15 s at most: SIGTERM, the 5 s grace, SIGKILL, reaping, under load) until each is gone. */
  static void assertGone(Set<Long> pids) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    for (long pid : pids) {
      while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
        assertThat(System.nanoTime()).as("process %d still alive", pid).isLessThan(deadline);
        Thread.sleep(50);
      }
    }
  }

  /**
   * results.json reads back through its schema, junit.xml parses and agrees with it test for test,
   * and results.jsonl has one well-formed line per finished test. Returns the run.
   */
  static RunResult assertReportsComplete(Path reports, int tests) throws Exception {
    RunResult run = ResultsJsonReader.read(reports.resolve("results.json"));
    assertThat(run.results()).as("tests in results.json").hasSize(tests);
    Document junit = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(reports.resolve("junit.xml").toFile());
    NodeList cases = junit.getElementsByTagName("testcase");
    assertThat(cases.getLength()).as("testcases in junit.xml").isEqualTo(tests);
    int failures = 0;
    int errors = 0;
    int skipped = 0;
    for (int i = 0; i < cases.getLength(); i++) {
      Element c = (Element) cases.item(i);
      failures += c.getElementsByTagName("failure").getLength();
      errors += c.getElementsByTagName("error").getLength();
      skipped += c.getElementsByTagName("skipped").getLength();
    }
    assertThat(failures).as("junit.xml failures").isEqualTo((int) run.count(Verdict.FAIL));
    assertThat(errors).as("junit.xml errors").isEqualTo((int) run.count(Verdict.ERROR));
    assertThat(skipped).as("junit.xml skipped").isEqualTo((int) run.count(Verdict.SKIP));
    Path jsonl = reports.resolve("results.jsonl");
    if (Files.exists(jsonl)) {
      var lines = Files.readAllLines(jsonl, StandardCharsets.UTF_8);
      for (String l : lines) {
        assertThat(MAPPER.readTree(l).path("verdict").isTextual()).as("results.jsonl line %s", l).isTrue();
      }
      if (!run.interrupted()) {
        assertThat(lines).as("results.jsonl lines").hasSize(tests);
      }
    }
    return run;
  }

  /** {@code PASS×2 ERROR×6} in plan order of first appearance. */
  static String verdicts(RunResult run) {
    return run.results().stream()
        .collect(Collectors.groupingBy(r -> r.verdict().name(), java.util.LinkedHashMap::new, Collectors.counting()))
        .entrySet().stream().map(e -> e.getKey() + "×" + e.getValue()).collect(Collectors.joining(" "));
  }

  static TestResult test(RunResult run, String name) {
    return run.results().stream().filter(r -> r.test().name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no test " + name));
  }

  static JsonNode json(Path file) throws Exception {
    return MAPPER.readTree(file.toFile());
  }
}
