package dev.jgenkit.runners.samples;

import dev.jgenkit.runners.runtime.LaunchedRuntime;
import dev.jgenkit.runners.runtime.RuntimeFile;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Started samples kept alive across runs (the interactive mode reruns the samples it started
 * before); closing it stops them all. Without one, a sample-flows run stops each sample it starts.
 */
public final class SampleRuntimes implements AutoCloseable {
  /** A running sample and its runtime file. */
  public record Kept(LaunchedRuntime runtime, RuntimeFile file) {}

  private final Map<String, Kept> kept = new LinkedHashMap<>();

  /** The sample's runtime from an earlier run, when it is still running. */
  synchronized Optional<Kept> alive(String sample) {
    Kept k = kept.get(sample);
    if (k != null && !k.runtime().isAlive()) {
      kept.remove(sample).runtime().close();
      return Optional.empty();
    }
    return Optional.ofNullable(k);
  }

  synchronized void keep(String sample, LaunchedRuntime runtime, RuntimeFile file) {
    Kept old = kept.put(sample, new Kept(runtime, file));
    if (old != null && old.runtime() != runtime) {
      old.runtime().close();
    }
  }

  /** Pids of the kept samples' runtimes (for tests and diagnostics). */
  public synchronized Map<String, Long> pids() {
    Map<String, Long> out = new LinkedHashMap<>();
    kept.forEach((name, k) -> out.put(name, k.file().pid()));
    return out;
  }

  @Override
  public synchronized void close() {
    kept.values().forEach(k -> k.runtime().close());
    kept.clear();
  }
}
