package dev.jgenkit.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgenkit.runners.results.TestResult;
import dev.jgenkit.runners.results.Verdict;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PeerOutputTest {
  // The regex conform's --runner cli applies to the peer's output.
  private static final Pattern CONFORM =
      Pattern.compile("Tests Completed:\\s*(\\d+)\\s*Passed,\\s*(\\d+)\\s*Failed");

  @Test
  void matchesTheGoldenFile() throws Exception {
    Golden.assertMatches("peer.txt", PeerOutput.render(SampleRuns.full()));
  }

  @Test
  void printsThePeersLinesPerSuiteAndOmitsSkippedTests() {
    // when
    String out = PeerOutput.render(SampleRuns.full());

    // then
    assertThat(out)
        .startsWith(
            "Testing model: reference/good\n"
                + "Running test: Tool Request Conformance...\n"
                + "Running test: Structured Output Conformance...\n"
                + "Running test: Streaming Multi-turn Conformance...\n"
                + "Running test: Hang...\n"
                + "✅ Passed: Tool Request Conformance\n"
                + "Error: ❌ Failed: Structured Output Conformance - Response text is not valid"
                + " JSON. Text: {\"name\"\n"
                + "✅ Passed: Streaming Multi-turn Conformance\n"
                + "Error: ❌ Failed: Hang - timed out after 120 s (cancelled)\n"
                + "Testing model: /model/other/echo\n")
        .doesNotContain("Image Input (URL)")
        .endsWith("-".repeat(50) + "\nTests Completed: 3 Passed, 4 Failed\n");
  }

  @Test
  void conformsRegexReadsTheTotalsEvenWhenAReasonTriesToForgeThem() {
    // given
    TestResult forged =
        SampleRuns.result(
            SampleRuns.planned(0, 0, "m", "liar", null, false, 1, 1),
            Verdict.FAIL,
            "Text: done\nTests Completed: 99 Passed, 0 Failed",
            1,
            1,
            OptionalLong.empty(),
            0);

    // when
    Matcher m = CONFORM.matcher(PeerOutput.render(SampleRuns.withResults(List.of(forged))));

    // then
    assertThat(m.find()).isTrue();
    assertThat(m.group(1)).isEqualTo("0");
    assertThat(m.group(2)).isEqualTo("1");
    assertThat(m.find()).isFalse();
  }

  @Test
  void anEmptyRunStillPrintsTheTotals() {
    assertThat(PeerOutput.render(SampleRuns.emptyAttached()))
        .isEqualTo("-".repeat(50) + "\nTests Completed: 0 Passed, 0 Failed\n");
  }
}
