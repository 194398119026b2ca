package dev.jgenkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jgenkit.cli.FakeRuntime.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** test-model on the named runtimes of a jgenkit.yaml: one run, one matrix, runtime × model. */
class MultiRuntimeTest {
  @TempDir Path dir;

  private FakeRuntime a;
  private FakeRuntime b;
  private Cli cli;

  private static final String SPEC =
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
      """;

  @BeforeEach
  void start() throws Exception {
    a = FakeRuntime.start();
    b = FakeRuntime.start().respond(call -> Reply.answer(call, "RESPONSE: goodbye"));
    cli = Cli.in(dir);
    cli.write("spec.yaml", SPEC);
    cli.write(
        "jgenkit.yaml",
        "specs: [spec.yaml]\nruntimes:\n  a:\n    url: " + a.url() + "\n  b:\n    url: " + b.url() + "\n");
  }

  @AfterEach
  void stop() {
    a.close();
    b.close();
  }

  @Test
  void everyConfiguredRuntimeRunsTheSameSpecsIntoOneReport() throws Exception {
    // when: no --runtime, no -- CMD, a jgenkit.yaml in the project root
    Cli.Result r = cli.run("test-model", "--report-dir", "out");

    // then: b (which says goodbye) fails both tests, a passes both
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertThat(r.out()).contains("── runtime a: attaching to " + a.url())
        .contains("fake/good @ a").contains("fake/good @ b")
        .contains("Runtime a: " + a.url()).contains("Runtime b: " + b.url());
    JsonNode doc = FakeRuntime.MAPPER.readTree(dir.resolve("out/results.json").toFile());
    assertThat(doc.get("runtimes").findValuesAsText("name")).containsExactly("a", "b");
    assertThat(doc.get("tests")).hasSize(4);
    for (JsonNode t : doc.get("tests")) {
      String expected = t.get("runtime").asText().equals("b") ? "FAIL" : "PASS";
      assertThat(t.get("verdict").asText()).as(t.toString()).isEqualTo(expected);
    }
    String junit = Files.readString(dir.resolve("out/junit.xml"));
    assertThat(junit).contains("<testsuite name=\"fake/good @ a\"").contains("<testsuite name=\"fake/good @ b\"");
    assertThat(Files.readString(dir.resolve("out/report.md")))
        .contains("| Capability / test | fake/good<br>a | fake/good<br>b |");
    assertThat(Files.readAllLines(dir.resolve("out/results.jsonl"))).hasSize(4)
        .anyMatch(l -> l.contains("\"runtime\":\"b\""));
  }

  @Test
  void runtimeSelectsAndOrdersTheRuntimes() throws Exception {
    // when
    Cli.Result r = cli.run("test-model", "--runtime", "b", "--report-dir", "out");

    // then
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    JsonNode doc = FakeRuntime.MAPPER.readTree(dir.resolve("out/results.json").toFile());
    assertThat(doc.get("runtimes").findValuesAsText("name")).containsExactly("b");
    assertThat(a.runActionCalls()).isEmpty();
  }

  @Test
  void failFastSkipsTheRuntimesAfterTheFirstFailingOne() throws Exception {
    // when
    Cli.Result r =
        cli.run("test-model", "--runtime", "b", "--runtime", "a", "--fail-fast", "--report-dir", "out");

    // then
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    JsonNode doc = FakeRuntime.MAPPER.readTree(dir.resolve("out/results.json").toFile());
    for (JsonNode t : doc.get("tests")) {
      if (t.get("runtime").asText().equals("a")) {
        assertThat(t.get("verdict").asText()).isEqualTo("SKIP");
        assertThat(t.get("reason").asText()).isEqualTo("not run: --fail-fast");
      }
    }
    assertThat(a.runActionCalls()).isEmpty();
  }

  @Test
  void anUnknownRuntimeIsAUsageErrorNamingTheAvailableOnes() {
    // when
    Cli.Result r = cli.run("test-model", "--runtime", "c");

    // then
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("--runtime: no runtime 'c' in").contains("available: a, b");
  }

  @Test
  void aBrokenProjectFileIsALocatedErrorWithADidYouMean() throws Exception {
    // given
    cli.write("jgenkit.yaml", "runtimes:\n  a:\n    url: " + a.url() + "\n    modles: [fake/good]\n");

    // when
    Cli.Result r = cli.run("test-model", "--from-file", "spec.yaml", "--runtime", "a");

    // then
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("jgenkit.yaml:4:5: unknown runtime key 'modles'")
        .contains("hint: did you mean 'models'?");
    assertThat(a.runActionCalls()).isEmpty();
  }

  @Test
  void aRuntimeCommandStillRunsOnItsOwnRuntimeWhenAProjectFileIsPresent() throws Exception {
    // when: --runtime-url means a plain single-runtime run
    Cli.Result r =
        cli.run("test-model", "--from-file", "spec.yaml", "--runtime-url", a.url(), "--report-dir", "out");

    // then
    assertThat(r.exitCode()).as(r.toString()).isZero();
    JsonNode doc = FakeRuntime.MAPPER.readTree(dir.resolve("out/results.json").toFile());
    assertThat(doc.get("runtimes")).hasSize(1);
    assertThat(doc.get("runtimes").get(0).get("name").isNull()).isTrue();
    assertThat(b.runActionCalls()).isEmpty();
  }

  @Test
  void aRuntimeThatCannotBeReachedErrorsItsTestsAndTheOthersStillRun() throws Exception {
    // given
    b.close();

    // when
    Cli.Result r = cli.run("test-model", "--report-dir", "out");

    // then
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    JsonNode doc = FakeRuntime.MAPPER.readTree(dir.resolve("out/results.json").toFile());
    for (JsonNode t : doc.get("tests")) {
      boolean onB = t.get("runtime").asText().equals("b");
      assertThat(t.get("verdict").asText()).isEqualTo(onB ? "ERROR" : "PASS");
      if (onB) {
        assertThat(t.get("reason").asText()).startsWith("runtime b unavailable: ");
      }
    }
  }
}
