package dev.jgenkit.cli.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A bundled Genkit JS app started by a test itself (attach mode, live schemas). */
final class ReferenceRuntime implements AutoCloseable {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  final Process process;
  final Path runtimeFile;
  final String url;

  private ReferenceRuntime(Process process, Path runtimeFile, String url) {
    this.process = process;
    this.runtimeFile = runtimeFile;
    this.url = url;
  }

  static ReferenceRuntime start(Path log, Map<String, String> env) throws Exception {
    return startIn(JGenkitBinary.referenceDir(), log, env);
  }

  /** Starts the Genkit JS app in {@code dir} ({@code node index.js}, GENKIT_ENV=dev). */
  static ReferenceRuntime startIn(Path dir, Path log, Map<String, String> env) throws Exception {
    ProcessBuilder pb = new ProcessBuilder("node", "index.js").directory(dir.toFile());
    pb.environment().put("GENKIT_ENV", "dev");
    pb.environment().putAll(env);
    pb.redirectErrorStream(true);
    pb.redirectOutput(log.toFile());
    Process p = pb.start();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    Path runtimes = dir.resolve(".genkit/runtimes");
    while (System.nanoTime() < deadline) {
      if (Files.isDirectory(runtimes)) {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(runtimes, p.pid() + "-*.json")) {
          for (Path f : ds) {
            JsonNode n = MAPPER.readTree(f.toFile());
            if (n != null && n.has("reflectionServerUrl")) {
              return new ReferenceRuntime(p, f, n.get("reflectionServerUrl").asText());
            }
          }
        } catch (IOException e) {
          // half-written file: try again
        }
      }
      if (!p.isAlive()) {
        throw new AssertionError("reference runtime exited: " + Files.readString(log));
      }
      Thread.sleep(50);
    }
    p.destroyForcibly();
    throw new AssertionError("reference runtime wrote no runtime file: " + Files.readString(log));
  }

  @Override
  public void close() throws Exception {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
