package dev.jgenkit.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgenkit.runners.results.RunResult;
import dev.jgenkit.runners.results.Verdict;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportTest {
  @Test
  void matchesTheGoldenFileForATestModelRun() throws Exception {
    Golden.assertMatches("report.html", HtmlReport.render(List.of(SampleRuns.full())));
  }

  @Test
  void matchesTheGoldenFileForASampleFlowsRun() throws Exception {
    Golden.assertMatches(
        "report-sample-flows.html", HtmlReport.render(List.of(SampleRuns.sampleFlows())));
  }

  @Test
  void matchesTheGoldenFileForTwoRuntimes() throws Exception {
    Golden.assertMatches(
        "report-two-runtimes.html", HtmlReport.render(MultiRuntimeRuns.twoRuntimes()));
  }

  @Test
  void showsTheCountsWithoutJavaScript() {
    // when
    String html = HtmlReport.render(MultiRuntimeRuns.twoRuntimes());

    // then
    assertThat(html)
        .contains(
            "<span id=\"count-total\">15</span>",
            "<span id=\"count-pass\">6</span>",
            "<span id=\"count-fail\">3</span>",
            "<span id=\"count-error\">3</span>",
            "<span id=\"count-skip\">3</span>",
            "Showing <span id=\"shown\">15</span> of 15");
    assertThat(count(html, "<tr class=\"f check ")).isEqualTo(15);
  }

  @Test
  void loadsNothingFromTheNetworkAndAllowsOnlyItsOwnInlineCode() {
    // when
    String html = HtmlReport.render(List.of(SampleRuns.full()));

    // then
    assertThat(html).doesNotContainPattern("(?i)(src|href)=\"(https?:)?//");
    assertThat(html).doesNotContain("@import", "url(");
    assertThat(html)
        .contains(
            "content=\"default-src 'none'; style-src '"
                + HtmlReport.sha256(HtmlReport.CSS)
                + "'; script-src '"
                + HtmlReport.sha256(HtmlReport.JS)
                + "';")
        .contains("<style>" + HtmlReport.CSS + "</style>")
        .contains("<script>" + HtmlReport.JS + "</script>");
    assertThat(count(html, "<script")).isEqualTo(1);
  }

  @Test
  void escapesModelOutputEverywhere() {
    // given: markup in a reason, a test name, a model name and the request input
    String evil = "\"><script>alert(1)</script><img src=x onerror=alert(2)>";
    RunResult run =
        SampleRuns.withResults(
            List.of(
                SampleRuns.result(
                    SampleRuns.planned(0, 0, "m" + evil, "t" + evil, null, false, 1, 1),
                    Verdict.FAIL,
                    "reason " + evil,
                    1,
                    1,
                    OptionalLong.empty(),
                    0)));

    // when
    String html = HtmlReport.render(List.of(run));

    // then
    assertThat(html).doesNotContain("<script>alert", "<img", "\"><script", "onerror=alert(2)>");
    assertThat(html).contains("&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x");
    assertThat(count(html, "<script")).isEqualTo(1);
  }

  @Test
  void showsAFailuresReasonAndRequestWithDataUrlsShortened() {
    // when
    String html = HtmlReport.render(List.of(SampleRuns.full()));

    // then
    assertThat(html)
        .contains("<h4>Reason</h4><pre class=\"reason\">Response text is not valid JSON.")
        .contains("<h4>Request</h4><pre class=\"request\">{\n  &quot;messages&quot;")
        .contains("data:image/png;base64,iVBORw0KGgoAAAAN…(150 bytes)")
        .doesNotContain(SampleRuns.LONG_BASE64);
  }

  @Test
  void showsTheResponseOfAFailedCheckRedacted() {
    // when
    String html = HtmlReport.render(List.of(SampleRuns.full()));

    // then
    String details = html.substring(html.indexOf("<h4>Reason</h4><pre class=\"reason\">Response text is not valid JSON."));
    String response = details.substring(details.indexOf("<h4>Response</h4><pre class=\"response\">"));
    response = response.substring(0, response.indexOf("</pre>"));
    assertThat(response)
        .contains("&quot;text&quot; : &quot;{\\&quot;name\\&quot;&quot;")
        .contains("data:image/png;base64,iVBORw0KGgoAAAAN…(150 bytes)")
        .doesNotContain(SampleRuns.LONG_BASE64);
  }

  private static int count(String text, String needle) {
    Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
