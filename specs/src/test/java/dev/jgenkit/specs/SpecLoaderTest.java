package dev.jgenkit.specs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecLoaderTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Path YAML = Path.of("spec.yaml");
  private static final Path JSON = Path.of("spec.json");

  @Test
  void readsSuitesWithBuiltInsAndCustomTests() throws Exception {
    // given
    String yaml =
        """
        - model: googleai/gemini-2.5-flash
          supports:
            - tool-request
            - multiturn
        - model: /background-model/veo
          tests:
            - name: Greeting
              stream: true
              input:
                messages:
                  - role: user
                    content: [{ text: hi }]
              validators:
                - 'text-starts-with:RESPONSE:'
                - finish-reason:stop
            - input:
                messages: []
        """;

    // when
    SpecFile spec = SpecLoader.load(YAML, yaml);

    // then
    assertThat(spec.path()).isEqualTo(YAML);
    assertThat(spec.suites()).hasSize(2);
    Suite first = spec.suites().get(0);
    assertThat(first.model()).isEqualTo("googleai/gemini-2.5-flash");
    assertThat(first.modelKey()).isEqualTo("/model/googleai/gemini-2.5-flash");
    assertThat(first.supports()).contains(List.of("tool-request", "multiturn"));
    assertThat(first.tests()).isEmpty();
    assertThat(first.location()).isEqualTo(new Location(YAML, 1, 3));
    Suite second = spec.suites().get(1);
    assertThat(second.modelKey()).isEqualTo("/background-model/veo");
    assertThat(second.supports()).isEmpty();
    CustomTest greeting = second.customTests().get(0);
    assertThat(greeting.name()).isEqualTo("Greeting");
    assertThat(greeting.stream()).isTrue();
    assertThat(greeting.validators())
        .containsExactly("text-starts-with:RESPONSE:", "finish-reason:stop");
    assertThat(greeting.location()).isEqualTo(new Location(YAML, 7, 7));
    CustomTest unnamed = second.customTests().get(1);
    assertThat(unnamed.name()).isEqualTo("Custom Test");
    assertThat(unnamed.stream()).isFalse();
    assertThat(unnamed.validators()).isEmpty();
  }

  @Test
  void wrapsASingleSuiteObjectInAList() throws Exception {
    // given
    String yaml = "model: ollama/gemma3\nsupports: [multiturn]\n";

    // when
    SpecFile spec = SpecLoader.load(YAML, yaml);

    // then
    assertThat(spec.suites()).extracting(Suite::model).containsExactly("ollama/gemma3");
  }

  @Test
  void readsJsonForEveryNameThatIsNotYamlLikeThePeer() throws Exception {
    // given
    String json = "[{\"model\": \"m\", \"supports\": [\"multiturn\"]}]";
    String yaml = "- model: m\n  supports: [multiturn]\n";

    // when
    SpecFile fromJson = SpecLoader.load(Path.of("spec.txt"), json);
    SpecFile fromYml = SpecLoader.load(Path.of("spec.yml"), yaml);
    SpecException yamlInJson =
        catchThrowableOfType(SpecException.class, () -> SpecLoader.load(JSON, yaml));

    // then
    assertThat(fromJson.suites().get(0).supports()).contains(List.of("multiturn"));
    assertThat(fromYml.suites().get(0).supports()).contains(List.of("multiturn"));
    assertThat(yamlInJson.problems().get(0).message()).startsWith("JSON syntax error");
    assertThat(SpecLoader.isYaml(Path.of("a.yaml"))).isTrue();
    assertThat(SpecLoader.isYaml(Path.of("a.YAML"))).isFalse();
  }

  @Test
  void keepsInputKeyOrderAndNumbersAsWritten() throws Exception {
    // given
    String yaml =
        """
        - model: m
          tests:
            - input:
                messages: [{role: user, content: [{text: hi}]}]
                config: {topK: 40, temperature: 0.5, maxOutputTokens: 1024, seed: 12345678901}
                output: {format: json, schema: {type: object, required: [z, a]}}
        """;
    String json =
        "{\"model\":\"m\",\"tests\":[{\"input\":{\"messages\":[],"
            + "\"config\":{\"zeta\":1,\"alpha\":2.5,\"mid\":-3}}}]}";

    // when
    ObjectNode fromYaml = onlyTest(SpecLoader.load(YAML, yaml)).input();
    ObjectNode fromJson = onlyTest(SpecLoader.load(JSON, json)).input();

    // then
    assertThat(MAPPER.writeValueAsString(fromYaml))
        .isEqualTo(
            "{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"hi\"}]}],"
                + "\"config\":{\"topK\":40,\"temperature\":0.5,\"maxOutputTokens\":1024,"
                + "\"seed\":12345678901},"
                + "\"output\":{\"format\":\"json\",\"schema\":{\"type\":\"object\","
                + "\"required\":[\"z\",\"a\"]}}}");
    assertThat(fromYaml.at("/config/topK").isInt()).isTrue();
    assertThat(fromYaml.at("/config/seed").isLong()).isTrue();
    assertThat(MAPPER.writeValueAsString(fromJson))
        .isEqualTo("{\"messages\":[],\"config\":{\"zeta\":1,\"alpha\":2.5,\"mid\":-3}}");
  }

  @Test
  void resolvesScalarsWithTheYaml12CoreSchemaLikeThePeer() throws Exception {
    // given
    String yaml =
        """
        - model: m
          tests:
            - input:
                messages: []
                config:
                  yes: yes
                  on: on
                  octalLooking: 017
                  octal: 0o17
                  hex: 0x1F
                  underscored: 1_000
                  quotedTrue: 'true'
                  plainTrue: True
                  tilde: ~
                  empty:
                  quotedEmpty: ''
                  float: 1e3
                  tagged: !!str 12
                  big: 123456789012345678901234567890
                  anchored: &o 0o17
                  aliased: *o
                  block: |
                    0o17
        """;

    // when
    ObjectNode config = (ObjectNode) onlyTest(SpecLoader.load(YAML, yaml)).input().get("config");

    // then
    assertThat(MAPPER.writeValueAsString(config))
        .isEqualTo(
            "{\"yes\":\"yes\",\"on\":\"on\",\"octalLooking\":17,\"octal\":15,\"hex\":31,"
                + "\"underscored\":\"1_000\",\"quotedTrue\":\"true\",\"plainTrue\":true,"
                + "\"tilde\":null,\"empty\":null,\"quotedEmpty\":\"\",\"float\":1000.0,"
                + "\"tagged\":\"12\",\"big\":123456789012345678901234567890,"
                + "\"anchored\":15,\"aliased\":15,\"block\":\"0o17\\n\"}");
  }

  @Test
  void expandsSmallAliasesIntoEveryUse() throws Exception {
    // given
    String yaml =
        """
        - model: m
          tests:
            - name: first
              input:
                messages: &hello
                  - role: user
                    content: [{ text: hi }]
            - name: second
              input:
                messages: *hello
        """;

    // when
    List<CustomTest> tests = SpecLoader.load(YAML, yaml).suites().get(0).customTests();

    // then
    assertThat(tests.get(1).input()).isEqualTo(tests.get(0).input());
    assertThat(tests.get(1).input().at("/messages/0/content/0/text").asText()).isEqualTo("hi");
  }

  @Test
  void reportsDuplicateKeysAndParserLimitsInJsonToo() {
    // given
    String duplicate = "{\"model\": \"a\",\n \"model\": \"b\"}";
    String longNumber = "{\"model\": " + "9".repeat(1001) + "}";

    // when
    SpecException dup =
        catchThrowableOfType(SpecException.class, () -> SpecLoader.load(JSON, duplicate));
    SpecException limit =
        catchThrowableOfType(SpecException.class, () -> SpecLoader.load(JSON, longNumber));

    // then
    assertThat(dup.problems())
        .extracting(SpecProblem::format)
        .containsExactly(
            "spec.json:2:2: duplicate key 'model'\n"
                + "  hint: 'model' is already set at line 1, column 2; keep only one");
    assertThat(limit.problems().get(0).message())
        .startsWith("the document breaks a parser limit: Number value length (1001)");
  }

  @Test
  void ignoresAByteOrderMark() throws Exception {
    // when
    SpecFile spec = SpecLoader.load(YAML, "\uFEFF- model: m\n");

    // then
    assertThat(spec.suites()).extracting(Suite::model).containsExactly("m");
  }

  @Test
  void readsAFileFromDisk(@TempDir Path dir) throws Exception {
    // given
    Path file = dir.resolve("spec.yaml");
    Files.writeString(file, "- model: m\n  tests:\n    - input: {messages: []}\n");

    // when
    SpecFile spec = SpecLoader.load(file);

    // then
    assertThat(spec.path()).isEqualTo(file);
    assertThat(onlyTest(spec).location()).isEqualTo(new Location(file, 3, 7));
  }

  @Test
  void rejectsAMissingFile(@TempDir Path dir) {
    // given
    Path file = dir.resolve("absent.yaml");

    // when
    SpecException e = catchThrowableOfType(SpecException.class, () -> SpecLoader.load(file));

    // then
    assertThat(e.problems()).hasSize(1);
    assertThat(e.problems().get(0).relativeTo(dir).format())
        .isEqualTo(
            "absent.yaml: spec file not found\n"
                + "  hint: --from-file is resolved against the project root; check the path");
  }

  @Test
  void rejectsAFileOverTheSizeLimitBeforeReadingIt(@TempDir Path dir) throws IOException {
    // given
    Path file = dir.resolve("huge.yaml");
    byte[] bytes = new byte[SpecLoader.MAX_CHARS + 1];
    Arrays.fill(bytes, (byte) '#');
    Files.write(file, bytes);

    // when
    SpecException e = catchThrowableOfType(SpecException.class, () -> SpecLoader.load(file));

    // then
    assertThat(e.problems().get(0).relativeTo(dir).format())
        .startsWith("huge.yaml:1:1: file is too large: 10485761 bytes, the limit is 10485760");
  }

  @Test
  void rejectsTextOverTheSizeLimit() {
    // given
    String text = "#".repeat(SpecLoader.MAX_CHARS + 1);

    // when
    SpecException e = catchThrowableOfType(SpecException.class, () -> SpecLoader.load(YAML, text));

    // then
    assertThat(e.problems().get(0).message())
        .isEqualTo("file is too large: 10485761 characters, the limit is 10485760");
  }

  @Test
  void reportsEveryProblemSortedByPositionAndTheFirstAsTheMessage() {
    // given
    String yaml =
        """
        - supports: [multiturn]
        - model: m
          supports: [reasonning]
          tests:
            - input: {}
              strem: true
        """;

    // when
    SpecException e = catchThrowableOfType(SpecException.class, () -> SpecLoader.load(YAML, yaml));

    // then
    assertThat(e.problems())
        .extracting(p -> p.location().line() + ":" + p.location().column() + " " + p.message())
        .containsExactly(
            "1:3 suite has no 'model'",
            "3:14 unknown capability 'reasonning'",
            "5:14 'input' has no 'messages'",
            "6:7 unknown test key 'strem'");
    assertThat(e.getMessage()).isEqualTo(e.problems().get(0).format());
  }

  @Test
  void keepsSupportsAndTestsAbsentOrEmptyAsWritten() throws Exception {
    // given
    String yaml =
        """
        - model: a
        - model: b
          supports: []
        - model: c
          tests: []
        """;

    // when
    List<Suite> suites = SpecLoader.load(YAML, yaml).suites();

    // then
    assertThat(suites.get(0).supports()).isEmpty();
    assertThat(suites.get(0).tests()).isEmpty();
    assertThat(suites.get(1).supports()).contains(List.of());
    assertThat(suites.get(2).tests()).contains(List.of());
    assertThat(suites.get(0).capabilities(BuiltInTests.DEFAULT_SUPPORTS))
        .isEqualTo(BuiltInTests.DEFAULT_SUPPORTS);
    assertThat(suites.get(1).capabilities(BuiltInTests.DEFAULT_SUPPORTS)).isEmpty();
    assertThat(suites.get(2).capabilities(BuiltInTests.DEFAULT_SUPPORTS)).isEmpty();
  }

  @Test
  void printsLocationsRelativeToABaseDirectory(@TempDir Path dir) {
    // given
    SpecProblem problem =
        new SpecProblem(new Location(dir.resolve("specs/a.yaml"), 3, 7), "bad", "fix it");
    Location elsewhere = new Location(Path.of("/elsewhere/b.yaml"), 1, 1);

    // when
    String relative = problem.relativeTo(dir).format();

    // then
    assertThat(relative)
        .isEqualTo(Path.of("specs", "a.yaml") + ":3:7: bad\n  hint: fix it");
    assertThat(elsewhere.relativeTo(dir)).isEqualTo(elsewhere);
  }

  @Test
  void decodesUtf8Text(@TempDir Path dir) throws Exception {
    // given
    Path file = dir.resolve("spec.yaml");
    Files.write(
        file,
        "- model: m\n  tests:\n    - name: café ☕ 𝄞\n      input: {messages: []}\n"
            .getBytes(StandardCharsets.UTF_8));

    // when
    SpecFile spec = SpecLoader.load(file);

    // then
    assertThat(onlyTest(spec).name()).isEqualTo("café ☕ 𝄞");
  }

  private static CustomTest onlyTest(SpecFile spec) {
    assertThat(spec.suites()).hasSize(1);
    Optional<List<CustomTest>> tests = spec.suites().get(0).tests();
    assertThat(tests).isPresent();
    assertThat(tests.get()).hasSize(1);
    return tests.get().get(0);
  }
}
