package dev.jgenkit.runners.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuntimeFileTest {
  @TempDir Path dir;

  @Test
  void readsAJsRuntimeFile() {
    var f = RuntimeFile.parse(dir.resolve("1-3100-1.json"), """
        {"id":"1234-3100","pid":1234,"reflectionServerUrl":"http://localhost:3100","timestamp":"2026-11-25T10:00:00.123Z",
         "genkitVersion":"nodejs/1.42.0","reflectionApiSpecVersion":1}""");

    assertThat(f).hasValueSatisfying(r -> {
      assertThat(r.pid()).isEqualTo(1234);
      assertThat(r.reflectionServerUrl()).isEqualTo("http://localhost:3100");
      assertThat(r.timestamp()).isEqualTo(Instant.parse("2026-11-25T10:00:00.123Z"));
      assertThat(r.genkitVersion()).contains("nodejs/1.42.0");
      assertThat(r.reflectionApiSpecVersion()).hasValue(1);
    });
  }

  @Test
  void acceptsGoUnderscoreTimestampsAndPythonNaiveTimes() {
    var go = RuntimeFile.parse(dir.resolve("g.json"),
        "{\"id\":\"1-3101\",\"pid\":1,\"reflectionServerUrl\":\"http://127.0.0.1:3101/\",\"timestamp\":\"2026-11-25T10_00_00Z\"}");
    var py = RuntimeFile.parse(dir.resolve("p.json"),
        "{\"id\":\"2-3102\",\"pid\":2,\"reflectionServerUrl\":\"http://127.0.0.1:3102\",\"timestamp\":\"2026-11-25T10:00:00.123456\"}");

    assertThat(go).hasValueSatisfying(r -> {
      assertThat(r.timestamp()).isEqualTo(Instant.parse("2026-11-25T10:00:00Z"));
      assertThat(r.reflectionServerUrl()).isEqualTo("http://127.0.0.1:3101");
    });
    assertThat(py).isPresent();
  }

  @Test
  void rejectsFilesTheGenkitCliWouldReject() {
    assertThat(RuntimeFile.parse(dir.resolve("a.json"), "{\"pid\":1}")).isEmpty();
    assertThat(RuntimeFile.parse(dir.resolve("b.json"), "not json")).isEmpty();
    assertThat(RuntimeFile.parse(dir.resolve("c.json"),
        "{\"id\":\"x\",\"pid\":\"1\",\"reflectionServerUrl\":\"u\",\"timestamp\":\"2026-01-01T00:00:00Z\"}")).isEmpty();
    assertThat(RuntimeFile.parse(dir.resolve("d.json"),
        "{\"id\":\"x\",\"pid\":1,\"reflectionServerUrl\":\"u\",\"timestamp\":\"yesterday\"}")).isEmpty();
  }

  @Test
  void directoriesListNewestFirstAcrossProjectRootAndWorkingDir() throws Exception {
    Path project = dir.resolve("app");
    Path cwd = project.resolve("sub");
    Files.createDirectories(project.resolve(".genkit/runtimes"));
    Files.createDirectories(cwd.resolve(".genkit/runtimes"));
    Files.writeString(project.resolve(".genkit/runtimes/old.json"),
        "{\"id\":\"1-1\",\"pid\":1,\"reflectionServerUrl\":\"http://a\",\"timestamp\":\"2026-01-01T00:00:00Z\"}");
    Files.writeString(cwd.resolve(".genkit/runtimes/new.json"),
        "{\"id\":\"2-2\",\"pid\":2,\"reflectionServerUrl\":\"http://b\",\"timestamp\":\"2026-02-01T00:00:00.000000\"}");
    Files.writeString(project.resolve(".genkit/runtimes/junk.json"), "{");

    var list = RuntimeDirectories.of(project, cwd).list();

    assertThat(list).extracting(RuntimeFile::id).containsExactly("2-2", "1-1");
    assertThat(project.resolve(".genkit/runtimes/junk.json")).exists();
  }
}
