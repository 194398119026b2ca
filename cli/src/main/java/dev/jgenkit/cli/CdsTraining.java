package dev.jgenkit.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The training run of the launcher's AppCDS archive ({@code scripts/jgenkit}): a {@code test-model}
 * run through {@link Main#run}, the same code path as a user's run (spec loading, HTTP client,
 * streaming and non-streaming calls, validators, console output, all four reports), against a
 * minimal reflection server on loopback, so that the archive holds the classes of a real run and
 * not only those of the start-up. Its output is discarded; the verdicts do not matter.
 *
 * <p>Not a subcommand: {@code java -XX:ArchiveClassesAtExit=... -cp jgenkit.jar
 * dev.jgenkit.cli.CdsTraining}. Ends normally when the run got as far as writing its reports, and
 * with an exception otherwise ({@link Main} stays the only caller of {@code System.exit}).
 */
public final class CdsTraining {
  private static final String MODEL = "training/model";

  private static final String ACTIONS =
      "{\"/model/" + MODEL + "\":{\"key\":\"/model/" + MODEL + "\",\"name\":\"" + MODEL + "\","
          + "\"metadata\":{\"model\":{\"supports\":{\"multiturn\":true,\"tools\":true,\"media\":true,"
          + "\"systemRole\":true,\"output\":[\"text\",\"json\"]}}}}}";

  private static final String CHUNK =
      "{\"index\":0,\"role\":\"model\",\"content\":[{\"text\":\"Hello \"}]}\n";

  private static final String FINAL =
      "{\"result\":{\"message\":{\"role\":\"model\",\"content\":[{\"text\":\"Hello Genkit\"}]},"
          + "\"finishReason\":\"stop\",\"usage\":{\"inputTokens\":3,\"outputTokens\":2,\"totalTokens\":5}},"
          + "\"telemetry\":{\"traceId\":\"0123456789abcdef0123456789abcdef\"}}";

  private static final String SPEC =
      "- model: " + MODEL + "\n"
          + "  supports: [tool-request, structured-output, multiturn, system-role, input-image-base64,"
          + " input-image-url, streaming-multiturn, streaming-tool-request, streaming-structured-output]\n"
          + "  tests:\n"
          + "    - name: Training echo\n"
          + "      input:\n"
          + "        messages:\n"
          + "          - role: user\n"
          + "            content:\n"
          + "              - text: Say hello.\n"
          + "      validators:\n"
          + "        - text-includes:Hello\n";

  private CdsTraining() {}

  public static void main(String[] args) throws IOException {
    Path dir = Files.createTempDirectory("jgenkit-cds-training");
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.createContext("/", CdsTraining::handle);
    server.start();
    int code;
    try {
      Path spec = Files.writeString(dir.resolve("training.yaml"), SPEC);
      // By name, as users write it (the name lookup's classes are part of a run), on loopback.
      String url = "http://localhost:" + server.getAddress().getPort();
      PrintWriter sink = new PrintWriter(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
      CliEnvironment env = new CliEnvironment(dir, Map.of(), false);
      code = Main.run(sink, sink, env,
          "test-model", "--from-file", spec.toString(), "--runtime-url", url, "--strict",
          "--report-dir", dir.resolve("reports").toString());
    } finally {
      server.stop(0);
      try (Stream<Path> all = Files.walk(dir)) {
        all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    // Passed or failed: both wrote the reports. Anything else means the run path was cut short.
    if (code != ExitCode.OK && code != ExitCode.TESTS_FAILED) {
      throw new IllegalStateException("the training run ended with exit code " + code);
    }
  }

  private static void handle(HttpExchange ex) throws IOException {
    try (ex) {
      ex.getRequestBody().readAllBytes();
      String path = ex.getRequestURI().getPath();
      String query = ex.getRequestURI().getRawQuery();
      byte[] body;
      if (path.equals("/api/__health")) {
        body = "OK".getBytes(StandardCharsets.UTF_8);
      } else if (path.equals("/api/actions")) {
        body = ACTIONS.getBytes(StandardCharsets.UTF_8);
      } else if (path.equals("/api/runAction")) {
        boolean stream = query != null && query.contains("stream=true");
        body = ((stream ? CHUNK + CHUNK : "") + FINAL).getBytes(StandardCharsets.UTF_8);
      } else {
        ex.sendResponseHeaders(404, -1);
        return;
      }
      ex.getResponseHeaders().set("Content-Type", "application/json");
      // Chunked, as Genkit's runtimes answer runAction.
      ex.sendResponseHeaders(200, path.equals("/api/runAction") ? 0 : body.length);
      ex.getResponseBody().write(body);
    }
  }
}
