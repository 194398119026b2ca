package dev.jgenkit.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgenkit.runners.plan.PlannedTest;
import dev.jgenkit.runners.results.RunResult;
import dev.jgenkit.runners.results.TestResult;
import dev.jgenkit.runners.results.Verdict;
import dev.jgenkit.specs.Location;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class GitHubAnnotationsTest {
  @Test
  void annotatesEachFailureAndErrorOnItsSpecLine() {
    // when
    List<String> lines = GitHubAnnotations.render(List.of(SampleRuns.full()), 10);

    // then: 2 FAIL + 2 ERROR, in plan order
    assertThat(lines).hasSize(4);
    assertThat(lines.get(0))
        .isEqualTo(
            "::error file=specs/reference.yaml,line=3,col=5,title=FAIL%3A reference/good ›"
                + " Structured Output Conformance::Response text is not valid JSON. Text:"
                + " {\"name\"");
    assertThat(lines.get(1))
        .startsWith("::error file=specs/reference.yaml,line=12,col=7,title=ERROR%3A reference/good › Hang::");
  }

  @Test
  void escapesDataAndPropertiesAsTheActionsToolkitDoes() {
    assertThat(GitHubAnnotations.data("100% done\r\nnext::x, y")).isEqualTo("100%25 done%0D%0Anext::x, y");
    assertThat(GitHubAnnotations.property("a:b,c%d\ne")).isEqualTo("a%3Ab%2Cc%25d%0Ae");
  }

  @Test
  void aReasonCannotEndTheCommandOrStartAnother() {
    // given
    String reason = "50% off\n::add-mask::x\r\n::error title=forged::y";
    RunResult run = SampleRuns.withResults(List.of(failing(0, "T, with: colons", reason)));

    // when
    List<String> lines = GitHubAnnotations.render(List.of(run), 10);

    // then: one line, message escaped, title's ':' and ',' escaped
    assertThat(lines).hasSize(1);
    String line = lines.get(0);
    assertThat(line).doesNotContain("\n", "\r");
    assertThat(line)
        .endsWith("title=FAIL%3A m › T%2C with%3A colons::50%25 off%0A::add-mask::x%0A::error title=forged::y");
  }

  @Test
  void redactsSecretsInMessages() {
    // given
    RunResult run =
        SampleRuns.withResults(List.of(failing(0, "T", "401: Authorization: Bearer abcdef123")));

    // when
    String line = GitHubAnnotations.render(List.of(run), 10).get(0);

    // then
    assertThat(line).doesNotContain("abcdef123").contains("Authorization%3A ***".replace("%3A", ":"));
  }

  @Test
  void capsTheAnnotationsThenSaysHowManyWereLeftOut() {
    // given
    List<TestResult> results = new ArrayList<>();
    for (int i = 0; i < 13; i++) {
      results.add(failing(i, "T" + i, "bad " + i));
    }
    RunResult run = SampleRuns.withResults(results);

    // when
    List<String> lines = GitHubAnnotations.render(List.of(run), 10);

    // then
    assertThat(lines).hasSize(11);
    assertThat(lines.subList(0, 10)).allMatch(l -> l.startsWith("::error "));
    assertThat(lines.get(10))
        .isEqualTo(
            "::notice title=jgenkit::3 more failed checks are not annotated (13 failed in all);"
                + " see the job summary or report.md");
  }

  @Test
  void nothingFailedNothingToSay() {
    RunResult run =
        SampleRuns.withResults(
            List.of(SampleRuns.pass(test(0, "T"), 1, java.util.Optional.empty(), null)));
    assertThat(GitHubAnnotations.render(List.of(run))).isEmpty();
    assertThat(GitHubAnnotations.render(List.of(SampleRuns.full()), 0))
        .containsExactly(
            "::notice title=jgenkit::4 more failed checks are not annotated (4 failed in all);"
                + " see the job summary or report.md");
    assertThatThrownBy(() -> GitHubAnnotations.render(List.of(run), -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void leavesOutTheFileWhenItsPathIsAbsolute() {
    // given
    PlannedTest t = test(0, "T");
    PlannedTest absolute =
        new PlannedTest(
            t.index(), t.suiteIndex(), t.model(), t.modelKey(), t.name(), t.capability(),
            t.input(), t.validators(), t.stream(), t.skipReason(), t.declaredUnsupported(),
            new Location(Path.of("/abs/spec.yaml").toAbsolutePath(), 3, 1));
    RunResult run =
        SampleRuns.withResults(
            List.of(
                SampleRuns.result(
                    absolute, Verdict.ERROR, "boom", 1, 1, OptionalLong.empty(), 0)));

    // when
    String line = GitHubAnnotations.render(List.of(run)).get(0);

    // then
    assertThat(line).isEqualTo("::error title=ERROR%3A m › T::boom");
  }

  @Test
  void namesTheRuntimeWhenThereAreSeveral() {
    // when
    List<String> lines = GitHubAnnotations.render(MultiRuntimeRuns.twoRuntimes(), 50);

    // then
    assertThat(lines).hasSize(6);
    assertThat(lines.get(4))
        .contains("title=FAIL%3A reference/good › Tool Request Conformance [Genkit 1.22.0]::");
  }

  @Test
  void isEnabledOnlyInGitHubActions() {
    assertThat(GitHubAnnotations.enabled(Map.of("GITHUB_ACTIONS", "true"))).isTrue();
    assertThat(GitHubAnnotations.enabled(Map.of("GITHUB_ACTIONS", "false"))).isFalse();
    assertThat(GitHubAnnotations.enabled(Map.of())).isFalse();
  }

  private static TestResult failing(int index, String name, String reason) {
    return SampleRuns.result(test(index, name), Verdict.FAIL, reason, 1, 1, OptionalLong.empty(), 0);
  }

  private static PlannedTest test(int index, String name) {
    return SampleRuns.planned(index, 0, "m", name, null, false, 1 + index, 1);
  }
}
