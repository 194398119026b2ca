package dev.jgenkit.junit;

import static dev.jgenkit.junit.JGenkitParameters.FLOW_JOBS;
import static dev.jgenkit.junit.JGenkitParameters.IDLE_TIMEOUT;
import static dev.jgenkit.junit.JGenkitParameters.JOBS;
import static dev.jgenkit.junit.JGenkitParameters.MODELS;
import static dev.jgenkit.junit.JGenkitParameters.NAMING;
import static dev.jgenkit.junit.JGenkitParameters.PLAN;
import static dev.jgenkit.junit.JGenkitParameters.REPORT_DIR;
import static dev.jgenkit.junit.JGenkitParameters.RETRIES;
import static dev.jgenkit.junit.JGenkitParameters.RUNTIME_COMMAND;
import static dev.jgenkit.junit.JGenkitParameters.RUNTIME_DIR;
import static dev.jgenkit.junit.JGenkitParameters.RUNTIME_URL;
import static dev.jgenkit.junit.JGenkitParameters.SAMPLES_DIR;
import static dev.jgenkit.junit.JGenkitParameters.SAMPLE_JOBS;
import static dev.jgenkit.junit.JGenkitParameters.SPECS;
import static dev.jgenkit.junit.JGenkitParameters.STARTUP_TIMEOUT;
import static dev.jgenkit.junit.JGenkitParameters.STRICT;
import static dev.jgenkit.junit.JGenkitParameters.SUPPORTS;
import static dev.jgenkit.junit.JGenkitParameters.TIMEOUT;

import dev.jgenkit.runners.exec.ExecutionOptions;
import dev.jgenkit.runners.plan.Planner;
import dev.jgenkit.specs.BuiltInTests;
import dev.jgenkit.specs.DidYouMean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.junit.platform.engine.ConfigurationParameters;

/**
 * The engine's settings, read from the configuration parameters ({@link JGenkitParameters}); a bad
 * value is a problem (reported as a discovery issue) and its default applies.
 *
 * @param workingDir what relative paths are resolved against
 * @param specs {@value JGenkitParameters#SPECS}, as written
 * @param models {@value JGenkitParameters#MODELS}
 * @param runtime the runtime for specs without settings of their own
 * @param samplesDir {@value JGenkitParameters#SAMPLES_DIR}, as written
 * @param plan {@value JGenkitParameters#PLAN}, as written
 * @param longNames {@value JGenkitParameters#NAMING} is {@code long}
 * @param problems what was wrong with the parameters
 */
record EngineSettings(
    Path workingDir,
    List<String> specs,
    List<String> models,
    RuntimeSettings runtime,
    RunOptions options,
    Optional<String> samplesDir,
    Optional<String> plan,
    int sampleJobs,
    int flowJobs,
    boolean longNames,
    Path reportDir,
    List<String> problems) {
  EngineSettings {
    Objects.requireNonNull(workingDir, "workingDir");
    specs = List.copyOf(specs);
    models = List.copyOf(models);
    Objects.requireNonNull(runtime, "runtime");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(samplesDir, "samplesDir");
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(reportDir, "reportDir");
    problems = List.copyOf(problems);
  }

  /** Reads the parameters, resolving paths against {@code workingDir}. */
  static EngineSettings from(ConfigurationParameters config, Path workingDir) {
    Reader r = new Reader(config);
    Path wd = workingDir.toAbsolutePath().normalize();
    Optional<String> url = r.text(RUNTIME_URL);
    List<String> command = r.text(RUNTIME_COMMAND).map(c -> r.command(RUNTIME_COMMAND, c)).orElse(List.of());
    Path dir = r.text(RUNTIME_DIR).map(d -> wd.resolve(d).normalize()).orElse(wd);
    if (url.isPresent() && !command.isEmpty()) {
      r.problems.add(RUNTIME_URL + " and " + RUNTIME_COMMAND + " exclude each other; using the URL");
      command = List.of();
    }
    RuntimeSettings runtime = new RuntimeSettings(url, command, dir);
    boolean auto = r.text(SUPPORTS).map(s -> s.trim().equalsIgnoreCase("auto")).orElse(false);
    List<String> supports = auto ? BuiltInTests.DEFAULT_SUPPORTS : r.supports();
    Planner.Options plan = new Planner.Options(supports, auto, r.bool(STRICT));
    ExecutionOptions exec =
        new ExecutionOptions(
            r.positive(JOBS, dev.jgenkit.runners.exec.ExecutionOptions.DEFAULT_JOBS),
            seconds(r.seconds(TIMEOUT, 120)),
            r.atLeastZero(RETRIES, 0),
            Duration.ofSeconds(1),
            Duration.ofSeconds(30),
            seconds(r.secondsOrOff(IDLE_TIMEOUT, ExecutionOptions.DEFAULT_IDLE_TIMEOUT.toSeconds())));
    RunOptions options = new RunOptions(plan, exec, seconds(r.seconds(STARTUP_TIMEOUT, 60)));
    Path reports = r.text(REPORT_DIR).map(d -> wd.resolve(d).normalize()).orElseGet(() -> defaultReportDir(wd));
    return new EngineSettings(
        wd,
        r.list(SPECS),
        r.list(MODELS),
        runtime,
        options,
        r.text(SAMPLES_DIR),
        r.text(PLAN),
        r.positive(SAMPLE_JOBS, 1),
        r.positive(FLOW_JOBS, 1),
        r.naming(),
        reports,
        r.problems);
  }

  /** Where logs go when {@value JGenkitParameters#REPORT_DIR} is not set: the build's output dir. */
  static Path defaultReportDir(Path workingDir) {
    if (Files.isRegularFile(workingDir.resolve("pom.xml"))) {
      return workingDir.resolve("target").resolve("jgenkit-reports");
    }
    if (Files.isRegularFile(workingDir.resolve("build.gradle"))
        || Files.isRegularFile(workingDir.resolve("build.gradle.kts"))) {
      return workingDir.resolve("build").resolve("jgenkit-reports");
    }
    return workingDir.resolve("jgenkit-reports");
  }

  private static Duration seconds(double s) {
    return Duration.ofMillis(Math.round(s * 1000));
  }

  /** Reads typed values, collecting problems. */
  private static final class Reader {
    private final ConfigurationParameters config;
    private final List<String> problems = new ArrayList<>();

    Reader(ConfigurationParameters config) {
      this.config = config;
    }

    Optional<String> text(String key) {
      return config.get(key).map(String::trim).filter(s -> !s.isEmpty());
    }

    List<String> list(String key) {
      return text(key)
          .map(s -> Arrays.stream(s.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList())
          .orElse(List.of());
    }

    boolean bool(String key) {
      Optional<String> v = text(key);
      if (v.isEmpty()) {
        return false;
      }
      if (!v.get().equalsIgnoreCase("true") && !v.get().equalsIgnoreCase("false")) {
        problems.add(key + ": expected true or false, got '" + v.get() + "'");
        return false;
      }
      return Boolean.parseBoolean(v.get());
    }

    int positive(String key, int dflt) {
      int n = integer(key, dflt);
      if (n < 1) {
        problems.add(key + ": must be at least 1, got " + n);
        return dflt;
      }
      return n;
    }

    int atLeastZero(String key, int dflt) {
      int n = integer(key, dflt);
      if (n < 0) {
        problems.add(key + ": must be 0 or more, got " + n);
        return dflt;
      }
      return n;
    }

    private int integer(String key, int dflt) {
      Optional<String> v = text(key);
      if (v.isEmpty()) {
        return dflt;
      }
      try {
        return Integer.parseInt(v.get());
      } catch (NumberFormatException e) {
        problems.add(key + ": not a whole number: '" + v.get() + "'");
        return dflt;
      }
    }

    /** Like {@link #seconds} but 0 is allowed (off). */
    double secondsOrOff(String key, double dflt) {
      Optional<String> v = text(key);
      if (v.isPresent() && v.get().trim().equals("0")) {
        return 0;
      }
      return seconds(key, dflt);
    }

    double seconds(String key, double dflt) {
      Optional<String> v = text(key);
      if (v.isEmpty()) {
        return dflt;
      }
      try {
        double s = Double.parseDouble(v.get());
        if (!(s > 0) || Double.isInfinite(s)) {
          problems.add(key + ": must be a positive number of seconds, got '" + v.get() + "'");
          return dflt;
        }
        return s;
      } catch (NumberFormatException e) {
        problems.add(key + ": not a number of seconds: '" + v.get() + "'");
        return dflt;
      }
    }

    boolean naming() {
      Optional<String> v = text(NAMING);
      if (v.isEmpty() || v.get().equals("short")) {
        return false;
      }
      if (!v.get().equals("long")) {
        problems.add(NAMING + ": expected short or long, got '" + v.get() + "'");
        return false;
      }
      return true;
    }

    List<String> supports() {
      List<String> caps = list(SUPPORTS);
      if (caps.isEmpty()) {
        return BuiltInTests.DEFAULT_SUPPORTS;
      }
      List<String> known = new ArrayList<>();
      for (String c : caps) {
        if (BuiltInTests.get(c).isPresent()) {
          known.add(c);
        } else {
          String hint =
              DidYouMean.suggest(c, BuiltInTests.capabilities())
                  .map(s -> " (did you mean '" + s + "'?)")
                  .orElse("");
          problems.add(SUPPORTS + ": unknown capability '" + c + "'" + hint + "; known: "
              + String.join(", ", BuiltInTests.capabilities()) + ", or auto");
        }
      }
      return known;
    }

    List<String> command(String key, String value) {
      try {
        List<String> argv = CommandLines.parse(value);
        if (argv.isEmpty()) {
          problems.add(key + ": empty command");
        }
        return argv;
      } catch (IllegalArgumentException e) {
        problems.add(key + ": " + e.getMessage());
        return List.of();
      }
    }
  }
}
