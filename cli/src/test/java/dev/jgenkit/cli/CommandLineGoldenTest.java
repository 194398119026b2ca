package dev.jgenkit.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the command line prints and returns for help, version and every kind of usage error, kept
 * in golden files: the command model (options, defaults, labels, descriptions, type conversion,
 * suggestions) must not change unnoticed, however it is built.
 */
class CommandLineGoldenTest {
  @TempDir Path dir;

  static Stream<Arguments> commandLines() {
    return Stream.of(
        Arguments.of("root-help", List.of("--help")),
        Arguments.of("root-no-args", List.of()),
        Arguments.of("root-unknown-command", List.of("test-modle")),
        Arguments.of("root-unknown-option", List.of("--frob")),
        Arguments.of("test-model-help", List.of("test-model", "--help")),
        Arguments.of("test-model-h", List.of("test-model", "-h")),
        Arguments.of("test-model-version", List.of("test-model", "-V")),
        Arguments.of("test-model-no-args", List.of("test-model")),
        Arguments.of("test-model-unknown-option", List.of("test-model", "--from-fil", "x.yaml")),
        Arguments.of("test-model-missing-value", List.of("test-model", "--from-file")),
        Arguments.of("test-model-jobs-not-a-number", List.of("test-model", "-j", "many", "m")),
        Arguments.of("test-model-jobs-zero", List.of("test-model", "--jobs=0", "m")),
        Arguments.of("test-model-timeout-not-a-number", List.of("test-model", "--timeout", "soon", "m")),
        Arguments.of("test-model-timeout-negative", List.of("test-model", "--timeout", "-1", "m")),
        Arguments.of("test-model-idle-timeout-negative", List.of("test-model", "--idle-timeout=-2", "m")),
        Arguments.of("test-model-retries-negative", List.of("test-model", "--retries", "-1", "m")),
        Arguments.of("test-model-startup-timeout-zero", List.of("test-model", "--startup-timeout", "0", "m")),
        Arguments.of("test-model-unknown-capability", List.of("test-model", "--supports", "tool,multiturm", "m")),
        Arguments.of("test-model-bad-url", List.of("test-model", "--runtime-url", "localhost:3100", "m")),
        Arguments.of("test-model-url-and-command", List.of("test-model", "--runtime-url", "http://localhost:1", "m", "--", "node", "x.js")),
        Arguments.of("test-model-missing-spec", List.of("test-model", "--from-file", "nope.yaml")),
        Arguments.of("test-model-interactive-no-tty", List.of("test-model", "-i", "m")),
        Arguments.of("test-model-runtime-without-config", List.of("test-model", "--runtime", "js")),
        Arguments.of("test-model-config-and-url", List.of("test-model", "--config", "j.yaml", "--runtime-url", "http://localhost:1")),
        Arguments.of("test-model-stacktrace-usage", List.of("test-model", "--stacktrace", "--jobs", "0", "m")),
        Arguments.of("test-model-repeated-scalar", List.of("test-model", "--jobs", "2", "--jobs", "3", "m")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commandLines")
  void outputMatchesItsGoldenFile(String name, List<String> args) throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Path work = Files.createDirectories(dir.resolve("work"));
    CliEnvironment env = new CliEnvironment(work, Map.of(), false);
    int code;
    try (PrintWriter o = new PrintWriter(out, true); PrintWriter e = new PrintWriter(err, true)) {
      code = Main.run(o, e, env, args.toArray(new String[0]));
    }
    String text = "$ jgenkit " + String.join(" ", args) + "\nexit " + code + "\n--- stdout\n" + out
        + "--- stderr\n" + err;
    Golden.assertMatches("cli/" + name + ".txt",
        text.replace(work.toString(), "<work>").replace(VersionProvider.version(), "<version>")
            .replaceAll("(?m)^\\s+at .*\\R", "    at …\n").replaceAll("(    at …\\n)+", "    at …\n"));
  }
}
