package dev.jgenkit.runners.samples;

import dev.jgenkit.runners.plan.PlannedTest;
import dev.jgenkit.runners.results.SampleInfo;
import dev.jgenkit.runners.results.TestResult;
import java.util.List;

/**
 * Live progress of a sample-flows run. Called from worker threads (several samples may run at
 * once); implementations must be thread-safe. {@code position} is the sample's place in run order.
 */
public interface SampleListener {
  SampleListener NONE = new SampleListener() {};

  /** The ordered list of samples about to be considered. */
  default void runStarted(List<String> samples) {}

  default void sampleStarted(int position, SampleInfo sample) {}

  /** One flow is about to be called (flows planned as skipped are only reported finished). */
  default void flowStarted(int position, PlannedTest flow) {}

  /** One flow finished (its result carries the local index within the sample). */
  default void flowFinished(int position, TestResult result) {}

  /** A sample is done: skipped, failed to start, or every flow judged. */
  default void sampleFinished(int position, SampleInfo sample, List<TestResult> results) {}
}
