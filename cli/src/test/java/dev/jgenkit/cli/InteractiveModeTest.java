package dev.jgenkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgenkit.cli.picker.ItemResult;
import dev.jgenkit.cli.picker.PickerItem;
import dev.jgenkit.cli.picker.PickerSession;
import dev.jgenkit.cli.picker.TestModelSession;
import dev.jgenkit.reports.ConsoleStyle;
import dev.jgenkit.runners.RuntimeTarget;
import dev.jgenkit.runners.TestModelEngine;
import dev.jgenkit.runners.exec.ExecutionOptions;
import dev.jgenkit.runners.plan.Planner;
import dev.jgenkit.runners.results.Verdict;
import dev.jgenkit.specs.SpecFile;
import dev.jgenkit.specs.SpecLoader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -i} without a terminal refuses with a one-line hint; a picker session runs exactly the
 * chosen tests through the engine and hands back their verdicts (no terminal needed).
 */
class InteractiveModeTest {
  @TempDir Path dir;
  @TempDir Path reports;

  private FakeRuntime fake;

  @BeforeEach
  void start() throws Exception {
    fake = FakeRuntime.start();
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void withoutATerminalDashIRefusesWithAOneLineHintAndRunsNothing() throws Exception {
    Cli cli = Cli.in(dir);
    cli.write("spec.yaml", "- model: fake/good\n  supports: [multiturn]\n");

    Cli.Result tm = cli.run("test-model", "-i", "--from-file", "spec.yaml", "--runtime-url", fake.url());
    Cli.Result sf = cli.run("sample-flows", "--interactive");

    assertThat(tm.exitCode()).as(tm.toString()).isEqualTo(ExitCode.USAGE);
    assertThat(tm.err().lines()).singleElement().asString()
        .startsWith("jgenkit: -i needs an interactive terminal")
        .contains("jgenkit test-model --from-file SPEC");
    assertThat(sf.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(sf.err().lines()).singleElement().asString().contains("jgenkit sample-flows [SAMPLE|GLOB...]");
    assertThat(fake.runActionCalls()).isEmpty();
  }

  @Test
  void aRunOfTheChosenItemsRunsOnlyThoseAndReportsTheirVerdicts() throws Exception {
    // given a session over a spec of two built-ins and a custom test the fake fails
    SpecFile spec = SpecLoader.load(dir.resolve("spec.yaml"), """
        - model: fake/good
          supports: [multiturn, system-role]
          tests:
            - name: Says bye
              input: {messages: [{role: user, content: [{text: hi}]}]}
              validators: [text-includes:bye]
        """);
    TestModelEngine.Request request = new TestModelEngine.Request(List.of(spec), List.of(spec.path().toString()),
        new Planner.Options(List.of(), false, false),
        new ExecutionOptions(2, Duration.ofSeconds(10), 0, Duration.ofSeconds(1), Duration.ofSeconds(1)),
        new RuntimeTarget.Url(fake.url()), Duration.ofSeconds(10), "test");
    try (TestModelSession session = new TestModelSession(request, reports, ConsoleStyle.PLAIN, hook -> () -> {})) {
      List<PickerItem> items = session.items();
      assertThat(items).extracting(PickerItem::label).containsExactly(
          "fake/good › Multiturn Conformance", "fake/good › System Role Conformance", "fake/good › Says bye");
      assertThat(session.preview(items.get(2))).contains("validators: text-includes:bye");
      assertThat(session.reopenArgs()).containsExactly("test-model", "--from-file", spec.path().toString(),
          "--runtime-url", fake.url());

      // when the first and the last are run
      StringWriter screen = new StringWriter();
      PickerSession.Outcome outcome = session.run(List.of(items.get(0), items.get(2)), new PrintWriter(screen));

      // then only those two ran, the custom one failed, and the reports cover just them
      assertThat(fake.runActionCalls()).hasSize(2);
      assertThat(outcome.exitCode()).isEqualTo(ExitCode.TESTS_FAILED);
      assertThat(outcome.results()).containsOnlyKeys(items.get(0).key(), items.get(2).key());
      assertThat(outcome.results().get(items.get(0).key()).verdict()).isEqualTo(Verdict.PASS);
      ItemResult bye = outcome.results().get(items.get(2).key());
      assertThat(bye.verdict()).isEqualTo(Verdict.FAIL);
      assertThat(bye.reason()).isNotBlank();
      assertThat(screen.toString()).contains("✓ Multiturn Conformance").contains("✗ Says bye")
          .contains("1 passed, 1 failed").contains("Reports: ");
      assertThat(Cli.resultsJson(reports).path("tests")).hasSize(2);
    }
  }

  @Test
  void anUnreachableRuntimeIsExitCodeThreeAndNoVerdicts() throws Exception {
    SpecFile spec = SpecLoader.load(dir.resolve("spec.yaml"), "- model: fake/good\n  supports: [multiturn]\n");
    fake.close();
    TestModelEngine.Request request = new TestModelEngine.Request(List.of(spec), List.of("spec.yaml"),
        new Planner.Options(List.of(), false, false),
        new ExecutionOptions(1, Duration.ofSeconds(5), 0, Duration.ofSeconds(1), Duration.ofSeconds(1)),
        new RuntimeTarget.Url(fake.url()), Duration.ofSeconds(2), "test");
    try (TestModelSession session = new TestModelSession(request, reports, ConsoleStyle.PLAIN, hook -> () -> {})) {
      StringWriter screen = new StringWriter();

      PickerSession.Outcome outcome = session.run(session.items(), new PrintWriter(screen));

      assertThat(outcome.exitCode()).isEqualTo(ExitCode.RUNTIME_UNAVAILABLE);
      assertThat(outcome.results()).isEmpty();
      assertThat(screen.toString()).contains("jgenkit: no Genkit runtime answers at");
    }
  }
}
