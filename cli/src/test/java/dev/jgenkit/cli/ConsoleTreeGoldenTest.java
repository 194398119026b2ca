package dev.jgenkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgenkit.cli.FakeRuntime.Reply;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console tree of a deterministic fake run, against {@code golden/console-tree.txt}. */
class ConsoleTreeGoldenTest {
  // A duration and the padding before it: "    12 ms", " 1.2 s".
  private static final Pattern DURATION = Pattern.compile(" +\\d+(?:\\.\\d+)? m?s\\b");

  @TempDir Path dir;

  private FakeRuntime fake;
  private Cli cli;

  @BeforeEach
  void start() throws Exception {
    fake = FakeRuntime.start();
    cli = Cli.in(dir);
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void treeSummaryRuntimeAndReportsLines() throws Exception {
    // given two suites with a pass, a streamed pass, a fail with a multi-line reason, an error
    fake.actions(
        FakeRuntime.GOOD_ACTIONS.substring(0, FakeRuntime.GOOD_ACTIONS.length() - 1)
            + ",\"/model/fake/other\":{\"key\":\"/model/fake/other\",\"name\":\"fake/other\"}}");
    cli.write(
        "spec.yaml",
        """
        - model: fake/good
          supports: [multiturn, streaming-multiturn]
          tests:
            - name: A rather long custom test name
              input: {messages: [{role: user, content: [{text: json}]}]}
              validators: [valid-json]
        - model: fake/other
          tests:
            - name: Boom
              input: {messages: [{role: user, content: [{text: boom}]}]}
              validators: [text-not-empty]
        """);
    fake.respond(
        call ->
            switch (call.lastUserText()) {
              case "boom" -> Reply.error(9, "precondition\nfailed");
              case "json" -> Reply.answer(call, "{\"a\":\n  1,");
              default -> Reply.answer(call, FakeRuntime.DEFAULT_ANSWER);
            });

    // when
    Cli.Result r = cli.run("test-model", "--from-file", "spec.yaml", "--runtime-url", fake.url(), "-j", "1");

    // then
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertThat(r.err()).isEmpty();
    Golden.assertMatches("console-tree.txt", mask(r.out(), dir, fake));
  }

  @Test
  void maskKeepsTheColumnsAligned() {
    assertThat(maskDurations("  ✓ Hello    12 ms  first chunk 3 ms, 2 chunks"))
        .isEqualTo("  ✓ Hello   <time>  first chunk <time>, 2 chunks");
    assertThat(maskDurations("  ✓ Hi      1.2 s")).isEqualTo("  ✓ Hi     <time>");
    assertThat(maskDurations("  ✓ Hi      1.2 s")).hasSameSizeAs("  ✓ Hi      1.2 s");
  }

  /** Durations become {@code <time>} keeping the column width; the URL and dir are masked. */
  static String mask(String out, Path dir, FakeRuntime fake) {
    return maskDurations(out)
        .replace(fake.url(), "<URL>")
        .replace(dir.toString(), "<DIR>")
        .replace(System.lineSeparator(), "\n");
  }

  static String maskDurations(String s) {
    Matcher m = DURATION.matcher(s);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      int len = m.group().length();
      String token = "<time>";
      m.appendReplacement(sb, " ".repeat(Math.max(1, len - token.length())) + token);
    }
    m.appendTail(sb);
    return sb.toString();
  }
}
