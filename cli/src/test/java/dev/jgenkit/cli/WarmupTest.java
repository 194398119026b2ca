package dev.jgenkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgenkit.reports.ConsoleStyle;
import dev.jgenkit.runners.plan.PlannedTest;
import dev.jgenkit.runners.results.RunResult;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The start-up head starts: reading the runtime URL ahead of parsing, and when reports warm up. */
class WarmupTest {
  @Test
  void findsTheRuntimeUrlInEitherSpellingBeforeTheRuntimeCommand() {
    assertThat(Warmup.runtimeUrl(List.of("test-model", "--from-file", "s.yaml", "--runtime-url", "http://h:1")))
        .contains("http://h:1");
    assertThat(Warmup.runtimeUrl(List.of("test-model", "--runtime-url=http://h:2", "m"))).contains("http://h:2");
    assertThat(Warmup.runtimeUrl(List.of("test-model", "m", "--", "node", "--runtime-url", "http://h:3"))).isEmpty();
    assertThat(Warmup.runtimeUrl(List.of("test-model", "--runtime-url"))).isEmpty();
    assertThat(Warmup.runtimeUrl(List.of("test-model", "m"))).isEmpty();
  }

  @Test
  void reportsWarmUpOnlyOnceTheFirstWaveOfTestsHasStarted() throws Exception {
    AtomicInteger sketches = new AtomicInteger();
    CountDownLatch sketched = new CountDownLatch(1);
    ReportWarmup warmup = new ReportWarmup(() -> {
      sketches.incrementAndGet();
      sketched.countDown();
      return Optional.<RunResult>empty();
    }, new ConsoleStyle(false, true), 2);
    List<PlannedTest> plan = List.of(planned(), planned(), planned());

    warmup.planStarted(plan);
    warmup.testStarted(plan.get(0));
    warmup.await();
    assertThat(sketches).hasValue(0);

    warmup.testStarted(plan.get(1));
    assertThat(sketched.await(10, TimeUnit.SECONDS)).isTrue();
    warmup.testStarted(plan.get(2));
    warmup.await();
    assertThat(sketches).hasValue(1);
  }

  @Test
  void aFinishedTestStartsTheWarmUpWhenTestsAreSkippedWithoutStarting() throws Exception {
    CountDownLatch sketched = new CountDownLatch(1);
    ReportWarmup warmup = new ReportWarmup(() -> {
      sketched.countDown();
      return Optional.<RunResult>empty();
    }, new ConsoleStyle(false, true), 16);
    PlannedTest t = planned();

    warmup.planStarted(List.of(t, planned()));
    warmup.testFinished(dev.jgenkit.runners.results.TestResult.skipped(t, "skipped"));

    assertThat(sketched.await(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void theWarmUpRendersAFinishedLookingRunWithEveryVerdict() {
    RunRecorder recorder = new RunRecorder();
    recorder.runtimeReady(new dev.jgenkit.runners.results.RuntimeInfo("http://localhost:1", Optional.empty(),
        List.of(), java.util.OptionalLong.empty(), Optional.empty(), Optional.empty()));
    List<PlannedTest> plan = new java.util.ArrayList<>();
    for (int i = 0; i < 40; i++) {
      plan.add(planned());
    }
    recorder.planStarted(plan);
    plan.forEach(recorder::testStarted);
    RunResult sketch = recorder.partial("v", List.of("s.yaml"), java.time.Instant.EPOCH, java.time.Instant.EPOCH).orElseThrow();

    RunResult warm = ReportWarmup.finishedLike(sketch);

    assertThat(sketch.interrupted()).isTrue();
    assertThat(warm.interrupted()).isFalse();
    assertThat(warm.results()).hasSize(16);
    assertThat(warm.results()).extracting(r -> r.verdict()).contains(
        dev.jgenkit.runners.results.Verdict.PASS, dev.jgenkit.runners.results.Verdict.FAIL,
        dev.jgenkit.runners.results.Verdict.ERROR, dev.jgenkit.runners.results.Verdict.SKIP);
  }

  private static PlannedTest planned() {
    return new PlannedTest(0, 0, "fake/good", FakeRuntime.GOOD_KEY, "t", Optional.empty(),
        FakeRuntime.MAPPER.createObjectNode(), List.of("text-not-empty"), false, Optional.empty(),
        Optional.empty(), new dev.jgenkit.specs.Location(java.nio.file.Path.of("s.yaml"), 1, 1));
  }
}
