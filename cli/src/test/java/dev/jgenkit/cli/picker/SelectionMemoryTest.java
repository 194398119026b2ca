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

/** The last selection per spec file or samples dir, under the XDG config directory. */
class SelectionMemoryTest {
  @TempDir Path dir;

  @Test
  void livesUnderXdgConfigHomeElseHomeDotConfig() {
    assertThat(SelectionMemory.forEnvironment(Map.of("XDG_CONFIG_HOME", "/x/cfg", "HOME", "/home/u")).file())
        .isEqualTo(Path.of("/x/cfg/jgenkit/picker.json"));
    assertThat(SelectionMemory.forEnvironment(Map.of("HOME", "/home/u")).file())
        .isEqualTo(Path.of("/home/u/.config/jgenkit/picker.json"));
    // a relative XDG_CONFIG_HOME is invalid by the spec and ignored
    assertThat(SelectionMemory.forEnvironment(Map.of("XDG_CONFIG_HOME", "rel", "HOME", "/home/u")).file())
        .isEqualTo(Path.of("/home/u/.config/jgenkit/picker.json"));
  }

  @Test
  void aSavedSelectionIsLoadedBackPerKey() {
    SelectionMemory memory = SelectionMemory.forEnvironment(Map.of("XDG_CONFIG_HOME", dir.toString()));
    SelectionMemory.Remembered r = new SelectionMemory.Remembered(List.of("a › one", "a › two"),
        Optional.of("a › two"), Map.of("demo", List.of("f1", "f2")),
        List.of("test-model", "--from-file", "/p/spec.yaml"), "/p", Instant.parse("2025-01-02T03:04:05Z"));

    assertThat(memory.save("test-model /p/spec.yaml", r)).isTrue();

    assertThat(memory.load("test-model /p/spec.yaml")).isEqualTo(r);
    assertThat(memory.load("test-model /p/other.yaml")).isEqualTo(SelectionMemory.Remembered.NONE);
    assertThat(dir.resolve("jgenkit/picker.json")).exists();
  }

  @Test
  void entriesAreListedMostRecentFirst() {
    SelectionMemory memory = new SelectionMemory(dir.resolve("m.json"));
    memory.save("old", remembered(Instant.parse("2025-01-01T00:00:00Z")));
    memory.save("new", remembered(Instant.parse("2025-06-01T00:00:00Z")));

    assertThat(memory.all()).extracting(Map.Entry::getKey).containsExactly("new", "old");
  }

  @Test
  void anUnreadableFileIsAnEmptyMemoryAndIsReplacedOnSave() throws Exception {
    Path file = dir.resolve("m.json");
    Files.writeString(file, "{not json");
    SelectionMemory memory = new SelectionMemory(file);

    assertThat(memory.load("k")).isEqualTo(SelectionMemory.Remembered.NONE);
    assertThat(memory.save("k", remembered(Instant.EPOCH))).isTrue();
    assertThat(memory.load("k").selected()).containsExactly("x");
  }

  @Test
  void failingToWriteIsNotAnError() throws Exception {
    Path blocker = dir.resolve("file");
    Files.writeString(blocker, "");

    assertThat(new SelectionMemory(blocker.resolve("sub/m.json")).save("k", remembered(Instant.EPOCH))).isFalse();
  }

  private static SelectionMemory.Remembered remembered(Instant at) {
    return new SelectionMemory.Remembered(List.of("x"), Optional.empty(), Map.of(), List.of(), "", at);
  }
}
