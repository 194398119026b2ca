package dev.jgenkit.runners.reflection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Streamed chunks reach the caller as they arrive, not after the body is buffered: the server
 * writes the first chunk, then holds the rest of the body back until the client has delivered that
 * chunk to its observer. A client that buffered would never see it (the latch times out), and its
 * time to first chunk would be taken after the rest arrived. No timing thresholds: only the order
 * of events.
 */
class StreamingWithoutBufferingTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final int REST = 20_000;

  private ServerSocket socket;
  private Thread serverThread;
  private final CountDownLatch firstDelivered = new CountDownLatch(1);
  private final AtomicBoolean restWaitedForFirst = new AtomicBoolean();
  private final AtomicLong restWrittenAt = new AtomicLong();

  @BeforeEach
  void start() throws IOException {
    socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    serverThread = new Thread(this::serveOnce, "streaming-server");
    serverThread.setDaemon(true);
    serverThread.start();
  }

  @AfterEach
  void stop() throws Exception {
    socket.close();
    serverThread.join(10_000);
  }

  /** One HTTP/1.1 exchange: a chunked NDJSON body, paused after its first line. */
  private void serveOnce() {
    try (Socket s = socket.accept()) {
      BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
      int contentLength = 0;
      for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
        if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
          contentLength = Integer.parseInt(line.substring(15).trim());
        }
      }
      in.skip(contentLength);
      OutputStream out = s.getOutputStream();
      out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n"
          + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      writeChunk(out, chunkLine(0));
      out.flush();
      // The rest only once the client has handed the first chunk to its observer.
      restWaitedForFirst.set(firstDelivered.await(30, TimeUnit.SECONDS));
      restWrittenAt.set(System.nanoTime());
      StringBuilder rest = new StringBuilder();
      for (int i = 1; i <= REST; i++) {
        rest.append(chunkLine(i));
        if (rest.length() > 8192) {
          writeChunk(out, rest.toString());
          rest.setLength(0);
        }
      }
      rest.append("{\"result\":{\"message\":{\"role\":\"model\",\"content\":[{\"text\":\"done\"}]}},"
          + "\"telemetry\":{\"traceId\":\"t\"}}");
      writeChunk(out, rest.toString());
      out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
    } catch (IOException | InterruptedException e) {
      // the test fails on what the client saw
    }
  }

  private static String chunkLine(int i) {
    return "{\"index\":0,\"role\":\"model\",\"content\":[{\"text\":\"w" + i + " \"}]}\n";
  }

  private static void writeChunk(OutputStream out, String data) throws IOException {
    byte[] bytes = data.getBytes(StandardCharsets.UTF_8);
    out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.write(bytes);
    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void theFirstChunkIsDeliveredAndTimedBeforeTheRestOfTheBodyIsSent() throws Exception {
    ReflectionClient client =
        new ReflectionClient(ReflectionClient.defaultHttpClient(), "http://127.0.0.1:" + socket.getLocalPort());
    List<String> texts = new ArrayList<>();
    AtomicLong firstSeenAt = new AtomicLong();

    long before = System.nanoTime();
    ActionResponse r =
        client.runAction("/model/m", MAPPER.readTree("{}"), true, Duration.ofSeconds(60),
            new CallObserver() {
              @Override
              public void chunk(JsonNode chunk) {
                if (texts.isEmpty()) {
                  firstSeenAt.set(System.nanoTime());
                  firstDelivered.countDown();
                }
                texts.add(chunk.path("content").path(0).path("text").asText());
              }
            });

    // the server only sent the rest after the first chunk had been delivered
    assertThat(restWaitedForFirst).isTrue();
    assertThat(firstSeenAt.get()).isLessThan(restWrittenAt.get());
    // its time to first chunk was taken then, not after the rest arrived
    long firstSeenMillis = TimeUnit.NANOSECONDS.toMillis(firstSeenAt.get() - before);
    assertThat(r.timeToFirstChunkMillis()).isPresent();
    assertThat(r.timeToFirstChunkMillis().getAsLong()).isLessThanOrEqualTo(firstSeenMillis);
    // and every chunk arrived, in order
    assertThat(texts).hasSize(REST + 1);
    assertThat(r.chunks()).hasSize(REST + 1);
    assertThat(texts.get(0)).isEqualTo("w0 ");
    assertThat(texts.get(REST)).isEqualTo("w" + REST + " ");
    assertThat(r.result().path("message").path("content").path(0).path("text").asText()).isEqualTo("done");
  }
}
