package dev.jgenkit.cli.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Records one row per resilience case into {@code target/resilience/<TestClass>.jsonl}: the fault,
 * the expected behaviour and what was measured (verdicts, exit code, seconds), and whether the
 * test held (its assertions passed). {@code scripts/resilience-report} builds docs/resilience.md
 * from these rows. A test opens its row with {@link #begin} and fills it as it measures.
 */
public final class ResilienceLog implements BeforeAllCallback, TestWatcher {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ThreadLocal<Row> CURRENT = new ThreadLocal<>();

  /** What one case measured; the watcher writes it when the test ends. */
  public static final class Row {
    private final ObjectNode node = MAPPER.createObjectNode();

    private Row(String group, String name, String fault, String expected) {
      node.put("group", group).put("case", name).put("fault", fault).put("expected", expected);
    }

    public Row verdicts(String verdicts) {
      node.put("verdicts", verdicts);
      return this;
    }

    public Row exit(int code) {
      node.put("exit", code);
      return this;
    }

    public Row took(Duration wall) {
      node.put("seconds", Math.round(wall.toMillis() / 100.0) / 10.0);
      return this;
    }

    public Row note(String note) {
      node.put("measured", note);
      return this;
    }
  }

  /** Opens the current test's row. */
  public static Row begin(String group, String name, String fault, String expected) {
    Row r = new Row(group, name, fault, expected);
    CURRENT.set(r);
    return r;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    Path f = file(context);
    Files.createDirectories(f.getParent());
    Files.deleteIfExists(f);
  }

  @Override
  public void testSuccessful(ExtensionContext context) {
    write(context, true, Optional.empty());
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    write(context, false, Optional.ofNullable(cause));
  }

  private static void write(ExtensionContext context, boolean held, Optional<Throwable> cause) {
    Row r = CURRENT.get();
    CURRENT.remove();
    if (r == null) {
      return;
    }
    r.node.put("suite", context.getRequiredTestClass().getSimpleName());
    r.node.put("test", context.getDisplayName());
    r.node.put("held", held);
    cause.ifPresent(c -> r.node.put("failure",
        String.valueOf(c.getMessage()).lines().findFirst().orElse(c.getClass().getSimpleName())));
    try {
      Files.writeString(file(context), r.node + "\n", StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path file(ExtensionContext context) {
    return Path.of("target", "resilience", context.getRequiredTestClass().getSimpleName() + ".jsonl");
  }
}
