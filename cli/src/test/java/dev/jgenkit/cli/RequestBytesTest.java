package dev.jgenkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the runtime receives: the peer's request, byte for byte. */
class RequestBytesTest {
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
  void systemRoleRequestIsThePeersBody() throws Exception {
    // given
    cli.write("spec.yaml", "- model: fake/good\n  supports: [system-role]\n");

    // when
    Cli.Result r =
        cli.run("test-model", "--from-file", "spec.yaml", "--runtime-url", fake.url(),
            "--report-dir", reports.toString());

    // then
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(fake.runActionCalls()).hasSize(1);
    assertThat(fake.runActionCalls().get(0).body())
        .isEqualTo(
            "{\"key\":\"/model/fake/good\",\"input\":{\"messages\":[{\"role\":\"system\",\"content\":"
                + "[{\"text\":\"IMPORTANT: your response are machine processed, always start/prefix"
                + " your response with 'RESPONSE:', ex: 'RESPONSE: hello'\"}]},{\"role\":\"user\","
                + "\"content\":[{\"text\":\"hello\"}]}]}}");
    assertThat(fake.runActionCalls().get(0).stream()).isFalse();
    // The first action listing goes out beside the health check, so those two come in either order.
    assertThat(fake.requestLines()).hasSize(3).endsWith("POST /api/runAction");
    assertThat(fake.requestLines().subList(0, 2))
        .containsExactlyInAnyOrder("GET /api/__health", "GET /api/actions");
  }

  @Test
  void streamingTestsPostWithStreamTrue() throws Exception {
    // given
    cli.write("spec.yaml", "- model: fake/good\n  supports: [streaming-multiturn]\n");

    // when
    Cli.Result r =
        cli.run("test-model", "--from-file", "spec.yaml", "--runtime-url", fake.url(),
            "--report-dir", reports.toString());

    // then
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(fake.requestLines()).contains("POST /api/runAction?stream=true");
    assertThat(r.out()).containsPattern("first chunk \\d+ ms, 2 chunks");
    assertThat(Cli.resultsJson(reports).path("tests").get(0).path("chunkCount").asInt()).isEqualTo(2);
  }

  @Test
  void customTestInputIsSentAsWrittenWithKeyOrderKept() throws Exception {
    // given a custom input with keys in an unusual order and a config block
    cli.write(
        "spec.json",
        "[{\"model\":\"fake/good\",\"tests\":[{\"name\":\"Raw\",\"input\":{\"config\":{\"temperature\":0.5,"
            + "\"a\":1},\"messages\":[{\"content\":[{\"text\":\"hi \\u00e9\"}],\"role\":\"user\"}]},"
            + "\"validators\":[\"text-not-empty\"]}]}]");

    // when
    Cli.Result r =
        cli.run("test-model", "--from-file", "spec.json", "--runtime-url", fake.url(),
            "--report-dir", reports.toString());

    // then
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(fake.runActionCalls().get(0).body())
        .isEqualTo(
            "{\"key\":\"/model/fake/good\",\"input\":{\"config\":{\"temperature\":0.5,\"a\":1},"
                + "\"messages\":[{\"content\":[{\"text\":\"hi é\"}],\"role\":\"user\"}]}}");
  }
}
