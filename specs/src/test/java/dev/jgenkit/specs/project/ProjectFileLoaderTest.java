package dev.jgenkit.specs.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgenkit.specs.SpecException;
import dev.jgenkit.specs.SpecProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectFileLoaderTest {
  @TempDir Path dir;
  private Path file;

  @BeforeEach
  void setUp() throws Exception {
    file = dir.resolve("jgenkit.yaml");
    Files.createDirectories(dir.resolve("app"));
    Files.writeString(dir.resolve("spec.yaml"), "- model: a/b\n");
  }

  @Test
  void readsStartedAndAttachedRuntimesInFileOrderWithPathsResolvedAgainstTheFile() throws Exception {
    // when
    ProjectFile p =
        ProjectFileLoader.load(file,
            """
            specs: [spec.yaml]
            runtimes:
              js-main:
                start: [node, app.js]
                cwd: app
                env: {MODE: fast, PORT: 3100}
                models: [a/b]
              remote:
                url: http://localhost:3100/
            """);

    // then
    assertThat(p.names()).containsExactly("js-main", "remote");
    assertThat(p.specs()).containsExactly(dir.resolve("spec.yaml").toAbsolutePath().normalize());
    ProjectFile.Runtime js = p.runtime("js-main").orElseThrow();
    assertThat(js.start()).containsExactly("node", "app.js");
    assertThat(js.cwd()).isEqualTo(dir.resolve("app").toAbsolutePath().normalize());
    assertThat(js.env()).isEqualTo(Map.of("MODE", "fast", "PORT", "3100"));
    assertThat(js.models()).containsExactly("a/b");
    assertThat(js.location().toString()).endsWith("jgenkit.yaml:3:3");
    ProjectFile.Runtime remote = p.runtime("remote").orElseThrow();
    assertThat(remote.url()).contains("http://localhost:3100");
    assertThat(remote.cwd()).isEqualTo(dir.toAbsolutePath().normalize());
  }

  @Test
  void everyProblemIsLocatedWithAFix() {
    // when
    List<String> problems =
        problems(
            """
            spec: [spec.yaml]
            runtimes:
              a:
                start: node app.js
              b:
                url: localhost:3100
                cwd: app
              c: {}
              "d e":
                url: http://x
              f:
                start: [node]
                url: http://x
                specs: [missing.yaml]
            """);

    // then
    assertThat(problems)
        .containsExactly(
            "1:1: unknown project file key 'spec'\n  hint: did you mean 'specs'? A project file has only 'specs' and 'runtimes'",
            "4:12: 'start' must be a list of strings, found a string\n  hint: write 'start: [node, app.js]'",
            "6:10: 'url' is not an http(s) URL: 'localhost:3100'\n  hint: write the reflection server's URL, e.g. 'url: http://localhost:3100'",
            "7:5: 'cwd' applies only to a started runtime\n  hint: remove it, or replace 'url' with 'start'",
            "8:3: runtime 'c' has neither 'start' nor 'url'\n  hint: add 'start: [node, app.js]' (jgenkit starts and stops it) or 'url: http://localhost:3100'",
            "9:3: runtime name 'd e' is not a simple name\n  hint: use letters, digits, '.', '_' and '-', e.g. 'js-1.42'",
            "13:5: runtime 'f' has both 'start' and 'url'\n  hint: keep 'start' to let jgenkit start it, or 'url' to attach to one already running",
            "14:13: spec file not found: " + dir.resolve("missing.yaml").toAbsolutePath().normalize()
                + "\n  hint: give a path relative to " + dir.toAbsolutePath().normalize());
  }

  @Test
  void anEmptyFileOrNoRuntimesIsAProblem() {
    assertThat(problems("")).singleElement().asString().startsWith("1:1: project file is empty");
    assertThat(problems("specs: [spec.yaml]\n")).singleElement().asString()
        .startsWith("1:1: project file has no 'runtimes'");
    assertThat(problems("runtimes:\n  - a\n")).singleElement().asString()
        .contains("'runtimes' must map runtime names to their settings, found a list");
  }

  @Test
  void isFoundInTheProjectRootThenTheWorkingDirectory() throws Exception {
    // given
    Path wd = Files.createDirectories(dir.resolve("sub"));
    assertThat(ProjectFileLoader.find(dir, wd)).isEmpty();
    Files.writeString(wd.resolve("jgenkit.yaml"), "runtimes: {}\n");
    assertThat(ProjectFileLoader.find(dir, wd)).contains(wd.resolve("jgenkit.yaml"));
    Files.writeString(file, "runtimes: {}\n");

    // then
    assertThat(ProjectFileLoader.find(dir, wd)).contains(file);
  }

  private List<String> problems(String yaml) {
    try {
      ProjectFileLoader.load(file, yaml);
    } catch (SpecException e) {
      return e.problems().stream().map(SpecProblem::format)
          .map(s -> s.substring(s.indexOf("jgenkit.yaml:") + "jgenkit.yaml:".length())).toList();
    }
    throw new AssertionError("expected problems in:\n" + yaml);
  }
}
