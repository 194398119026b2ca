package dev.jgenkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jgenkit.cli.FakeRuntime.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parallel inside, stable outside: {@code -j 1} and {@code -j 8} write the same results.json and
 * print the same tree once times are removed, although responses finish in random order.
 */
class ConcurrencyDeterminismTest {
  private static final List<String> TIMING_FIELDS =
      List.of("durationMillis", "timeToFirstChunkMillis", "startedAt", "finishedAt");

  @TempDir Path dir;

  private FakeRuntime fake;
  private Cli cli;

  @BeforeEach
  void start() throws Exception {
    fake = FakeRuntime.start();
    cli = Cli.in(dir);
    // two suites on two models, 11 tests, streamed and not, passing, failing and erroring
    fake.actions(
        FakeRuntime.GOOD_ACTIONS.substring(0, FakeRuntime.GOOD_ACTIONS.length() - 1)
            + ",\"/model/fake/other\":{\"key\":\"/model/fake/other\",\"name\":\"fake/other\"}}");
    StringBuilder spec = new StringBuilder();
    spec.append("- model: fake/good\n  supports: [multiturn, system-role, streaming-multiturn]\n  tests:\n");
    for (int i = 1; i <= 6; i++) {
      spec.append(test("Echo " + i, "word" + i, i % 2 == 0, i == 5 ? "nothing" : "word" + i));
    }
    spec.append("- model: fake/other\n  tests:\n");
    spec.append(test("Other echo", "kiwi", false, "kiwi"));
    spec.append(test("Other boom", "boom", false, "boom"));
    cli.write("spec.yaml", spec.toString());
    fake.respond(
        call -> {
          String text = call.lastUserText();
          Reply reply =
              text.equals("boom")
                  ? Reply.error(14, "unavailable right now")
                  : Reply.answer(call, text.startsWith("word") || text.equals("kiwi")
                      ? "RESPONSE: " + text + " Genkit"
                      : FakeRuntime.DEFAULT_ANSWER);
          return reply.withHeadersDelay(Duration.ofMillis(ThreadLocalRandom.current().nextInt(5, 60)));
        });
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  private static String test(String name, String prompt, boolean stream, String expect) {
    return "    - name: " + name + "\n"
        + "      stream: " + stream + "\n"
        + "      input: {messages: [{role: user, content: [{text: " + prompt + "}]}]}\n"
        + "      validators: [" + (stream ? "stream-text-includes:" : "text-includes:") + expect + "]\n";
  }

  @Test
  void oneJobAndEightJobsWriteTheSameResultsApartFromTimes() throws Exception {
    // when
    Cli.Result serial = run("1", "serial");
    Cli.Result parallel = run("8", "parallel");

    // then
    assertThat(serial.exitCode()).as(serial.toString()).isEqualTo(1);
    assertThat(parallel.exitCode()).as(parallel.toString()).isEqualTo(1);
    JsonNode a = withoutTimes(Cli.resultsJson(dir.resolve("serial")));
    JsonNode b = withoutTimes(Cli.resultsJson(dir.resolve("parallel")));
    assertThat(a.path("tests")).hasSize(11);
    assertThat(a.path("summary").toString())
        .isEqualTo("{\"total\":11,\"passed\":9,\"failed\":1,\"errored\":1,\"skipped\":0}");
    assertThat(b).isEqualTo(a);
    assertThat(TestModelPassesTest.field(b, "index"))
        .containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10");

    // and the console tree (times masked) is the same too, in plan order
    assertThat(ConsoleTreeGoldenTest.mask(parallel.out(), dir, fake))
        .isEqualTo(ConsoleTreeGoldenTest.mask(serial.out(), dir, fake)
            .replace("<DIR>/serial/", "<DIR>/parallel/"));
    assertThat(fake.runActionCalls()).hasSize(22);
  }

  @Test
  void junitXmlIsTheSameApartFromTimesToo() throws Exception {
    // when
    run("1", "serial");
    run("8", "parallel");

    // then
    String a = Files.readString(dir.resolve("serial/junit.xml"));
    String b = Files.readString(dir.resolve("parallel/junit.xml"));
    assertThat(maskXmlTimes(b)).isEqualTo(maskXmlTimes(a));
  }

  private Cli.Result run(String jobs, String reportDir) {
    return cli.run(
        "test-model", "--from-file", "spec.yaml", "--runtime-url", fake.url(), "-j", jobs,
        "--report-dir", reportDir);
  }

  private static String maskXmlTimes(String xml) {
    return xml.replaceAll("time=\"[^\"]*\"", "time=\"T\"")
        .replaceAll("timestamp=\"[^\"]*\"", "timestamp=\"T\"")
        .replaceAll("(?m)^(\\s*)(duration|timeToFirstChunk): .*$", "$1$2: T");
  }

  static JsonNode withoutTimes(JsonNode results) {
    ObjectNode copy = results.deepCopy();
    copy.remove(TIMING_FIELDS);
    copy.path("tests").forEach(t -> ((ObjectNode) t).remove(TIMING_FIELDS));
    return copy;
  }
}
