package dev.jgenkit.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgenkit.runners.results.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsJsonReaderTest {
  @TempDir Path dir;

  private String roundTrip(RunResult run) throws Exception {
    Path f = dir.resolve("results.json");
    Files.write(f, ResultsJson.write(run));
    return ResultsJson.writeString(ResultsJsonReader.read(f));
  }

  @Test
  void aTestModelRunReadsBackToTheSameDocument() throws Exception {
    RunResult run = SampleRuns.full();

    assertThat(roundTrip(run)).isEqualTo(ResultsJson.writeString(run));
  }

  @Test
  void aSampleFlowsRunReadsBackToTheSameDocument() throws Exception {
    RunResult run = SampleRuns.sampleFlows();

    assertThat(roundTrip(run)).isEqualTo(ResultsJson.writeString(run));
  }

  @Test
  void theHtmlRenderedFromResultsJsonShowsTheSameFailureDetail() throws Exception {
    RunResult run = SampleRuns.full();
    Path f = dir.resolve("results.json");
    Files.write(f, ResultsJson.write(run));

    String live = HtmlReport.render(List.of(run));
    String rendered = HtmlReport.render(List.of(ResultsJsonReader.read(f)));

    assertThat(failureDetails(rendered)).isEqualTo(failureDetails(live))
        .anyMatch(detail -> detail.contains("<h4>Response</h4>"));
  }

  private static List<String> failureDetails(String html) {
    List<String> details = new ArrayList<>();
    Matcher m = Pattern.compile("(?s)<details><summary>.*?</details>").matcher(html);
    while (m.find()) {
      details.add(m.group());
    }
    return details;
  }

  @Test
  void somethingElseIsRejectedNamingTheFileAndTheProblem() throws Exception {
    Path notJson = dir.resolve("a.json");
    Files.writeString(notJson, "{oops");
    Path wrongVersion = dir.resolve("b.json");
    Files.writeString(wrongVersion, "{\"schemaVersion\": 9}");
    Path invalid = dir.resolve("c.json");
    Files.writeString(invalid, ResultsJson.writeString(SampleRuns.full()).replace("\"verdict\" : \"PASS\"", "\"verdict\" : \"MAYBE\"").replace("\"verdict\": \"PASS\"", "\"verdict\": \"MAYBE\""));

    assertThatThrownBy(() -> ResultsJsonReader.read(notJson)).hasMessageStartingWith(notJson + ": cannot read it as JSON");
    assertThatThrownBy(() -> ResultsJsonReader.read(wrongVersion)).hasMessageContaining("schemaVersion 9 is not supported");
    assertThatThrownBy(() -> ResultsJsonReader.read(invalid)).hasMessageStartingWith(invalid + ": does not match results.schema.json");
  }
}
