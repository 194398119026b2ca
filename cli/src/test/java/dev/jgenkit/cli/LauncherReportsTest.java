package dev.jgenkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgenkit.cli.FakeRuntime.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code --junit-xml-legacy} and {@code --open-test-report}: the same run goes through the JUnit
 * Platform Launcher, whose listeners write their own reports beside jgenkit's.
 */
class LauncherReportsTest {
  @TempDir Path dir;
  @TempDir Path reports;

  private FakeRuntime fake;
  private Cli cli;

  @BeforeEach
  void start() throws Exception {
    fake = FakeRuntime.start();
    cli = Cli.in(dir);
    cli.write("spec.yaml", """
        - model: fake/good
          supports: [multiturn]
          tests:
            - name: Says hello
              input: {messages: [{role: user, content: [{text: Say hello.}]}]}
              validators: [text-includes:hello genkit]
            - name: Says goodbye
              input: {messages: [{role: user, content: [{text: Say goodbye.}]}]}
              validators: [text-includes:goodbye]
        """);
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void theLaunchersLegacyXmlHasOneTestcasePerTestWithTheVerdicts() throws Exception {
    Cli.Result r = cli.run("test-model", "--from-file", "spec.yaml", "--runtime-url", fake.url(),
        "--report-dir", reports.toString(), "--junit-xml-legacy");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    Path legacy = reports.resolve("junit-platform/TEST-jgenkit.xml");
    assertThat(r.out())
        .contains("2 passed, 1 failed, 0 errors, 0 skipped in ")
        .contains("JUnit Platform reports: " + legacy);
    assertThat(reports.resolve("results.json")).exists();
    assertThat(reports.resolve("junit.xml")).exists();
    Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(legacy.toFile());
    Element suite = xml.getDocumentElement();
    assertThat(suite.getAttribute("name")).isEqualTo("jgenkit");
    assertThat(suite.getAttribute("tests")).isEqualTo("3");
    assertThat(suite.getAttribute("failures")).isEqualTo("1");
    NodeList cases = suite.getElementsByTagName("testcase");
    List<String> names = new ArrayList<>();
    for (int i = 0; i < cases.getLength(); i++) {
      Element c = (Element) cases.item(i);
      names.add(c.getAttribute("classname") + " | " + c.getAttribute("name")
          + (c.getElementsByTagName("failure").getLength() > 0 ? " | FAIL" : ""));
    }
    assertThat(names).containsExactlyInAnyOrder(
        "fake/good | fake/good: Multiturn Conformance",
        "fake/good | fake/good: Says hello",
        "fake/good | fake/good: Says goodbye | FAIL");
    Element failure = (Element) suite.getElementsByTagName("failure").item(0);
    assertThat(failure.getAttribute("type")).isEqualTo("dev.jgenkit.junit.TestFailedError");
    assertThat(failure.getAttribute("message")).startsWith("Response text does not include 'goodbye'.");
  }

  @Test
  void openTestReportingWritesItsEventsXmlAndJgenkitsReportsStayTheSame() throws Exception {
    Cli.Result plain = cli.run("test-model", "--from-file", "spec.yaml", "--runtime-url", fake.url(),
        "--report-dir", reports.resolve("plain").toString());
    Cli.Result viaLauncher = cli.run("test-model", "--from-file", "spec.yaml", "--runtime-url", fake.url(),
        "--report-dir", reports.resolve("launcher").toString(), "--open-test-report");

    assertThat(viaLauncher.exitCode()).isEqualTo(plain.exitCode()).isEqualTo(1);
    Path otr = reports.resolve("launcher/junit-platform/open-test-report.xml");
    assertThat(otr).content()
        .contains("name=\"Says goodbye\"")
        .contains("dev.jgenkit.junit.TestFailedError")
        .contains("spec.yaml");
    assertThat(reports.resolve("launcher/junit-platform/TEST-jgenkit.xml")).doesNotExist();
    assertThat(testcases(reports.resolve("launcher/junit.xml")))
        .isEqualTo(testcases(reports.resolve("plain/junit.xml")));
  }

  @Test
  void anUnreachableRuntimeIsStillExit3() throws Exception {
    fake.respond(call -> Reply.raw(200, "{}"));
    String url = fake.url();
    fake.close();

    Cli.Result r = cli.run("test-model", "--from-file", "spec.yaml", "--runtime-url", url,
        "--report-dir", reports.toString(), "--junit-xml-legacy");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
    assertThat(r.err()).contains("no Genkit runtime answers at " + url);
  }

  private static List<String> testcases(Path junitXml) throws Exception {
    String xml = Files.readString(junitXml);
    List<String> out = new ArrayList<>();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("<testcase [^>]*name=\"([^\"]*)\"").matcher(xml);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  @Test
  void secretsAreMaskedInTheLaunchersReportsToo() throws Exception {
    // given a runtime that echoes a planted secret in its error
    String secret = "sk-planted-0123456789";
    fake.respond(call -> FakeRuntime.Reply.error(13, "upstream said: invalid key " + secret));
    Cli withSecret = cli.withTerminal(false, java.util.Map.of("MY_API_KEY", secret));

    // when
    Cli.Result r = withSecret.run("test-model", "--from-file", "spec.yaml", "--runtime-url", fake.url(),
        "--report-dir", reports.toString(), "--junit-xml-legacy", "--open-test-report");

    // then
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertThat(java.nio.file.Files.readString(reports.resolve("junit-platform/TEST-jgenkit.xml")))
        .contains("invalid key ***").doesNotContain(secret);
    assertThat(java.nio.file.Files.readString(reports.resolve("junit-platform/open-test-report.xml")))
        .doesNotContain(secret);
  }
}
