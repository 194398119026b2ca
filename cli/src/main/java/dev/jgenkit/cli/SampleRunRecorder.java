package dev.jgenkit.cli;

import dev.jgenkit.runners.results.RunResult;
import dev.jgenkit.runners.results.RuntimeInfo;
import dev.jgenkit.runners.results.SampleInfo;
import dev.jgenkit.runners.results.TestResult;
import dev.jgenkit.runners.samples.SampleListener;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Remembers the samples a sample-flows run has finished, in run order, so Ctrl-C can write a
 * partial report from the interrupt hook itself (the JVM exits right after the hooks).
 */
public final class SampleRunRecorder implements SampleListener {
  private Object[][] done = new Object[0][];

  @Override
  public synchronized void runStarted(List<String> samples) {
    done = new Object[samples.size()][];
  }

  @Override
  public synchronized void sampleFinished(int position, SampleInfo sample, List<TestResult> results) {
    if (position < done.length) {
      done[position] = new Object[] {sample, List.copyOf(results)};
    }
  }

  /** The finished samples so far, as a run marked interrupted. */
  public synchronized RunResult partial(
      String toolVersion, List<String> sources, Instant startedAt, Instant now) {
    List<SampleInfo> infos = new ArrayList<>();
    List<TestResult> all = new ArrayList<>();
    int suite = 0;
    for (Object[] d : done) {
      if (d == null) {
        continue;
      }
      infos.add((SampleInfo) d[0]);
      @SuppressWarnings("unchecked")
      List<TestResult> rs = (List<TestResult>) d[1];
      for (TestResult r : rs) {
        all.add(r.at(all.size(), suite));
      }
      suite++;
    }
    RuntimeInfo none = new RuntimeInfo("", Optional.empty(), List.of(), OptionalLong.empty(),
        Optional.empty(), Optional.empty());
    return new RunResult("jgenkit", toolVersion, sources, none, startedAt, now, all, true,
        RunResult.SAMPLE_FLOWS, infos);
  }
}
