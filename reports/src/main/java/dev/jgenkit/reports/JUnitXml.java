package dev.jgenkit.reports;

import dev.jgenkit.runners.plan.PlannedTest;
import dev.jgenkit.runners.results.RunResult;
import dev.jgenkit.runners.results.RuntimeInfo;
import dev.jgenkit.runners.results.SampleInfo;
import dev.jgenkit.runners.results.TestResult;
import dev.jgenkit.runners.results.Verdict;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML ({@code junit.xml}) in the Ant/Jenkins {@code junit-10.xsd} dialect that CI servers
 * read: one {@code <testsuite>} per spec suite named after the model as written, one {@code
 * <testcase>} per test with the model as {@code classname}; in a multi-runtime run one suite per
 * runtime × model, named and classed {@code <model> @ <runtime>}, with the runtime's name, URL,
 * Genkit version and command as properties. For sample-flows: one {@code
 * <testsuite>} per sample in run order, named after the sample, one {@code <testcase>} per flow (or
 * the {@code (start)} placeholder) named after the flow, the sample as {@code classname}; the
 * suite's properties carry the sample's runtime URL, Genkit version and log, its plan phase and
 * title, directory, features and (missing) variables.
 *
 * <p>FAIL becomes {@code <failure type="ValidationFailure">}, ERROR {@code <error
 * type="ExecutionError">}, SKIP {@code <skipped>}. The {@code message} attribute holds the reason
 * on one line, the element body the full reason. Characters XML 1.0 forbids are written as {@code
 * \\uXXXX}. Suite {@code time} is the sum of its tests' durations (tests in a suite run
 * concurrently); {@code timestamp} is the run's start in UTC without a zone suffix, as Ant writes
 * it.
 */
public final class JUnitXml {
  /** The report's conventional file name. */
  public static final String FILE_NAME = "junit.xml";

  /** {@code type} of the {@code <failure>} written for a FAIL verdict. */
  public static final String FAILURE_TYPE = "ValidationFailure";

  /** {@code type} of the {@code <error>} written for an ERROR verdict. */
  public static final String ERROR_TYPE = "ExecutionError";

  private static final String NL = "\n";
  private static final DateTimeFormatter ANT_TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT);

  private JUnitXml() {}

  /** The document as UTF-8 bytes. */
  public static byte[] writeBytes(RunResult run) {
    return write(run).getBytes(StandardCharsets.UTF_8);
  }

  /** The document as a string (declared UTF-8), ending with a newline. */
  public static String write(RunResult run) {
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out);
      new Emitter(xml, run).document();
      xml.close();
    } catch (XMLStreamException e) {
      // Writing to a StringWriter cannot fail for I/O reasons; this is a bug.
      throw new IllegalStateException("cannot write JUnit XML", e);
    }
    return out + NL;
  }

  /** Walks the run and writes elements; holds the writer so helpers stay short. */
  private static final class Emitter {
    private final XMLStreamWriter xml;
    private final RunResult run;

    Emitter(XMLStreamWriter xml, RunResult run) {
      this.xml = xml;
      this.run = run;
    }

    void document() throws XMLStreamException {
      xml.writeStartDocument("UTF-8", "1.0");
      newline(0);
      xml.writeStartElement("testsuites");
      attr("name", run.tool());
      attr("tests", run.results().size());
      attr("failures", run.count(Verdict.FAIL));
      attr("errors", run.count(Verdict.ERROR));
      attr("time", Text.seconds(ResultsJson.runMillis(run)));
      for (List<TestResult> suite : run.bySuite()) {
        newline(1);
        suite(suite);
      }
      newline(0);
      xml.writeEndElement();
      xml.writeEndDocument();
    }

    private void suite(List<TestResult> results) throws XMLStreamException {
      PlannedTest first = results.get(0).test();
      long millis = results.stream().mapToLong(TestResult::durationMillis).sum();
      xml.writeStartElement("testsuite");
      attr("name", className(first));
      attr("tests", results.size());
      attr("failures", count(results, Verdict.FAIL));
      attr("errors", count(results, Verdict.ERROR));
      attr("skipped", count(results, Verdict.SKIP));
      attr("time", Text.seconds(millis));
      attr("timestamp", timestamp());
      attr("id", first.suiteIndex());
      properties(first);
      for (TestResult r : results) {
        newline(2);
        testcase(r);
      }
      newline(1);
      xml.writeEndElement();
    }

    private void properties(PlannedTest first) throws XMLStreamException {
      List<String[]> props =
          first.kind() == PlannedTest.Kind.SAMPLE_FLOW
              ? sampleProperties(first)
              : modelProperties(first);
      newline(2);
      xml.writeStartElement("properties");
      for (String[] p : props) {
        newline(3);
        xml.writeEmptyElement("property");
        attr("name", p[0]);
        attr("value", p[1]);
      }
      newline(2);
      xml.writeEndElement();
    }

    /** The model, and in a multi-runtime run the runtime's name: {@code reference/good @ a}. */
    private static String className(PlannedTest t) {
      return t.runtime().isEmpty() || t.kind() == PlannedTest.Kind.SAMPLE_FLOW
          ? t.model()
          : t.model() + " @ " + t.runtime();
    }

    private List<String[]> modelProperties(PlannedTest first) {
      List<String[]> props = new ArrayList<>();
      RuntimeInfo rt = run.runtimeNamed(first.runtime());
      if (!first.runtime().isEmpty()) {
        props.add(new String[] {"jgenkit.runtime", first.runtime()});
      }
      props.add(new String[] {"genkit.runtime.url", rt.url()});
      rt.genkitVersion().ifPresent(v -> props.add(new String[] {"genkit.version", v}));
      if (!first.runtime().isEmpty() && !rt.command().isEmpty()) {
        props.add(new String[] {"jgenkit.runtime.command",
            Redaction.redact(String.join(" ", rt.command()))});
      }
      props.add(new String[] {"genkit.model", first.model()});
      props.add(new String[] {"genkit.model.key", first.modelKey()});
      props.add(new String[] {"jgenkit.version", run.toolVersion()});
      props.add(new String[] {"jgenkit.spec.file", first.location().file().toString()});
      return props;
    }

    /** The sample's own runtime (when it was started), plan phase and what it needs. */
    private List<String[]> sampleProperties(PlannedTest first) {
      Optional<SampleInfo> sample =
          run.samples().stream().filter(s -> s.name().equals(first.model())).findFirst();
      Optional<RuntimeInfo> rt = sample.flatMap(SampleInfo::runtime);
      OptionalInt phase = sample.map(SampleInfo::phase).orElse(first.phase());
      List<String[]> props = new ArrayList<>();
      rt.ifPresent(r -> props.add(new String[] {"genkit.runtime.url", r.url()}));
      rt.flatMap(RuntimeInfo::genkitVersion)
          .ifPresent(v -> props.add(new String[] {"genkit.version", v}));
      rt.flatMap(RuntimeInfo::logFile)
          .ifPresent(v -> props.add(new String[] {"jgenkit.runtime.log", v}));
      props.add(new String[] {"jgenkit.version", run.toolVersion()});
      props.add(new String[] {"jgenkit.sample", first.model()});
      if (phase.isPresent()) {
        props.add(new String[] {"jgenkit.sample.phase", Integer.toString(phase.getAsInt())});
      }
      sample.ifPresent(s -> sampleFacts(s, props));
      props.add(new String[] {"jgenkit.plan.file", first.location().file().toString()});
      return props;
    }

    private static void sampleFacts(SampleInfo s, List<String[]> props) {
      if (!s.phaseTitle().isEmpty()) {
        props.add(new String[] {"jgenkit.sample.phase.title", s.phaseTitle()});
      }
      s.directory().ifPresent(d -> props.add(new String[] {"jgenkit.sample.directory", d}));
      if (!s.features().isEmpty()) {
        props.add(new String[] {"jgenkit.sample.features", String.join(", ", s.features())});
      }
      if (!s.requiredEnv().isEmpty()) {
        props.add(new String[] {"jgenkit.sample.env", String.join(", ", s.requiredEnv())});
      }
      if (!s.missingEnv().isEmpty()) {
        props.add(new String[] {"jgenkit.sample.env.missing", String.join(", ", s.missingEnv())});
      }
    }

    private void testcase(TestResult r) throws XMLStreamException {
      PlannedTest t = r.test();
      String reason = Redaction.redact(r.reason());
      String details = details(r);
      boolean hasBody = r.verdict() != Verdict.PASS || !details.isEmpty();
      if (hasBody) {
        xml.writeStartElement("testcase");
      } else {
        xml.writeEmptyElement("testcase");
      }
      attr("name", t.name());
      attr("classname", className(t));
      attr("time", Text.seconds(r.durationMillis()));
      if (!hasBody) {
        return;
      }
      switch (r.verdict()) {
        case FAIL:
          newline(3);
          problem("failure", FAILURE_TYPE, reason);
          break;
        case ERROR:
          newline(3);
          problem("error", ERROR_TYPE, reason);
          break;
        case SKIP:
          newline(3);
          xml.writeEmptyElement("skipped");
          attr("message", Text.joinLines(reason));
          break;
        case PASS:
        default:
          break;
      }
      if (!details.isEmpty()) {
        newline(3);
        xml.writeStartElement("system-out");
        text(details);
        xml.writeEndElement();
      }
      newline(2);
      xml.writeEndElement();
    }

    private void problem(String element, String type, String reason) throws XMLStreamException {
      xml.writeStartElement(element);
      attr("message", Text.joinLines(reason));
      attr("type", type);
      text(reason);
      xml.writeEndElement();
    }

    /** Facts a CI reader wants next to the verdict; one {@code key: value} line each. */
    private static String details(TestResult r) {
      PlannedTest t = r.test();
      StringBuilder sb = new StringBuilder();
      line(sb, "location", t.location().toString());
      if (r.verdict() != Verdict.SKIP) {
        if (r.attempts() > 1) {
          line(sb, "attempts", Integer.toString(r.attempts()));
        }
        if (t.stream()) {
          r.timeToFirstChunkMillis()
              .ifPresent(ms -> line(sb, "timeToFirstChunk", Text.seconds(ms) + " s"));
          line(sb, "chunks", Integer.toString(r.chunkCount()));
        }
        r.finishReason().ifPresent(v -> line(sb, "finishReason", v));
        r.usage().ifPresent(v -> line(sb, "usage", v.toString()));
        r.traceId().ifPresent(v -> line(sb, "traceId", v));
      }
      t.declaredUnsupported().ifPresent(v -> line(sb, "declaredUnsupported", v));
      return sb.toString();
    }

    private static void line(StringBuilder sb, String key, String value) {
      sb.append(key).append(": ").append(value).append('\n');
    }

    private String timestamp() {
      return ANT_TIMESTAMP.format(LocalDateTime.ofInstant(run.startedAt(), ZoneOffset.UTC));
    }

    private static long count(List<TestResult> results, Verdict verdict) {
      return results.stream().filter(r -> r.verdict() == verdict).count();
    }

    private void attr(String name, String value) throws XMLStreamException {
      xml.writeAttribute(name, Text.xmlSafe(value));
    }

    private void attr(String name, long value) throws XMLStreamException {
      xml.writeAttribute(name, Long.toString(value));
    }

    private void text(String value) throws XMLStreamException {
      xml.writeCharacters(Text.xmlSafe(value));
    }

    private void newline(int depth) throws XMLStreamException {
      xml.writeCharacters(NL + "  ".repeat(depth));
    }
  }
}
