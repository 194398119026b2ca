package dev.jgenkit.junit;

import dev.jgenkit.runners.exec.ExecutionOptions;
import dev.jgenkit.runners.plan.PlannedTest;
import dev.jgenkit.runners.reflection.ReflectionClient;
import dev.jgenkit.runners.results.RuntimeInfo;
import dev.jgenkit.runners.results.SampleInfo;
import dev.jgenkit.runners.results.TestResult;
import dev.jgenkit.runners.results.Verdict;
import dev.jgenkit.runners.samples.SampleFlowsEngine;
import dev.jgenkit.runners.samples.SampleListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.FileEntry;
import org.junit.platform.engine.reporting.ReportEntry;

/**
 * Runs the selected samples of a samples directory through {@link SampleFlowsEngine}, as {@code
 * jgenkit sample-flows} does. A sample that is not started (variables unset, not a sample) is
 * skipped with the reason; a started one registers each flow as a dynamic test when it is called,
 * and a failed start as a failing {@code (start)} test.
 */
final class SampleFlowsRun {
  private final SamplesDescriptor samples;
  private final EngineExecutionListener listener;
  private final EngineSettings settings;
  private final String toolVersion;

  SampleFlowsRun(SamplesDescriptor samples, EngineExecutionListener listener, EngineSettings settings,
      String toolVersion) {
    this.samples = samples;
    this.listener = listener;
    this.settings = settings;
    this.toolVersion = toolVersion;
  }

  void execute() {
    List<SampleDescriptor> selected = samples.getChildren().stream()
        .filter(SampleDescriptor.class::isInstance).map(SampleDescriptor.class::cast).toList();
    if (selected.isEmpty()) {
      listener.executionSkipped(samples, "no samples selected");
      return;
    }
    ExecutionOptions exec = settings.options().execution();
    SampleFlowsEngine.Request request = new SampleFlowsEngine.Request(
        selected.stream().map(SampleDescriptor::entry).toList(),
        samples.plan(),
        settings.sampleJobs(),
        false,
        exec.with(settings.flowJobs(), exec.timeout()),
        settings.options().startupTimeout(),
        System.getenv(),
        settings.reportDir().resolve("samples"),
        samples.plan().map(p -> List.of(p.source().map(Path::toString).orElse(p.name()))).orElse(List.of()),
        toolVersion);
    Adapter adapter = new Adapter(selected);
    listener.executionStarted(samples);
    TestExecutionResult outcome = TestExecutionResult.successful();
    try {
      new SampleFlowsEngine(ReflectionClient.defaultHttpClient(), Clock.systemUTC()).run(request, adapter);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      outcome = TestExecutionResult.aborted(e);
    } catch (RuntimeException e) {
      outcome = TestExecutionResult.failed(e);
    }
    adapter.closeOpen();
    listener.executionFinished(samples, outcome);
  }

  /** Turns the engine's sample and flow events into JUnit events. */
  private final class Adapter implements SampleListener {
    private final List<SampleDescriptor> selected;
    private final Set<TestDescriptor> started = new HashSet<>();
    private final Set<TestDescriptor> done = new HashSet<>();

    Adapter(List<SampleDescriptor> selected) {
      this.selected = selected;
    }

    @Override
    public synchronized void sampleStarted(int position, SampleInfo sample) {
      SampleDescriptor d = selected.get(position);
      started.add(d);
      listener.executionStarted(d);
    }

    @Override
    public synchronized void flowStarted(int position, PlannedTest flow) {
      FlowDescriptor f = register(selected.get(position), flow);
      started.add(f);
      listener.executionStarted(f);
    }

    @Override
    public synchronized void flowFinished(int position, TestResult result) {
      SampleDescriptor d = selected.get(position);
      FlowDescriptor f = d.flow(result.test().name()).orElseGet(() -> register(d, result.test()));
      report(f, result);
    }

    @Override
    public synchronized void sampleFinished(int position, SampleInfo sample, List<TestResult> results) {
      SampleDescriptor d = selected.get(position);
      if (!started.contains(d)) {
        String reason = results.isEmpty() ? "not run" : results.get(0).reason();
        listener.executionSkipped(d, reason);
        done.add(d);
        return;
      }
      for (TestResult r : results) {
        if (d.flow(r.test().name()).isEmpty()) {
          report(register(d, r.test()), r);
        }
      }
      sample.runtime().ifPresent(rt -> publish(d, rt));
      listener.executionFinished(d, TestExecutionResult.successful());
      done.add(d);
    }

    private FlowDescriptor register(SampleDescriptor d, PlannedTest flow) {
      FlowDescriptor f = new FlowDescriptor(d.getUniqueId().append(FlowDescriptor.SEGMENT, flow.name()), flow, d,
          settings.longNames());
      d.addFlow(flow.name(), f);
      listener.dynamicTestRegistered(f);
      return f;
    }

    private void report(FlowDescriptor f, TestResult r) {
      if (done.contains(f)) {
        return;
      }
      if (r.verdict() == Verdict.SKIP && !started.contains(f)) {
        listener.executionSkipped(f, r.reason());
      } else {
        if (started.add(f)) {
          listener.executionStarted(f);
        }
        Verdicts.details(r).ifPresent(e -> listener.reportingEntryPublished(f, e));
        listener.executionFinished(f, Verdicts.result(r));
      }
      done.add(f);
    }

    private void publish(SampleDescriptor d, RuntimeInfo rt) {
      Map<String, String> m = new LinkedHashMap<>();
      m.put("runtimeUrl", rt.url());
      rt.genkitVersion().ifPresent(v -> m.put("genkitVersion", v));
      m.put("command", String.join(" ", rt.command()));
      m.values().removeIf(String::isBlank);
      if (!m.isEmpty()) {
        listener.reportingEntryPublished(d, ReportEntry.from(m));
      }
      rt.logFile().map(Path::of).filter(Files::isRegularFile)
          .ifPresent(log -> listener.fileEntryPublished(d, FileEntry.from(log, "text/plain")));
    }

    /** Closes what an aborted run left open: its flows, then the samples. */
    synchronized void closeOpen() {
      for (SampleDescriptor d : selected) {
        if (done.contains(d)) {
          continue;
        }
        if (!started.contains(d)) {
          listener.executionSkipped(d, "not run");
          continue;
        }
        for (TestDescriptor f : d.getChildren()) {
          if (!done.contains(f) && started.contains(f)) {
            listener.executionFinished(f, TestExecutionResult.aborted(null));
            done.add(f);
          }
        }
        listener.executionFinished(d, TestExecutionResult.aborted(null));
      }
    }
  }
}
