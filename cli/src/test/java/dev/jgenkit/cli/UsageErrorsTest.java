package dev.jgenkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit 2: bad command lines and bad spec files; nothing reaches the runtime, no stack traces. */
class UsageErrorsTest {
  private static final String GOOD_SPEC =
      """
      - model: fake/good
        supports: [multiturn]
        tests:
          - name: Hello
            input:
              messages:
                - role: user
                  content:
                    - text: hello
            validators:
              - text-includes:genkit
      """;

  // 'suports' on line 2, column 3
  private static final String UNKNOWN_KEY_SPEC =
      """
      - model: fake/good
        suports: [multiturn]
      """;

  @TempDir Path dir;
  @TempDir Path reports;

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
  void aModelNameIsRequiredWithoutFromFile() {
    // when
    Cli.Result r = cli.run("test-model", "--runtime-url", fake.url());

    // then
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.err())
        .startsWith("jgenkit: a model name is required unless --from-file is used")
        .contains("e.g. jgenkit test-model");
    assertThat(r.out()).isEmpty();
    assertThat(fake.requestCount()).isZero();
  }

  @Test
  void anUnknownSupportsCapabilityIsRejectedWithADidYouMean() {
    // when
    Cli.Result r =
        cli.run("test-model", "fake/good", "--supports", "multiturn,sytem-role", "--runtime-url", fake.url());

    // then
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.err())
        .contains("--supports: unknown capability 'sytem-role'")
        .contains("did you mean 'system-role'?")
        .contains("known: tool-request")
        .contains("or auto");
    assertThat(fake.requestCount()).isZero();
  }

  @Test
  void aSpecWithAnUnknownKeyIsLocatedAndNothingIsSent() throws Exception {
    // given
    Path spec = cli.write("spec.yaml", UNKNOWN_KEY_SPEC);

    // when
    Cli.Result r =
        cli.run("test-model", "--from-file", "spec.yaml", "--runtime-url", fake.url(),
            "--report-dir", reports.toString());

    // then
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.err())
        .contains(spec + ":2:3: ")
        .containsPattern("(?m)^\\S+spec\\.yaml:\\d+:\\d+: .*'suports'")
        .contains("did you mean 'supports'?")
        .contains("nothing was run")
        .doesNotContain("at dev.jgenkit")
        .doesNotContain("Exception");
    assertThat(r.out()).isEmpty();
    assertThat(fake.requestCount()).isZero();
    assertThat(reports.resolve("results.json")).doesNotExist();
  }

  @Test
  void aMissingSpecFileIsAUsageError() {
    // when
    Cli.Result r = cli.run("test-model", "--from-file", "nope.yaml", "--runtime-url", fake.url());

    // then
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).contains(dir.resolve("nope.yaml").toString()).contains("spec file not found");
    assertThat(fake.requestCount()).isZero();
  }

  @Test
  void jobsMustBeAtLeastOne() {
    // when
    Cli.Result r = cli.run("test-model", "fake/good", "--jobs", "0", "--runtime-url", fake.url());

    // then
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).contains("--jobs must be at least 1 (got 0)");
    assertThat(fake.requestCount()).isZero();
  }

  @Test
  void timeoutMustBePositive() {
    // when
    Cli.Result r = cli.run("test-model", "fake/good", "--timeout", "0", "--runtime-url", fake.url());

    // then
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).contains("--timeout must be a positive number of seconds");
    assertThat(fake.requestCount()).isZero();
  }

  @Test
  void idleTimeoutMustNotBeNegative() {
    // when
    Cli.Result r = cli.run("test-model", "fake/good", "--idle-timeout", "-1", "--runtime-url", fake.url());

    // then
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).contains("--idle-timeout must be 0 (off) or a positive number of seconds");
    assertThat(fake.requestCount()).isZero();
  }

  @Test
  void aRuntimeUrlAndARuntimeCommandExcludeEachOther() {
    // when
    Cli.Result r =
        cli.run("test-model", "fake/good", "--runtime-url", fake.url(), "--", "node", "index.js");

    // then
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).contains("--runtime-url and a runtime command exclude each other");
    assertThat(fake.requestCount()).isZero();
  }

  @Test
  void aRuntimeUrlWithoutSchemeIsAUsageError() {
    // when
    Cli.Result r = cli.run("test-model", "fake/good", "--runtime-url", "localhost:" + fake.port());

    // then
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).contains("--runtime-url").contains("localhost:" + fake.port());
    assertThat(r.err()).doesNotContain("internal error");
    assertThat(fake.requestCount()).isZero();
  }

  @Test
  void anUnknownOptionIsAUsageErrorWithAPointerToHelp() {
    // when
    Cli.Result r = cli.run("test-model", "fake/good", "--bogus");

    // then
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).contains("Unknown option: '--bogus'").contains("jgenkit test-model --help");
    assertThat(r.err()).doesNotContain("at picocli");
  }

  @Test
  void aMisspeltOptionSuggestsTheRealOne() {
    // when
    Cli.Result r = cli.run("test-model", "fake/good", "--runtime-ulr", "http://x");

    // then
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).contains("--runtime-url");
  }

  @Test
  void anUnknownSubcommandIsAUsageError() {
    // when
    Cli.Result r = cli.run("test-modle");

    // then
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).contains("test-modle").contains("test-model");
  }

  @Test
  void aNonNumericJobsValueIsAUsageError() {
    // when
    Cli.Result r = cli.run("test-model", "fake/good", "-j", "many");

    // then
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).contains("many");
  }

  @Test
  void validateAcceptsAGoodSpec() throws Exception {
    // given
    Path spec = cli.write("good.yaml", GOOD_SPEC);

    // when
    Cli.Result r = cli.run("validate", "good.yaml");

    // then
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).isEqualTo("ok  " + spec + " (1 suites, 1 custom tests)" + System.lineSeparator());
    assertThat(r.err()).isEmpty();
  }

  @Test
  void validateRejectsABadSpecWithLocatedProblems() throws Exception {
    // given
    Path spec = cli.write("bad.yaml", UNKNOWN_KEY_SPEC);

    // when
    Cli.Result r = cli.run("validate", "bad.yaml");

    // then
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).contains(spec + ":2:3: ").contains("did you mean 'supports'?");
    assertThat(r.err()).doesNotContain("at dev.jgenkit");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void validateChecksEveryFileAndFailsIfAnyIsBad() throws Exception {
    // given
    Path good = cli.write("good.yaml", GOOD_SPEC);
    Path bad = cli.write("sub/bad.yaml", UNKNOWN_KEY_SPEC);

    // when
    Cli.Result r = cli.run("validate", "sub/bad.yaml", "good.yaml");

    // then both were checked
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.out()).contains("ok  " + good);
    assertThat(r.err()).contains(bad + ":2:3: ");
  }

  @Test
  void validateResolvesFilesAgainstTheProjectRootLikeThePeer() throws Exception {
    // given a spec at the project root and a working directory below it
    cli.write("good.yaml", GOOD_SPEC);
    Path sub = Files.createDirectories(dir.resolve("src/app"));
    java.io.StringWriter out = new java.io.StringWriter();
    java.io.StringWriter err = new java.io.StringWriter();

    // when
    int code =
        Main.run(new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true),
            new CliEnvironment(sub, java.util.Map.of(), false), "validate", "good.yaml");

    // then
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("ok  " + dir.resolve("good.yaml"));
  }

  @Test
  void validateNeedsAtLeastOneFile() {
    // when
    Cli.Result r = cli.run("validate");

    // then
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).contains("FILE");
  }
}
