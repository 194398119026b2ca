package dev.jgenkit.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgenkit.runners.results.RunResult;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

class JUnitXmlTest {
  private static Schema xsd;

  @BeforeAll
  static void loadXsd() throws Exception {
    URL url = JUnitXmlTest.class.getResource("junit-10.xsd");
    assertThat(url).as("junit-10.xsd on the test classpath").isNotNull();
    SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    xsd = factory.newSchema(url);
  }

  @Test
  void matchesTheGoldenFile() throws Exception {
    // given
    RunResult run = SampleRuns.full();

    // when
    String xml = JUnitXml.write(run);

    // then
    Golden.assertMatches("junit.xml", xml);
  }

  @Test
  void validatesAgainstTheJunitXsd() throws Exception {
    for (RunResult run :
        new RunResult[] {SampleRuns.full(), SampleRuns.emptyAttached(), SampleRuns.sampleFlows()}) {
      // given
      String xml = JUnitXml.write(run);

      // when / then: throws SAXException when invalid
      xsd.newValidator().validate(new StreamSource(new StringReader(xml)));
    }
  }

  @Test
  void xsdRejectsWhatJunitReadersDoNotAccept() {
    // given: a negative control, so the test above can fail
    String bad =
        "<testsuites><testsuite name=\"x\" tests=\"-1\"><testcase/></testsuite></testsuites>";

    // when / then
    assertThatThrownBy(() -> xsd.newValidator().validate(new StreamSource(new StringReader(bad))))
        .isInstanceOf(SAXException.class);
  }

  @Test
  void writesOneSuitePerSpecSuiteNamedAfterTheModelWithCounts() throws Exception {
    // given
    Document doc = parse(JUnitXml.write(SampleRuns.full()));

    // when
    NodeList suites = doc.getElementsByTagName("testsuite");
    Element first = (Element) suites.item(0);
    Element second = (Element) suites.item(1);

    // then
    assertThat(suites.getLength()).isEqualTo(2);
    assertThat(first.getAttribute("name")).isEqualTo("reference/good");
    assertThat(first.getAttribute("tests")).isEqualTo("5");
    assertThat(first.getAttribute("failures")).isEqualTo("1");
    assertThat(first.getAttribute("errors")).isEqualTo("1");
    assertThat(first.getAttribute("skipped")).isEqualTo("1");
    assertThat(first.getAttribute("time")).isEqualTo("121.254");
    assertThat(first.getAttribute("timestamp")).isEqualTo("2025-06-01T10:00:00");
    assertThat(second.getAttribute("name")).isEqualTo("/model/other/echo");
    assertThat(second.getAttribute("tests")).isEqualTo("3");
    assertThat(doc.getDocumentElement().getAttribute("tests")).isEqualTo("8");
  }

  @Test
  void carriesRuntimeUrlAndGenkitVersionAsSuiteProperties() throws Exception {
    // given
    Document doc = parse(JUnitXml.write(SampleRuns.full()));

    // when
    NodeList props =
        ((Element) doc.getElementsByTagName("properties").item(0)).getElementsByTagName("property");

    // then
    assertThat(property(props, "genkit.runtime.url")).isEqualTo("http://127.0.0.1:3100");
    assertThat(property(props, "genkit.version")).isEqualTo("1.21.0");
  }

  @Test
  void mapsVerdictsToFailureErrorAndSkippedElements() throws Exception {
    // given
    Document doc = parse(JUnitXml.write(SampleRuns.full()));

    // when
    NodeList cases = doc.getElementsByTagName("testcase");
    Element fail = (Element) cases.item(1);
    Element skip = (Element) cases.item(3);
    Element error = (Element) cases.item(4);

    // then
    assertThat(cases.getLength()).isEqualTo(8);
    assertThat(fail.getAttribute("name")).isEqualTo("Structured Output Conformance");
    assertThat(fail.getAttribute("classname")).isEqualTo("reference/good");
    assertThat(fail.getAttribute("time")).isEqualTo("0.008");
    Element failure = (Element) fail.getElementsByTagName("failure").item(0);
    assertThat(failure.getAttribute("type")).isEqualTo("ValidationFailure");
    assertThat(failure.getAttribute("message"))
        .isEqualTo("Response text is not valid JSON. Text: {\"name\"");
    assertThat(failure.getTextContent()).isEqualTo(failure.getAttribute("message"));
    assertThat(((Element) skip.getElementsByTagName("skipped").item(0)).getAttribute("message"))
        .isEqualTo("model declares media: false");
    assertThat(((Element) error.getElementsByTagName("error").item(0)).getAttribute("type"))
        .isEqualTo("ExecutionError");
  }

  @Test
  void escapesMarkupAndIllegalCharactersAndRedactsDataUrls() throws Exception {
    // given
    Document doc = parse(JUnitXml.write(SampleRuns.full()));

    // when
    Element failure = (Element) doc.getElementsByTagName("failure").item(1);

    // then: markup survives a round trip, XML-illegal characters are spelled out
    assertThat(failure.getAttribute("message"))
        .startsWith(
            "Expected <toolRequest> & \"name\" got 'none'\\u0001\\u001B[31m red second line")
        .doesNotContain("\n");
    assertThat(failure.getTextContent())
        .startsWith(
            "Expected <toolRequest> & \"name\" got 'none'\\u0001\\u001B[31m red\nsecond line")
        .contains("data:image/png;base64,iVBORw0KGgoAAAAN…(150 bytes)")
        .doesNotContain(SampleRuns.LONG_BASE64)
        .endsWith("third line \\uFFFF end");
  }

  @Test
  void sampleFlowsRunMatchesTheGoldenFile() throws Exception {
    Golden.assertMatches("junit-sample-flows.xml", JUnitXml.write(SampleRuns.sampleFlows()));
  }

  @Test
  void writesOneSuitePerSampleInRunOrderAndOneCasePerFlow() throws Exception {
    // given
    Document doc = parse(JUnitXml.write(SampleRuns.sampleFlows()));

    // when
    NodeList suites = doc.getElementsByTagName("testsuite");
    Element formats = (Element) suites.item(1);
    NodeList formatCases = formats.getElementsByTagName("testcase");
    Element failed = (Element) formatCases.item(1);

    // then
    assertThat(suites.getLength()).isEqualTo(5);
    for (int i = 0; i < suites.getLength(); i++) {
      assertThat(((Element) suites.item(i)).getAttribute("name"))
          .isEqualTo(SampleRuns.sampleFlows().samples().get(i).name());
    }
    assertThat(formats.getAttribute("tests")).isEqualTo("3");
    assertThat(formats.getAttribute("failures")).isEqualTo("1");
    assertThat(formats.getAttribute("skipped")).isEqualTo("1");
    assertThat(failed.getAttribute("name")).isEqualTo("customFormatFlow");
    assertThat(failed.getAttribute("classname")).isEqualTo("framework-format-demo");
    assertThat(failed.getElementsByTagName("failure").getLength()).isEqualTo(1);
  }

  @Test
  void sampleSuitesCarryTheSamplesRuntimeAndPhase() throws Exception {
    // given
    Document doc = parse(JUnitXml.write(SampleRuns.sampleFlows()));

    // when
    NodeList suites = doc.getElementsByTagName("testsuite");
    NodeList started = ((Element) suites.item(0)).getElementsByTagName("property");
    NodeList envSkipped = ((Element) suites.item(2)).getElementsByTagName("property");
    NodeList unplanned = ((Element) suites.item(4)).getElementsByTagName("property");

    // then
    assertThat(property(started, "genkit.runtime.url")).isEqualTo("http://127.0.0.1:3101");
    assertThat(property(started, "genkit.version")).isEqualTo("1.21.0");
    assertThat(property(started, "jgenkit.sample.phase")).isEqualTo("1");
    assertThat(property(started, "jgenkit.sample.phase.title")).isEqualTo("Core Framework");
    assertThat(property(started, "genkit.model.key")).isNull();
    assertThat(property(envSkipped, "genkit.runtime.url")).isNull();
    assertThat(property(envSkipped, "jgenkit.sample.env.missing")).isEqualTo("GEMINI_API_KEY");
    assertThat(property(envSkipped, "jgenkit.sample.phase")).isEqualTo("2");
    assertThat(property(unplanned, "jgenkit.sample.phase")).isNull();
    assertThat(property(unplanned, "genkit.runtime.url")).isEqualTo("http://127.0.0.1:3104");
  }

  private static String property(NodeList props, String name) {
    for (int i = 0; i < props.getLength(); i++) {
      Element p = (Element) props.item(i);
      if (p.getAttribute("name").equals(name)) {
        return p.getAttribute("value");
      }
    }
    return null;
  }

  private static Document parse(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    return factory
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }
}
