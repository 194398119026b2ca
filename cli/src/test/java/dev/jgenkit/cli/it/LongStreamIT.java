package dev.jgenkit.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 10,000-chunk stream from the reference runtime's reference/stream model, which pauses after its
 * first chunk: every chunk is received, the streamed text is complete, and the time to first chunk
 * is taken before the pause, i.e. at the first chunk and not once the body is complete.
 */
class LongStreamIT {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final int CHUNKS = 10_000;
  private static final int PAUSE_MS = 2_000;

  @TempDir Path tmp;

  @Test
  void tenThousandChunksAllArriveAndTheFirstIsTimedBeforeThePause() throws Exception {
    // given a streaming test asking for 10,000 chunks with a pause after the first
    Path spec = tmp.resolve("stream.yaml");
    Files.writeString(spec, """
        - model: reference/stream
          tests:
            - name: Long stream
              stream: true
              input:
                messages:
                  - role: user
                    content:
                      - text: "chunks: %d, pause: %d"
              validators:
                - stream-text-includes:w1 w2 w3
                - stream-text-includes:w%d
        """.formatted(CHUNKS, PAUSE_MS, CHUNKS));
    Path reports = tmp.resolve("reports");

    // when jgenkit starts the reference runtime and runs it
    var run = JGenkitBinary.run(JGenkitBinary.referenceDir(), tmp.resolve("out"), List.of(
        "test-model", "--from-file", spec.toString(), "--report-dir", reports.toString(), "--", "node", "index.js"));

    // then it passes with every chunk counted
    assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isZero();
    JsonNode t = MAPPER.readTree(reports.resolve("results.json").toFile()).get("tests").get(0);
    assertThat(t.get("verdict").asText()).isEqualTo("PASS");
    assertThat(t.get("chunkCount").asInt()).isEqualTo(CHUNKS);
    // and the first chunk was timed when it came, before the pause the rest waited for (a client
    // that buffered the body would time it after the pause, near the end of the call)
    long ttfc = t.get("timeToFirstChunkMillis").asLong();
    long duration = t.get("durationMillis").asLong();
    assertThat(duration).isGreaterThanOrEqualTo(PAUSE_MS);
    assertThat(ttfc).isLessThan(duration - PAUSE_MS / 2);
  }
}
