package dev.jgenkit.runners.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * Copies a child's output to its log file one line at a time through a filter (secret masking), so
 * nothing the child prints reaches the disk unfiltered. Each line is flushed as it completes; a last
 * line without a newline is written at end of stream. A line longer than {@value #MAX_LINE_BYTES}
 * bytes is filtered and written in pieces of that size.
 */
final class LogPump {
  static final int MAX_LINE_BYTES = 1 << 20;
  private static final Duration DRAIN = Duration.ofSeconds(3);

  private final OutputStream out;
  private final UnaryOperator<String> filter;
  private volatile Thread thread;

  private LogPump(OutputStream out, UnaryOperator<String> filter) {
    this.out = out;
    this.filter = filter;
  }

  /** Creates (truncates) the log file now, so a spawn that fails still leaves an empty log. */
  static LogPump open(Path file, UnaryOperator<String> filter) throws IOException {
    return new LogPump(Files.newOutputStream(file), filter);
  }

  /** Starts copying {@code in} on a daemon thread. */
  LogPump start(InputStream in, long pid) {
    Thread t = new Thread(() -> copy(in), "jgenkit-log-" + pid);
    t.setDaemon(true);
    thread = t;
    t.start();
    return this;
  }

  /** Closes the log file when the process never started. */
  void closeUnused() {
    try {
      out.close();
    } catch (IOException e) {
      // nothing was written
    }
  }

  /**
   * Waits (a few seconds at most) until everything the process tree printed is in the file: call
   * it once the process has exited. A descendant that outlives it and keeps the pipe open is not
   * waited for beyond that bound.
   */
  void drain() {
    Thread t = thread;
    if (t == null || Thread.currentThread() == t) {
      return;
    }
    try {
      t.join(DRAIN.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void copy(InputStream in) {
    byte[] buf = new byte[8192];
    byte[] line = new byte[8192];
    int len = 0;
    try (in;
        out) {
      int n;
      while ((n = in.read(buf)) != -1) {
        for (int i = 0; i < n; i++) {
          byte b = buf[i];
          if (b == '\n') {
            write(line, len, true);
            len = 0;
            continue;
          }
          if (len == line.length) {
            if (len >= MAX_LINE_BYTES) {
              write(line, len, false);
              len = 0;
            } else {
              line = java.util.Arrays.copyOf(line, Math.min(MAX_LINE_BYTES, line.length * 2));
            }
          }
          line[len++] = b;
        }
      }
      if (len > 0) {
        write(line, len, false);
      }
    } catch (IOException e) {
      // the pipe broke or the log cannot be written: the child's output is lost, never jgenkit's run
    }
  }

  private void write(byte[] bytes, int len, boolean newline) throws IOException {
    String text = decode(bytes, len);
    boolean cr = text.endsWith("\r");
    text = filter.apply(cr ? text.substring(0, text.length() - 1) : text) + (cr ? "\r" : "");
    out.write(text.getBytes(StandardCharsets.UTF_8));
    if (newline) {
      out.write('\n');
    }
    out.flush();
  }

  private static String decode(byte[] bytes, int len) {
    CharsetDecoder d =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    try {
      CharBuffer c = d.decode(ByteBuffer.wrap(bytes, 0, len));
      return c.toString();
    } catch (CharacterCodingException e) {
      return new String(bytes, 0, len, StandardCharsets.UTF_8);
    }
  }
}
