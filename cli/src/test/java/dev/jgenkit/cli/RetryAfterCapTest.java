package dev.jgenkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jgenkit.cli.it.ResilienceLog;
import dev.jgenkit.runners.exec.ExecutionOptions;
import dev.jgenkit.runners.exec.RunListener;
import dev.jgenkit.runners.exec.TestExecutor;
import dev.jgenkit.runners.plan.PlannedTest;
import dev.jgenkit.runners.reflection.ReflectionClient;
import dev.jgenkit.runners.results.TestResult;
import dev.jgenkit.runners.results.Verdict;
import dev.jgenkit.specs.Location;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A server asking for an hour's pause (429 / 503 with {@code Retry-After}) is honoured only up to
 * the cap jgenkit's CLI uses (30 s), so {@code --retries} can never stall a run for an hour. The
 * sleeper records the delay instead of sleeping it.
 */
@ExtendWith(ResilienceLog.class)
class RetryAfterCapTest {
  private static final Duration CAP = Duration.ofSeconds(30); // as TestModelCommand sets it

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"429 seconds", "503 http-date"})
  void anHourLongRetryAfterIsCappedAndTheRetryPasses(String variant) throws Exception {
    int status = Integer.parseInt(variant.substring(0, 3));
    String retryAfter = variant.endsWith("seconds") ? "3600"
        : DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusHours(1));
    var row = ResilienceLog.begin("retries", "HTTP " + status + " asking for an hour (" + variant.substring(4) + ")",
        "the first call answers " + status + " with Retry-After: " + (variant.endsWith("seconds") ? "3600" : "<in one hour>")
            + "; --retries 1",
        "the wait is capped at 30 s, then the retry passes");
    try (FakeRuntime fake = FakeRuntime.start()) {
      List<Long> sleeps = new CopyOnWriteArrayList<>();
      fake.respond(call -> fake.runActionCalls().size() == 1
          ? FakeRuntime.Reply.raw(status, "{\"error\":{\"code\":" + (status == 429 ? 8 : 14) + ",\"message\":\"later\"}}")
              .withHeader("Retry-After", retryAfter)
          : FakeRuntime.Reply.answer(call, FakeRuntime.DEFAULT_ANSWER));
      TestExecutor executor = new TestExecutor(
          new ReflectionClient(ReflectionClient.defaultHttpClient(), fake.url()),
          new ExecutionOptions(1, Duration.ofSeconds(10), 1, Duration.ofSeconds(1), CAP),
          new RunListener() {},
          sleeps::add);
      long t0 = System.nanoTime();

      List<TestResult> results = executor.run(List.of(test()));

      row.took(Duration.ofNanos(System.nanoTime() - t0)).verdicts(results.get(0).verdict() + " on attempt "
          + results.get(0).attempts());
      assertThat(results.get(0).verdict()).as(results.get(0).reason()).isEqualTo(Verdict.PASS);
      assertThat(results.get(0).attempts()).isEqualTo(2);
      assertThat(sleeps).containsExactly(CAP.toMillis());
      assertThat(fake.runActionCalls()).hasSize(2);
      row.note("waited " + sleeps.get(0) / 1000 + " s (asked: an hour), then PASS on attempt 2");
    }
  }

  private static PlannedTest test() {
    ObjectNode input = FakeRuntime.MAPPER.createObjectNode();
    input.putArray("messages").addObject().put("role", "user").putArray("content").addObject().put("text", "hi");
    return new PlannedTest(0, 0, "fake/good", FakeRuntime.GOOD_KEY, "capped", Optional.empty(), input,
        List.of("text-not-empty"), false, Optional.empty(), Optional.empty(), new Location(Path.of("s.yaml"), 1, 1));
  }
}
