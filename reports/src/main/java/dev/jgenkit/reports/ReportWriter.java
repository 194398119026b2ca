package dev.jgenkit.reports;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes report files so a reader (a CI step, a file watcher, a second jgenkit) sees either the old
 * file or the complete new one, never a partial write.
 */
public final class ReportWriter {
  private static final java.util.concurrent.atomic.AtomicLong COUNTER =
      new java.util.concurrent.atomic.AtomicLong();

  private ReportWriter() {}

  /**
   * Writes {@code content} to a hidden temporary file next to {@code target}, then renames it over
   * {@code target}: atomically where the file system can, otherwise with a plain replacing move.
   * Readers and a crash of jgenkit never see a partial file. The file is not fsynced: that guards
   * only against losing the machine itself, and costs tens of milliseconds per file on every run. Creates missing parent directories. On failure the temporary file is
   * removed and {@code target} is untouched.
   *
   * @throws IOException when the directory or file cannot be written
   */
  public static void writeAtomically(Path target, byte[] content) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path dir = absolute.getParent();
    Files.createDirectories(dir);
    // A fresh name created with CREATE_NEW gets the usual umask permissions, unlike createTempFile.
    // The name only has to be unique in this directory: pid and a counter, no SecureRandom (whose
    // seeding would cost every run a noticeable delay).
    Path temp = dir.resolve("." + absolute.getFileName() + "." + ProcessHandle.current().pid() + "."
        + COUNTER.incrementAndGet() + ".tmp");
    try {
      try (FileChannel ch =
          FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          ch.write(buffer);
        }
      }
      try {
        Files.move(
            temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
