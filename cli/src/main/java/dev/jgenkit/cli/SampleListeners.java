package dev.jgenkit.cli;

import dev.jgenkit.runners.results.SampleInfo;
import dev.jgenkit.runners.results.TestResult;
import dev.jgenkit.runners.samples.SampleListener;
import java.util.List;

/** Fans one sample-flows run's events out to several listeners, in order. */
final class SampleListeners implements SampleListener {
  private final List<SampleListener> all;

  SampleListeners(SampleListener... all) {
    this.all = List.of(all);
  }

  @Override
  public void runStarted(List<String> samples) {
    all.forEach(l -> l.runStarted(samples));
  }

  @Override
  public void sampleStarted(int position, SampleInfo sample) {
    all.forEach(l -> l.sampleStarted(position, sample));
  }

  @Override
  public void flowStarted(int position, dev.jgenkit.runners.plan.PlannedTest flow) {
    all.forEach(l -> l.flowStarted(position, flow));
  }

  @Override
  public void flowFinished(int position, TestResult result) {
    all.forEach(l -> l.flowFinished(position, result));
  }

  @Override
  public void sampleFinished(int position, SampleInfo sample, List<TestResult> results) {
    all.forEach(l -> l.sampleFinished(position, sample, results));
  }
}
