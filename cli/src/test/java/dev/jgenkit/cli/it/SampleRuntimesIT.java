package dev.jgenkit.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgenkit.runners.exec.ExecutionOptions;
import dev.jgenkit.runners.reflection.ReflectionClient;
import dev.jgenkit.runners.results.RunResult;
import dev.jgenkit.runners.results.Verdict;
import dev.jgenkit.runners.samples.SampleFlowsEngine;
import dev.jgenkit.runners.samples.SamplePlanner;
import dev.jgenkit.runners.samples.SampleRuntimes;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A session's samples stay running between runs (interactive mode) and stop when it closes. */
class SampleRuntimesIT {
  @TempDir Path tmp;

  @Test
  void aSampleStartedForOneRunIsReusedByTheNextAndStoppedAtTheEnd() throws Exception {
    // given
    Path samples = JGenkitBinary.projectDir().resolve("samples");
    var selection = SamplePlanner.select(samples, Optional.empty(), List.of("reference"), Set.of());
    SampleFlowsEngine.Request request = new SampleFlowsEngine.Request(selection.entries(), Optional.empty(), 1,
        false, new ExecutionOptions(1, Duration.ofSeconds(30), 0, Duration.ofSeconds(1), Duration.ofSeconds(5)),
        Duration.ofSeconds(60), Map.of(), tmp, List.of(), "test");
    Map<String, Long> pids;
    try (SampleRuntimes runtimes = new SampleRuntimes()) {
      // when two runs go through engines sharing the runtimes
      RunResult first = new SampleFlowsEngine(ReflectionClient.defaultHttpClient(), Clock.systemUTC(), runtimes)
          .run(request, dev.jgenkit.runners.samples.SampleListener.NONE);
      pids = runtimes.pids();
      RunResult second = new SampleFlowsEngine(ReflectionClient.defaultHttpClient(), Clock.systemUTC(), runtimes)
          .run(request, dev.jgenkit.runners.samples.SampleListener.NONE);

      // then both passed on the same process, still running between the runs
      assertThat(first.results()).extracting(r -> r.verdict()).containsOnly(Verdict.PASS);
      assertThat(second.results()).extracting(r -> r.verdict()).containsOnly(Verdict.PASS);
      assertThat(first.samples().get(0).runtime().orElseThrow().pid())
          .isEqualTo(second.samples().get(0).runtime().orElseThrow().pid());
      assertThat(pids).containsKey("reference");
      assertThat(ProcessHandle.of(pids.get("reference")).map(ProcessHandle::isAlive)).contains(true);
    }
    // and closing the session stopped it
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (ProcessHandle.of(pids.get("reference")).map(ProcessHandle::isAlive).orElse(false)) {
      assertThat(System.nanoTime()).isLessThan(deadline);
      Thread.sleep(50);
    }
  }
}
