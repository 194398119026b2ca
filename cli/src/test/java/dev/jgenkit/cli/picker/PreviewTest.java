package dev.jgenkit.cli.picker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgenkit.runners.plan.PlannedTest;
import dev.jgenkit.runners.plan.Planner;
import dev.jgenkit.runners.results.Verdict;
import dev.jgenkit.specs.SpecFile;
import dev.jgenkit.specs.SpecLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jline.utils.AttributedString;
import org.junit.jupiter.api.Test;

/** The preview pane: latest verdict, reason and duration, then the item's text, cut to fit. */
class PreviewTest {
  private static List<String> text(List<AttributedString> lines) {
    return lines.stream().map(AttributedString::toString).toList();
  }

  @Test
  void anItemNotRunYetSaysSoAboveItsText() {
    List<String> lines = text(Preview.render(Optional.empty(), "model: a\nrequest:\n", 40, 10, false));

    assertThat(lines).containsExactly("Last run: not run yet", "", "model: a", "request:");
  }

  @Test
  void theLatestVerdictComesWithItsDurationAndWrappedReason() {
    ItemResult failed = new ItemResult(Verdict.FAIL,
        "Response text is not valid JSON. Text: {\"name\": \"Genkit\"", 1234);

    List<String> lines = text(Preview.render(Optional.of(failed), "body", 30, 10, false));

    assertThat(lines.get(0)).isEqualTo("Last run: ✗ FAIL in 1.2 s");
    assertThat(lines.subList(1, 4)).containsExactly(
        "Reason: Response text is not", "valid JSON. Text: {\"name\":", "\"Genkit\"");
    assertThat(lines.subList(4, 6)).containsExactly("", "body");
  }

  @Test
  void aSkipHasNoDuration() {
    List<String> lines =
        text(Preview.render(Optional.of(new ItemResult(Verdict.SKIP, "not supported", 0)), "", 60, 5, false));

    assertThat(lines.get(0)).isEqualTo("Last run: ○ SKIP");
    assertThat(lines.get(1)).isEqualTo("Reason: not supported");
  }

  @Test
  void aLongBodyIsCutToThePaneAndSaysWhatIsLeftOut() {
    String body = "line 1\nline 2\nline 3\nline 4\nline 5\n";

    List<String> lines = text(Preview.render(Optional.empty(), body, 40, 5, false));

    assertThat(lines).containsExactly("Last run: not run yet", "", "line 1", "line 2", "… 3 more lines");
  }

  @Test
  void wideLinesAreCutWithAnEllipsisAndControlCharactersDropped() {
    List<String> lines = text(Preview.render(Optional.empty(), "abcdefghij\u001b[31mk\tl", 8, 5, false));

    assertThat(lines.get(2)).isEqualTo("abcdefg…");
    assertThat(lines).allSatisfy(l -> assertThat(new AttributedString(l).columnLength()).isLessThanOrEqualTo(8));
  }

  @Test
  void aTestShowsItsValidatorsAndRequestAsYamlWithMediaShortened() throws Exception {
    // given the built-in base64 image test, whose request carries a whole PNG as a data URL
    SpecFile spec = SpecLoader.load(Path.of("spec.yaml"), "- model: a/b\n  supports: [input-image-base64]\n");
    PlannedTest test = Planner.plan(List.of(spec), new Planner.Options(List.of(), false, false), Map.of()).get(0);

    // when it is previewed
    String body = Preview.testBody(test);

    // then the model, capability and validators head a YAML request with the image cut short
    assertThat(body).startsWith("model: a/b\ncapability: input-image-base64\nvalidators: ");
    assertThat(body).contains("request:\n  messages:\n  - role: user\n");
    assertThat(body).containsPattern("url: \"data:image/png;base64,[A-Za-z0-9+/]{16}…\\(\\d+ bytes\\)\"");
    assertThat(body.lines()).allSatisfy(l -> assertThat(l.length()).isLessThan(200));
  }

  @Test
  void streamingTestsSayTheyStream() throws Exception {
    SpecFile spec = SpecLoader.load(Path.of("spec.yaml"), """
        - model: a/b
          tests:
            - name: echo
              stream: true
              input: {messages: [{role: user, content: [{text: hi}]}]}
              validators: [stream-text-includes:hi]
        """);
    PlannedTest test = Planner.plan(List.of(spec), new Planner.Options(List.of(), false, false), Map.of()).get(0);

    assertThat(Preview.testBody(test)).isEqualTo("""
        model: a/b
        validators: stream-text-includes:hi
        stream: true
        request:
          messages:
          - role: user
            content:
            - text: hi
        """);
  }
}
