package dev.jgenkit.cli;

import dev.jgenkit.junit.PreparedRun;
import dev.jgenkit.runners.TestModelEngine;
import dev.jgenkit.runners.exec.RunListener;
import dev.jgenkit.runners.results.RunResult;
import dev.jgenkit.runners.runtime.RuntimeUnavailableException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.reporting.legacy.xml.LegacyXmlReportGeneratingListener;
import org.junit.platform.reporting.open.xml.OpenTestReportGeneratingListener;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code --junit-xml-legacy} and {@code --open-test-report}: the run goes through the JUnit
 * Platform Launcher, with the {@code jgenkit} engine running exactly the prepared request (same
 * engine, listener and results), so the launcher's own report listeners write their formats to
 * {@code <report-dir>/junit-platform/} beside jgenkit's reports.
 */
final class LauncherReports {
  /** Where the launcher's reports go, under the report dir. */
  static final String DIR = "junit-platform";

  boolean legacyXml;
  boolean openTestReport;

  /** Adds {@code --junit-xml-legacy} and {@code --open-test-report} to {@code spec}. */
  static void addTo(CommandSpec spec) {
    Options.flag(spec, new String[] {"--junit-xml-legacy"},
        "Also write the JUnit Platform launcher's legacy XML report (<report-dir>/" + DIR
            + "/TEST-jgenkit.xml), running the tests through the launcher.");
    Options.flag(spec, new String[] {"--open-test-report"},
        "Also write an Open Test Reporting XML report (<report-dir>/" + DIR
            + "/open-test-report.xml), running the tests through the launcher.");
  }

  /** Takes the parsed values from {@code spec}, to which {@link #addTo} added the options. */
  void read(CommandSpec spec) {
    legacyXml = Options.value(spec, "--junit-xml-legacy");
    openTestReport = Options.value(spec, "--open-test-report");
  }

  private final List<Path> written = new ArrayList<>();

  boolean enabled() {
    return legacyXml || openTestReport;
  }

  /**
   * Runs the request: directly on {@code engine}, or when a launcher report is asked for, through
   * the launcher with that engine.
   */
  RunResult run(TestModelEngine engine, TestModelEngine.Request request, RunListener listener, Path reportDir)
      throws RuntimeUnavailableException, InterruptedException {
    if (!enabled()) {
      return engine.run(request, listener);
    }
    Path dir = reportDir.resolve(DIR);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UserException(ExitCode.USAGE, "cannot create " + dir + ": " + e.getMessage(), e);
    }
    PreparedRun run = new PreparedRun(engine, request, listener);
    Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
        .enableTestEngineAutoRegistration(false)
        .enableTestExecutionListenerAutoRegistration(false)
        .enableLauncherDiscoveryListenerAutoRegistration(false)
        .enableLauncherSessionListenerAutoRegistration(false)
        .enablePostDiscoveryFilterAutoRegistration(false)
        .addTestEngines(run.testEngine())
        .build());
    LauncherDiscoveryRequest discovery = LauncherDiscoveryRequestBuilder.request()
        .enableImplicitConfigurationParameters(false)
        .configurationParameter("junit.platform.reporting.output.dir", dir.toString())
        .configurationParameter("junit.platform.reporting.open.xml.enabled", String.valueOf(openTestReport))
        .build();
    StringWriter problems = new StringWriter();
    List<TestExecutionListener> listeners = new ArrayList<>();
    if (legacyXml) {
      listeners.add(new LegacyXmlReportGeneratingListener(dir, new PrintWriter(problems)));
    }
    if (openTestReport) {
      listeners.add(new OpenTestReportGeneratingListener());
    }
    launcher.execute(discovery, listeners.toArray(TestExecutionListener[]::new));
    if (Thread.interrupted()) {
      throw new InterruptedException();
    }
    if (!problems.toString().isBlank()) {
      throw new UserException(ExitCode.USAGE, "cannot write the legacy XML report to " + dir + ": " + problems.toString().strip());
    }
    written.clear();
    try (Stream<Path> files = Files.list(dir)) {
      files.filter(p -> p.getFileName().toString().endsWith(".xml")).sorted().forEach(written::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // The launcher's listeners write reasons as they are: mask secrets and shorten data URLs in
    // their files too, as in everything else jgenkit writes.
    for (Path f : written) {
      try {
        String xml = Files.readString(f, java.nio.charset.StandardCharsets.UTF_8);
        String masked = dev.jgenkit.reports.Redaction.redact(xml);
        if (!masked.equals(xml)) {
          dev.jgenkit.reports.ReportWriter.writeAtomically(f, masked.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return run.result();
  }

  /** The launcher's report files, once {@link #run} wrote them. */
  List<Path> written() {
    return List.copyOf(written);
  }
}
