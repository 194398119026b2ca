package dev.jgenkit.junit;

import dev.jgenkit.runners.RuntimeTarget;
import dev.jgenkit.runners.TestModelEngine;
import dev.jgenkit.runners.exec.RunListener;
import dev.jgenkit.runners.plan.PlannedTest;
import dev.jgenkit.runners.plan.Planner;
import dev.jgenkit.runners.results.RunResult;
import dev.jgenkit.runners.results.RuntimeInfo;
import dev.jgenkit.runners.results.TestResult;
import dev.jgenkit.runners.results.Verdict;
import dev.jgenkit.runners.runtime.RuntimeUnavailableException;
import dev.jgenkit.specs.SpecFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.FileEntry;
import org.junit.platform.engine.reporting.ReportEntry;

/**
 * Runs the selected model tests of one runtime through {@link TestModelEngine}, exactly as {@code
 * jgenkit test-model} does (one bounded pool, timeouts that cancel, the runtime started and stopped
 * once), and reports each result to JUnit as it arrives. Model containers start with their first
 * test and finish with their last.
 */
final class ModelTestRun {
  private final RuntimeDescriptor runtime;
  private final EngineExecutionListener listener;
  private final ModelRunHooks hooks;
  private final Path workingDir;
  private final String toolVersion;

  ModelTestRun(RuntimeDescriptor runtime, EngineExecutionListener listener, ModelRunHooks hooks,
      Path workingDir, String toolVersion) {
    this.runtime = runtime;
    this.listener = listener;
    this.hooks = hooks;
    this.workingDir = workingDir;
    this.toolVersion = toolVersion;
  }

  void execute(Path logFile) {
    Map<String, List<ModelTestDescriptor>> bySpec = new LinkedHashMap<>();
    for (TestDescriptor d : runtime.getDescendants()) {
      if (d instanceof ModelTestDescriptor t) {
        bySpec.computeIfAbsent(t.specKey(), k -> new ArrayList<>()).add(t);
      }
    }
    if (bySpec.isEmpty()) {
      listener.executionSkipped(runtime, "no model tests selected");
      return;
    }
    Optional<TestModelEngine.Request> prepared = hooks.prepared();
    // The specs in request order, keyed as the descriptors know them.
    Map<String, SpecFile> specs = new LinkedHashMap<>();
    List<String> names = new ArrayList<>();
    if (prepared.isPresent()) {
      prepared.get().specs().forEach(s -> specs.put(SpecSource.of(s).key(), s));
    } else {
      for (SpecSource src : runtime.specs().values()) {
        if (bySpec.containsKey(src.key())) {
          specs.put(src.key(), src.spec());
          names.add(src.displayName(workingDir));
        }
      }
    }
    // Each spec's tests are contiguous in the whole plan, in spec order.
    Map<Integer, ModelTestDescriptor> byIndex = new HashMap<>();
    int offset = 0;
    for (Map.Entry<String, SpecFile> e : specs.entrySet()) {
      for (ModelTestDescriptor t : bySpec.getOrDefault(e.getKey(), List.of())) {
        byIndex.put(offset + t.planned().index(), t);
      }
      offset += Planner.plan(List.of(e.getValue()), runtime.options().plan(), Map.of()).size();
    }
    List<Integer> selected = new ArrayList<>(new TreeSet<>(byIndex.keySet()));
    TestModelEngine.Request request;
    if (prepared.isPresent()) {
      TestModelEngine.Request p = prepared.get();
      request = new TestModelEngine.Request(p.specs(), p.specNames(), p.plan(), p.execution(), p.target(),
          p.startupTimeout(), p.toolVersion(), Optional.of(Set.copyOf(selected)));
    } else {
      RunOptions o = runtime.options();
      request = new TestModelEngine.Request(List.copyOf(specs.values()), names, o.plan(), o.execution(),
          runtime.target(logFile), o.startupTimeout(), toolVersion, Optional.of(Set.copyOf(selected)));
    }
    Adapter adapter = new Adapter(selected, byIndex);
    RunListener extra = hooks.listener();
    listener.executionStarted(runtime);
    TestExecutionResult outcome;
    try {
      RunResult result = hooks.engine().run(request, both(adapter, extra));
      adapter.closeOpen("not run");
      hooks.finished(result);
      outcome = TestExecutionResult.successful();
    } catch (RuntimeUnavailableException e) {
      adapter.closeOpen("not run: the runtime is unavailable");
      hooks.unavailable(e);
      outcome = TestExecutionResult.failed(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      adapter.closeOpen("not run: interrupted");
      outcome = TestExecutionResult.aborted(e);
    } catch (RuntimeException e) {
      adapter.closeOpen("not run: " + e);
      outcome = TestExecutionResult.failed(e);
    }
    if (request.target() instanceof RuntimeTarget.Command c && Files.isRegularFile(c.logFile())) {
      listener.fileEntryPublished(runtime, FileEntry.from(c.logFile(), "text/plain"));
    }
    listener.executionFinished(runtime, outcome);
  }

  private static RunListener both(RunListener a, RunListener b) {
    if (b == RunListener.NONE) {
      return a;
    }
    return new RunListener() {
      @Override
      public void runtimeReady(RuntimeInfo info) {
        a.runtimeReady(info);
        b.runtimeReady(info);
      }

      @Override
      public void planStarted(List<PlannedTest> plan) {
        a.planStarted(plan);
        b.planStarted(plan);
      }

      @Override
      public void testStarted(PlannedTest test) {
        a.testStarted(test);
        b.testStarted(test);
      }

      @Override
      public void testRetrying(PlannedTest test, int attempt, String reason, long delayMillis) {
        a.testRetrying(test, attempt, reason, delayMillis);
        b.testRetrying(test, attempt, reason, delayMillis);
      }

      @Override
      public void testFinished(TestResult result) {
        a.testFinished(result);
        b.testFinished(result);
      }

      @Override
      public void planFinished(List<TestResult> results) {
        a.planFinished(results);
        b.planFinished(results);
      }
    };
  }

  /** Turns the engine's events into JUnit events. */
  private final class Adapter implements RunListener {
    private final List<Integer> selected;
    private final Map<Integer, ModelTestDescriptor> byIndex;
    private final Map<TestDescriptor, Integer> remaining = new HashMap<>();
    private final Set<TestDescriptor> started = new HashSet<>();
    private final Set<TestDescriptor> done = new HashSet<>();

    Adapter(List<Integer> selected, Map<Integer, ModelTestDescriptor> byIndex) {
      this.selected = selected;
      this.byIndex = byIndex;
      for (ModelTestDescriptor t : byIndex.values()) {
        remaining.merge(t.getParent().orElseThrow(), 1, Integer::sum);
      }
    }

    /** The descriptor of a test of the selected (renumbered) plan. */
    private ModelTestDescriptor descriptor(PlannedTest t) {
      return byIndex.get(selected.get(t.index()));
    }

    @Override
    public synchronized void runtimeReady(RuntimeInfo info) {
      Map<String, String> m = new LinkedHashMap<>();
      m.put("runtimeUrl", info.url());
      info.genkitVersion().ifPresent(v -> m.put("genkitVersion", v));
      info.pid().ifPresent(p -> m.put("runtimePid", String.valueOf(p)));
      info.logFile().ifPresent(l -> m.put("runtimeLog", l));
      m.values().removeIf(String::isBlank);
      if (!m.isEmpty()) {
        listener.reportingEntryPublished(runtime, ReportEntry.from(m));
      }
    }

    @Override
    public synchronized void testStarted(PlannedTest test) {
      ModelTestDescriptor d = descriptor(test);
      open(d);
      listener.executionStarted(d);
      started.add(d);
    }

    @Override
    public synchronized void testFinished(TestResult result) {
      ModelTestDescriptor d = descriptor(result.test());
      if (done.contains(d)) {
        return;
      }
      open(d);
      if (result.verdict() == Verdict.SKIP && !started.contains(d)) {
        listener.executionSkipped(d, result.reason());
      } else {
        if (started.add(d)) {
          listener.executionStarted(d);
        }
        Verdicts.details(result).ifPresent(e -> listener.reportingEntryPublished(d, e));
        listener.executionFinished(d, Verdicts.result(result));
      }
      finish(d);
    }

    private void open(ModelTestDescriptor d) {
      TestDescriptor model = d.getParent().orElseThrow();
      if (started.add(model)) {
        listener.executionStarted(model);
      }
    }

    private void finish(ModelTestDescriptor d) {
      done.add(d);
      TestDescriptor model = d.getParent().orElseThrow();
      if (remaining.merge(model, -1, Integer::sum) == 0) {
        listener.executionFinished(model, TestExecutionResult.successful());
      }
    }

    /** Reports what never finished (an aborted run), so every started container is closed. */
    synchronized void closeOpen(String reason) {
      for (Integer i : selected) {
        ModelTestDescriptor d = byIndex.get(i);
        if (done.contains(d) || !started.contains(d.getParent().orElseThrow())) {
          continue;
        }
        if (started.contains(d)) {
          listener.executionFinished(d, TestExecutionResult.aborted(new org.opentest4j.TestAbortedException(reason)));
        } else {
          listener.executionSkipped(d, reason);
        }
        finish(d);
      }
    }
  }
}
