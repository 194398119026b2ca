package dev.jgenkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;

import dev.jgenkit.runners.runtime.RuntimeUnavailableException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineDiscoveryResults;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.opentest4j.TestAbortedException;

/**
 * Secrets of the engine's environment (a planted one here) never reach the platform or a runtime
 * log: failure and error messages, container failures with the log tail, skip reasons, report
 * entries, and the runtime log file are masked.
 */
class SecretsTest {
  private static final String PLANTED = "planted-s3cr3t-value-4711";
  private static final Map<String, String> ENV = Map.of("JGENKIT_PLANTED_API_KEY", PLANTED, "HOME", "/home/x");

  @TempDir Path tmp;
  FakeRuntime runtime;

  @BeforeEach
  void start() throws IOException {
    runtime = new FakeRuntime();
  }

  @AfterEach
  void stop() throws IOException {
    runtime.close();
  }

  private static Throwable thrown(Event e) {
    return e.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
  }

  @Test
  void failureMessagesAndDiscoveryIssuesHoldingASecretAreMasked() throws IOException {
    // A validator quoting the secret (in its FAIL message), and a spec with an unknown key that
    // is the secret (quoted by its discovery issue).
    Path spec = Files.writeString(tmp.resolve("spec.yaml"), """
        - model: fake/good
          tests:
            - name: quotes the secret
              input: {messages: [{role: user, content: [{text: hi}]}]}
              validators: [text-includes:%s]
        """.formatted(PLANTED));
    Path broken = Files.writeString(tmp.resolve("broken.yaml"), """
        - model: fake/good
          tests:
            - name: unknown key
              input: {messages: [{role: user, content: [{text: hi}]}]}
              %s: true
        """.formatted(PLANTED));

    EngineExecutionResults r = EngineTestKit.engine(new JGenkitTestEngine(() -> ENV))
        .selectors(selectFile(spec.toFile()))
        .configurationParameter(JGenkitParameters.RUNTIME_URL, runtime.url())
        .configurationParameter(JGenkitParameters.REPORT_DIR, tmp.resolve("reports").toString())
        .execute();
    EngineDiscoveryResults d = EngineTestKit.engine(new JGenkitTestEngine(() -> ENV))
        .selectors(selectFile(broken.toFile()))
        .configurationParameter(JGenkitParameters.RUNTIME_URL, runtime.url())
        .discover();

    r.testEvents().assertStatistics(s -> s.started(1).failed(1));
    Throwable failure = thrown(r.testEvents().failed().stream().findFirst().orElseThrow());
    assertThat(failure).isInstanceOf(TestFailedError.class)
        .hasMessageContaining("does not include '***'").hasMessageNotContaining(PLANTED);
    assertThat(r.allEvents().stream().map(Event::toString)).noneMatch(s -> s.contains(PLANTED));
    assertThat(d.getDiscoveryIssues()).isNotEmpty()
        .allSatisfy(i -> assertThat(i.message()).doesNotContain(PLANTED))
        .anySatisfy(i -> assertThat(i.message()).contains("***"));
  }

  @Test
  void aStartedRuntimesLogAndTheFailureQuotingItAreMasked() throws IOException {
    Path spec = Files.writeString(tmp.resolve("spec.yaml"), "- model: fake/good\n  supports: [multiturn]\n");

    EngineExecutionResults r = EngineTestKit.engine(new JGenkitTestEngine(() -> ENV))
        .selectors(selectFile(spec.toFile()))
        .configurationParameter(JGenkitParameters.RUNTIME_COMMAND,
            "sh -c 'echo careless app: api key " + PLANTED + "; exit 3'")
        .configurationParameter(JGenkitParameters.RUNTIME_DIR, tmp.toString())
        .configurationParameter(JGenkitParameters.REPORT_DIR, tmp.resolve("reports").toString())
        .execute();

    Event failed = r.containerEvents().failed().stream()
        .filter(e -> e.getTestDescriptor() instanceof RuntimeDescriptor).findFirst().orElseThrow();
    Throwable t = thrown(failed);
    assertThat(t.getMessage()).contains("exited with code 3").contains("| careless app: api key ***")
        .doesNotContain(PLANTED);
    assertThat(t).hasToString(RuntimeUnavailableException.class.getName() + ": " + t.getMessage());
    assertThat(tmp.resolve("reports/runtime.log")).content()
        .contains("careless app: api key ***").doesNotContain(PLANTED);
  }

  @Test
  void skipReasonsReportEntriesAndAbortsAreMaskedAndCleanOnesPassUnchanged() {
    dev.jgenkit.reports.Redaction.maskSecretsFrom(ENV);
    List<Object> seen = new ArrayList<>();
    EngineExecutionListener sink = new EngineExecutionListener() {
      @Override
      public void executionSkipped(TestDescriptor d, String reason) {
        seen.add(reason);
      }

      @Override
      public void executionFinished(TestDescriptor d, TestExecutionResult result) {
        seen.add(result);
      }

      @Override
      public void reportingEntryPublished(TestDescriptor d, ReportEntry entry) {
        seen.add(entry);
      }
    };
    RedactingListener l = new RedactingListener(sink);
    TestExecutionResult clean = TestExecutionResult.failed(new IllegalStateException("nothing secret"));

    l.executionSkipped(null, "needs " + PLANTED);
    l.reportingEntryPublished(null, ReportEntry.from(Map.of("finishReason", "echo " + PLANTED, "traceId", "t1")));
    l.executionFinished(null, TestExecutionResult.aborted(new TestAbortedException("abort " + PLANTED)));
    l.executionFinished(null, TestExecutionResult.failed(
        new AssertionError("outer", new IllegalStateException("inner " + PLANTED))));
    l.executionFinished(null, clean);

    assertThat(seen.get(0)).isEqualTo("needs ***");
    assertThat(((ReportEntry) seen.get(1)).getKeyValuePairs())
        .containsEntry("finishReason", "echo ***").containsEntry("traceId", "t1");
    Throwable aborted = ((TestExecutionResult) seen.get(2)).getThrowable().orElseThrow();
    assertThat(((TestExecutionResult) seen.get(2)).getStatus()).isEqualTo(TestExecutionResult.Status.ABORTED);
    assertThat(aborted).isInstanceOf(TestAbortedException.class).hasMessage("abort ***");
    Throwable failed = ((TestExecutionResult) seen.get(3)).getThrowable().orElseThrow();
    assertThat(failed).isInstanceOf(AssertionError.class).hasMessage("outer");
    assertThat(failed.getCause()).hasToString("java.lang.IllegalStateException: inner ***");
    assertThat(seen.get(4)).isSameAs(clean);
  }
}
