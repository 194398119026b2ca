package dev.jgenkit.cli.picker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What bare {@code jgenkit} offers: pickers used here before, the samples, the spec files. */
class LauncherTest {
  @TempDir Path project;
  @TempDir Path config;

  private void write(String name, String content) throws Exception {
    Path p = project.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
  }

  @Test
  void offersRecentPickersThenSampleFlowsThenEachSpecFile() throws Exception {
    // given a project with samples, two spec files, a YAML that is not a spec, one in node_modules
    write("package.json", "{}");
    write("samples/demo/package.json", "{}");
    String spec = "- model: a/b\n  supports: [multiturn]\n";
    write("specs/good.yaml", spec);
    write("specs/more.yml", spec);
    write("config.yaml", "port: 80\n");
    write("node_modules/x/spec.yaml", spec);
    // and a picker used here before, with its runtime command
    SelectionMemory memory = new SelectionMemory(config.resolve("m.json"));
    String good = project.resolve("specs/good.yaml").toString();
    memory.save("test-model " + good, new SelectionMemory.Remembered(List.of("a/b › Multiturn Conformance"),
        Optional.empty(), Map.of(), List.of("test-model", "--from-file", good, "--", "node", "index.js"),
        project.toString(), Instant.now()));

    // when the launcher lists its choices
    List<Launcher.Choice> choices = Launcher.choices(project, memory);

    // then the recent one comes first, then sample-flows, then the spec not yet opened
    assertThat(choices).extracting(c -> c.item().label()).containsExactly(
        "test-model --from-file specs/good.yaml -- node index.js",
        "sample-flows --samples-dir samples",
        "test-model --from-file specs/more.yml");
    assertThat(choices.get(0).args()).containsExactly(
        "test-model", "-i", "--from-file", good, "--", "node", "index.js");
    assertThat(choices.get(0).preview()).contains("a/b › Multiturn Conformance");
    assertThat(choices.get(1).args()).containsExactly(
        "sample-flows", "-i", "--samples-dir", project.resolve("samples").toString());
    assertThat(choices.get(1).preview()).contains("demo");
    assertThat(choices.get(2).preview()).isEqualTo(spec);
  }

  @Test
  void pickersUsedInAnotherDirectoryAreNotOffered() throws Exception {
    write("package.json", "{}");
    SelectionMemory memory = new SelectionMemory(config.resolve("m.json"));
    memory.save("x", new SelectionMemory.Remembered(List.of(), Optional.empty(), Map.of(),
        List.of("sample-flows", "--samples-dir", "/elsewhere/samples"), "/elsewhere", Instant.now()));

    assertThat(Launcher.choices(project, memory)).isEmpty();
  }
}
