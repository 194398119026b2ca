package dev.jgenkit.cli.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the real shaded jar as a separate process, the way users run it. */
final class JGenkitBinary {
  /** What one run printed and returned. */
  record Run(int exitCode, String stdout, String stderr, Duration wall) {}

  static Path projectDir() {
    return Path.of(System.getProperty("jgenkit.projectDir", "..")).toAbsolutePath().normalize();
  }

  static Path referenceDir() {
    return projectDir().resolve("samples/reference");
  }

  static Path jar() {
    return Path.of(System.getProperty("jgenkit.jar", "target/jgenkit.jar")).toAbsolutePath();
  }

  static Process start(Path cwd, Path outDir, Map<String, String> env, List<String> args)
      throws IOException {
    List<String> cmd = new ArrayList<>(List.of(javaBin(), "-jar", jar().toString()));
    cmd.addAll(args);
    Files.createDirectories(outDir);
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile());
    pb.environment().put("CI", "true");
    pb.environment().putAll(env);
    pb.redirectOutput(outDir.resolve("stdout.txt").toFile());
    pb.redirectError(outDir.resolve("stderr.txt").toFile());
    pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    return pb.start();
  }

  static Run run(Path cwd, Path outDir, List<String> args) throws Exception {
    return run(cwd, outDir, Map.of(), args);
  }

  static Run run(Path cwd, Path outDir, Map<String, String> env, List<String> args)
      throws Exception {
    long t0 = System.nanoTime();
    Process p = start(cwd, outDir, env, args);
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      throw new AssertionError("jgenkit did not finish within 120 s: " + args);
    }
    return finished(p, outDir, t0);
  }

  static Run finished(Process p, Path outDir, long t0) throws IOException {
    return new Run(
        p.exitValue(),
        Files.readString(outDir.resolve("stdout.txt"), StandardCharsets.UTF_8),
        Files.readString(outDir.resolve("stderr.txt"), StandardCharsets.UTF_8),
        Duration.ofNanos(System.nanoTime() - t0));
  }

  private static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private JGenkitBinary() {}
}
