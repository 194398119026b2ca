package dev.jgenkit.specs.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jgenkit.specs.Location;
import dev.jgenkit.specs.SpecException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleFileLoaderTest {
  private static final Path FILE = Path.of("samples/menu/jgenkit-sample.yaml");

  @Test
  void loadsEveryKey() throws SpecException {
    // given
    String yaml =
        """
        start: [npx, tsx, src/index.ts]
        cwd: app
        env: [GEMINI_API_KEY, OPENAI_API_KEY]
        timeout: 90
        phase: 3
        flows:
          menuSuggestion:
            input: {theme: pirates}
            stream: true
            validators: [text-not-empty, "text-includes:pirate"]
          slowFlow:
            skip: needs a GPU
        """;

    // when
    SampleFile sample = SampleFileLoader.load(FILE, yaml);

    // then
    assertThat(sample.path()).isEqualTo(FILE);
    assertThat(sample.start()).contains(List.of("npx", "tsx", "src/index.ts"));
    assertThat(sample.cwd()).contains("app");
    assertThat(sample.env()).containsExactly("GEMINI_API_KEY", "OPENAI_API_KEY");
    assertThat(sample.timeout()).contains(Duration.ofSeconds(90));
    assertThat(sample.phase()).isEqualTo(OptionalInt.of(3));
    assertThat(sample.location()).isEqualTo(new Location(FILE, 1, 1));
    assertThat(sample.flows().keySet()).containsExactly("menuSuggestion", "slowFlow");
    FlowSpec menu = sample.flows().get("menuSuggestion");
    assertThat(menu.name()).isEqualTo("menuSuggestion");
    assertThat(menu.input().map(JsonNode::toString)).contains("{\"theme\":\"pirates\"}");
    assertThat(menu.stream()).isTrue();
    assertThat(menu.validators()).containsExactly("text-not-empty", "text-includes:pirate");
    assertThat(menu.skip()).isEmpty();
    assertThat(menu.location()).isEqualTo(new Location(FILE, 7, 3));
    FlowSpec slow = sample.flow("slowFlow").orElseThrow();
    assertThat(slow.skip()).contains("needs a GPU");
    assertThat(slow.skipped()).isTrue();
    assertThat(slow.input()).isEmpty();
    assertThat(slow.stream()).isFalse();
  }

  @Test
  void leavesAbsentKeysEmpty() throws SpecException {
    // when
    SampleFile sample = SampleFileLoader.load(FILE, "phase: 1\n");

    // then
    assertThat(sample.start()).isEmpty();
    assertThat(sample.cwd()).isEmpty();
    assertThat(sample.env()).isEmpty();
    assertThat(sample.timeout()).isEmpty();
    assertThat(sample.phase()).isEqualTo(OptionalInt.of(1));
    assertThat(sample.flows()).isEmpty();
    assertThat(sample.flow("anything")).isEmpty();
  }

  @Test
  void keepsTheInputsKeyOrderAndNumbersAsWritten() throws SpecException {
    // given
    String yaml =
        """
        flows:
          order:
            input:
              zebra: 1
              apple: {b: 2, a: 1}
              big: 123456789012345678901234567890
              hex: 0x1F
              octal: 0o17
              ratio: 1.5
              flags: [true, false, null]
              quoted: "042"
        """;

    // when
    JsonNode input = SampleFileLoader.load(FILE, yaml).flows().get("order").input().orElseThrow();

    // then
    assertThat(input.toString())
        .isEqualTo(
            "{\"zebra\":1,\"apple\":{\"b\":2,\"a\":1},\"big\":123456789012345678901234567890,"
                + "\"hex\":31,\"octal\":15,\"ratio\":1.5,\"flags\":[true,false,null],"
                + "\"quoted\":\"042\"}");
  }

  @Test
  void takesAnyJsonValueAsInput() throws SpecException {
    // given
    String yaml =
        """
        flows:
          text: {input: hello}
          number: {input: 42}
          list: {input: [1, two]}
          nothing: {input: null}
        """;

    // when
    Map<String, FlowSpec> flows = SampleFileLoader.load(FILE, yaml).flows();

    // then
    assertThat(flows.get("text").input().map(JsonNode::toString)).contains("\"hello\"");
    assertThat(flows.get("number").input().map(JsonNode::toString)).contains("42");
    assertThat(flows.get("list").input().map(JsonNode::toString)).contains("[1,\"two\"]");
    assertThat(flows.get("nothing").input()).hasValueSatisfying(n -> assertThat(n.isNull()).isTrue());
  }

  @Test
  void readsSkipTrueAsSkippedInTheFileAndSkipFalseAsRun() throws SpecException {
    // given
    String yaml =
        """
        flows:
          skipped: {skip: true}
          running: {skip: false}
          bare:
        """;

    // when
    Map<String, FlowSpec> flows = SampleFileLoader.load(FILE, yaml).flows();

    // then
    assertThat(flows.get("skipped").skip()).contains("skipped in jgenkit-sample.yaml");
    assertThat(flows.get("skipped").skip()).contains(SampleFileLoader.SKIPPED_IN_FILE);
    assertThat(flows.get("running").skip()).isEmpty();
    assertThat(flows.get("bare"))
        .isEqualTo(
            new FlowSpec(
                "bare",
                Optional.empty(),
                false,
                List.of(),
                Optional.empty(),
                new Location(FILE, 4, 3)));
  }

  @Test
  void acceptsFractionalTimeouts() throws SpecException {
    // when
    SampleFile sample = SampleFileLoader.load(FILE, "timeout: 2.5\n");

    // then
    assertThat(sample.timeout()).contains(Duration.ofMillis(2500));
  }

  @Test
  void readsJsonSampleFiles() throws SpecException {
    // given
    String json =
        "{\"start\": [\"go\", \"run\", \".\"], \"flows\": {\"b\": {\"input\": {\"y\": 1, \"x\": 2}},"
            + " \"a\": {\"stream\": true}}}";

    // when
    SampleFile sample = SampleFileLoader.load(Path.of("jgenkit-sample.json"), json);

    // then
    assertThat(sample.start()).contains(List.of("go", "run", "."));
    assertThat(sample.flows().keySet()).containsExactly("b", "a");
    assertThat(sample.flows().get("b").input().map(JsonNode::toString))
        .contains("{\"y\":1,\"x\":2}");
  }

  @Test
  void loadsAFileFromDisk(@TempDir Path dir) throws Exception {
    // given
    Path file = dir.resolve(SampleFileLoader.FILE_NAME);
    Files.writeString(file, "\uFEFFstart: [node, index.js]\nenv: [GEMINI_API_KEY]\n");

    // when
    SampleFile sample = SampleFileLoader.load(file);

    // then
    assertThat(sample.path()).isEqualTo(file);
    assertThat(sample.start()).contains(List.of("node", "index.js"));
    assertThat(sample.env()).containsExactly("GEMINI_API_KEY");
  }

  @Test
  void reportsAMissingFile(@TempDir Path dir) {
    // given
    Path file = dir.resolve("nope/jgenkit-sample.yaml");

    // when
    SpecException e = catchThrowableOfType(SpecException.class, () -> SampleFileLoader.load(file));

    // then
    assertThat(e.problems()).singleElement().satisfies(p -> {
      assertThat(p.location()).isEqualTo(new Location(file, 0, 0));
      assertThat(p.message()).isEqualTo("sample file not found");
    });
  }

  @Test
  void reportsEveryProblemAtOnceSortedByPosition() {
    // given
    String yaml =
        """
        flows:
          b: {skip: 3}
        timeout: -1
        start: []
        """;

    // when
    SpecException e =
        catchThrowableOfType(SpecException.class, () -> SampleFileLoader.load(FILE, yaml));

    // then
    assertThat(e.problems())
        .extracting(p -> p.location().line())
        .containsExactly(2, 3, 4);
  }

  @Test
  void recordsRejectInvalidValues() {
    Location at = Location.startOf(FILE);
    assertThatThrownBy(
            () ->
                new SampleFile(
                    FILE,
                    Optional.of(List.of()),
                    Optional.empty(),
                    List.of(),
                    Optional.empty(),
                    OptionalInt.empty(),
                    Map.of(),
                    at))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new SampleFile(
                    FILE,
                    Optional.empty(),
                    Optional.empty(),
                    List.of(),
                    Optional.of(Duration.ZERO),
                    OptionalInt.empty(),
                    Map.of(),
                    at))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new FlowSpec("", Optional.empty(), false, List.of(), Optional.empty(), at))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
