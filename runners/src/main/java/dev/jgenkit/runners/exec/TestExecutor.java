package dev.jgenkit.runners.exec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jgenkit.runners.plan.PlannedTest;
import dev.jgenkit.runners.reflection.ActionResponse;
import dev.jgenkit.runners.reflection.CallObserver;
import dev.jgenkit.runners.reflection.ReflectionClient;
import dev.jgenkit.runners.reflection.ReflectionException;
import dev.jgenkit.runners.results.TestResult;
import dev.jgenkit.runners.results.Verdict;
import dev.jgenkit.runners.validate.ResponseShape;
import dev.jgenkit.runners.validate.SchemaCheck;
import dev.jgenkit.runners.validate.UnknownValidatorException;
import dev.jgenkit.runners.validate.ValidationInput;
import dev.jgenkit.runners.validate.Validators;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs planned tests against one runtime with one bounded pool shared by every suite, and returns
 * the results in plan order whatever the completion order. A failing test is data (a FAIL or ERROR
 * result); only bugs escape as exceptions.
 */
public final class TestExecutor {
  private static final Duration CANCEL_TIMEOUT = Duration.ofSeconds(5);

  /**
   * Longest reason kept: a validator quoting a 10 MB answer ("Text: AAAA…") must not copy it into
   * every report (results.json, junit.xml twice, results.jsonl).
   */
  static final int MAX_REASON_CHARS = 4000;

  private final ReflectionClient client;
  private final ExecutionOptions options;
  private final RunListener listener;
  private final Sleeper sleeper;
  private volatile boolean aborted;
  private final AtomicReference<String> genkitVersion = new AtomicReference<>();
  private final java.util.Set<String> inFlightTraces = java.util.concurrent.ConcurrentHashMap.newKeySet();

  /** Sleeps between retries; replaceable in tests. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(long millis) throws InterruptedException;
  }

  public TestExecutor(ReflectionClient client, ExecutionOptions options, RunListener listener) {
    this(client, options, listener, Thread::sleep);
  }

  public TestExecutor(
      ReflectionClient client, ExecutionOptions options, RunListener listener, Sleeper sleeper) {
    this.client = client;
    this.options = options;
    this.listener = listener;
    this.sleeper = sleeper;
  }

  public List<TestResult> run(List<PlannedTest> plan) throws InterruptedException {
    listener.planStarted(plan);
    TestResult[] results = new TestResult[plan.size()];
    List<PlannedTest> toRun = new ArrayList<>();
    for (PlannedTest t : plan) {
      if (t.skipReason().isPresent()) {
        results[t.index()] = TestResult.skipped(t, t.skipReason().get());
        listener.testFinished(results[t.index()]);
      } else {
        toRun.add(t);
      }
    }
    if (!toRun.isEmpty()) {
      int threads = Math.min(options.jobs(), toRun.size());
      AtomicInteger n = new AtomicInteger();
      ExecutorService pool =
          Executors.newFixedThreadPool(
              threads,
              r -> {
                Thread th = new Thread(r, "jgenkit-test-" + n.incrementAndGet());
                th.setDaemon(true);
                return th;
              });
      try {
        List<Future<TestResult>> futures = new ArrayList<>();
        for (PlannedTest t : toRun) {
          futures.add(pool.submit(() -> runOne(t)));
        }
        for (int i = 0; i < toRun.size(); i++) {
          PlannedTest t = toRun.get(i);
          try {
            results[t.index()] = futures.get(i).get();
          } catch (ExecutionException e) {
            throw new IllegalStateException("bug while running " + t.name(), e.getCause());
          }
        }
      } finally {
        pool.shutdownNow();
      }
    }
    List<TestResult> ordered = Arrays.asList(results);
    listener.planFinished(ordered);
    return List.copyOf(ordered);
  }

  /** The runtime's {@code X-Genkit-Version}, as first seen on an answer. */
  public Optional<String> observedGenkitVersion() {
    return Optional.ofNullable(genkitVersion.get());
  }

  /**
   * Stops the run (on Ctrl-C): tests not yet started are not sent, and {@code /api/cancelAction}
   * goes out for every action still running, so the runtime stops working on them and can shut
   * down promptly.
   */
  public void cancelInFlight() {
    aborted = true;
    for (String trace : List.copyOf(inFlightTraces)) {
      try {
        client.cancelAction(trace, Duration.ofSeconds(1));
      } catch (ReflectionException e) {
        // the runtime may already be gone
      }
    }
  }

  private TestResult runOne(PlannedTest test) throws InterruptedException {
    if (aborted) {
      return TestResult.skipped(test, "not run: interrupted");
    }
    listener.testStarted(test);
    if (dev.jgenkit.runners.TimingTrace.enabled()) {
      dev.jgenkit.runners.TimingTrace.mark("test started: " + test.index());
    }
    TestResult r = attempt(test);
    if (dev.jgenkit.runners.TimingTrace.enabled()) {
      dev.jgenkit.runners.TimingTrace.mark("test finished: " + test.index());
    }
    listener.testFinished(r);
    return r;
  }

  private TestResult attempt(PlannedTest test) throws InterruptedException {
    int attempt = 0;
    while (true) {
      attempt++;
      AtomicReference<String> earlyTrace = new AtomicReference<>();
      long start = System.nanoTime();
      try {
        ActionResponse resp =
            client.runAction(
                test.modelKey(),
                test.input(),
                test.stream(),
                options.timeout(),
                options.idleTimeout(),
                new CallObserver() {
                  @Override
                  public void traceId(String traceId) {
                    earlyTrace.set(traceId);
                    inFlightTraces.add(traceId);
                  }
                });
        long ms = elapsedMillis(start);
        if (earlyTrace.get() != null) {
          inFlightTraces.remove(earlyTrace.get());
        }
        resp.genkitVersion().ifPresent(v -> genkitVersion.compareAndSet(null, v));
        return judge(test, resp, attempt, ms);
      } catch (ReflectionException e) {
        long ms = elapsedMillis(start);
        if (earlyTrace.get() != null) {
          inFlightTraces.remove(earlyTrace.get());
        }
        if (e.kind() == ReflectionException.Kind.TIMEOUT) {
          return result(test, Verdict.ERROR, timeoutReason(e, earlyTrace.get()), attempt, ms,
              OptionalLong.empty(), 0, Optional.ofNullable(earlyTrace.get()), null);
        }
        if (e.retryable() && attempt <= options.retries()) {
          long delay = backoffMillis(attempt, e.retryAfter());
          listener.testRetrying(test, attempt, e.getMessage(), delay);
          sleeper.sleep(delay);
          continue;
        }
        String reason = e.getMessage();
        if (attempt > 1) {
          reason += " (after " + attempt + " attempts)";
        }
        return result(test, Verdict.ERROR, annotate(test, reason), attempt, ms,
            OptionalLong.empty(), 0, Optional.ofNullable(earlyTrace.get()), null);
      }
    }
  }

  private TestResult judge(PlannedTest test, ActionResponse resp, int attempt, long ms) {
    JsonNode result = resp.result();
    OptionalLong ttfc = resp.timeToFirstChunkMillis();
    int chunks = resp.chunks().size();
    Optional<String> trace = resp.traceId();
    if (test.stream() && resp.chunks().isEmpty()) {
      return result(test, Verdict.FAIL, annotate(test, "Streaming requested but no chunks received."),
          attempt, ms, ttfc, chunks, trace, result);
    }
    JsonNode judged = result;
    List<JsonNode> judgedChunks = resp.chunks();
    if (test.kind() == PlannedTest.Kind.SAMPLE_FLOW) {
      judgedChunks = FlowOutputs.asChunks(resp.chunks());
      if (test.outputSchema().isPresent()) {
        Optional<String> unusable = SchemaCheck.problem(test.outputSchema().get());
        if (unusable.isPresent()) {
          return result(test, Verdict.ERROR,
              "the flow's outputSchema cannot be used to check its output: " + unusable.get(),
              attempt, ms, ttfc, chunks, trace, result);
        }
        List<String> errors = SchemaCheck.errors(test.outputSchema().get(), result);
        if (!errors.isEmpty()) {
          return result(test, Verdict.FAIL,
              "Flow output does not match its outputSchema: " + String.join("; ", errors),
              attempt, ms, ttfc, chunks, trace, result);
        }
      }
      judged = FlowOutputs.asResponse(result);
    } else {
      Optional<String> shape = ResponseShape.check(result);
      if (shape.isPresent()) {
        return result(test, Verdict.FAIL, annotate(test, shape.get()), attempt, ms, ttfc, chunks,
            trace, result);
      }
    }
    try {
      Optional<String> failure =
          Validators.runAll(
              test.validators(),
              new ValidationInput(test.input(), judged, judgedChunks, test.stream()));
      return failure
          .map(f -> result(test, Verdict.FAIL, annotate(test, f), attempt, ms, ttfc, chunks, trace, result))
          .orElseGet(() -> result(test, Verdict.PASS, "", attempt, ms, ttfc, chunks, trace, result));
    } catch (UnknownValidatorException e) {
      return result(test, Verdict.ERROR, e.getMessage(), attempt, ms, ttfc, chunks, trace, result);
    }
  }

  private static TestResult result(
      PlannedTest test,
      Verdict verdict,
      String reason,
      int attempts,
      long ms,
      OptionalLong ttfc,
      int chunks,
      Optional<String> trace,
      JsonNode response) {
    Optional<JsonNode> usage = Optional.empty();
    Optional<String> finish = Optional.empty();
    if (response != null && response.isObject()) {
      JsonNode u = response.get("usage");
      usage = u != null && u.isObject() && u.size() > 0 ? Optional.of(u) : Optional.empty();
      JsonNode f = response.get("finishReason");
      if (f == null || !f.isTextual()) {
        f = response.path("candidates").path(0).get("finishReason");
      }
      finish = f != null && f.isTextual() ? Optional.of(f.asText()) : Optional.empty();
    }
    Optional<JsonNode> kept =
        verdict.failed() && response != null ? Optional.of(response) : Optional.empty();
    return new TestResult(test, verdict, bounded(reason), attempts, ms, ttfc, chunks, trace, usage, finish,
        kept);
  }

  /** The reason, cut to {@link #MAX_REASON_CHARS} with a note of its full length. */
  static String bounded(String reason) {
    if (reason.length() <= MAX_REASON_CHARS) {
      return reason;
    }
    int cut = MAX_REASON_CHARS;
    if (Character.isHighSurrogate(reason.charAt(cut - 1))) {
      cut--;
    }
    return reason.substring(0, cut) + "… (" + reason.length() + " characters in all)";
  }

  /** A failure of a test the model's metadata declares unsupported says so. */
  private static String annotate(PlannedTest test, String reason) {
    return test.declaredUnsupported()
        .map(d -> "[model metadata declares " + d + "] " + reason)
        .orElse(reason);
  }

  private String timeoutReason(ReflectionException e, String traceId) {
    if (traceId == null) {
      return e.getMessage() + " (no trace id was sent, so the action could not be cancelled)";
    }
    try {
      boolean cancelled = client.cancelAction(traceId, CANCEL_TIMEOUT);
      return e.getMessage()
          + (cancelled ? "; action cancelled (trace " : "; action had already ended (trace ")
          + traceId + ")";
    } catch (ReflectionException ce) {
      return e.getMessage() + "; cancelAction failed: " + ce.getMessage();
    }
  }

  /** Full-jitter exponential backoff, at least an honoured Retry-After, capped. */
  long backoffMillis(int attempt, Optional<String> retryAfter) {
    long cap = options.retryMaxDelay().toMillis();
    long exp = options.retryBaseDelay().toMillis() << Math.min(attempt - 1, 20);
    long jitter = ThreadLocalRandom.current().nextLong(Math.min(cap, exp) + 1);
    long floor = retryAfter.flatMap(TestExecutor::retryAfterMillis).orElse(0L);
    return Math.min(cap, Math.max(jitter, floor));
  }

  static Optional<Long> retryAfterMillis(String header) {
    try {
      return Optional.of(Math.max(0, (long) (Double.parseDouble(header.trim()) * 1000)));
    } catch (NumberFormatException e) {
      try {
        java.time.ZonedDateTime when =
            java.time.ZonedDateTime.parse(header.trim(), java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME);
        return Optional.of(Math.max(0, when.toInstant().toEpochMilli() - System.currentTimeMillis()));
      } catch (java.time.format.DateTimeParseException e2) {
        return Optional.empty();
      }
    }
  }

  private static long elapsedMillis(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }
}
