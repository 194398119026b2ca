package dev.jgenkit.cli.picker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the picker remembers between sessions, per spec file or samples dir: the last selection
 * (preselected next time), the highlighted item, the flows seen per sample, and the command line
 * that opened it (offered again by bare {@code jgenkit}). One JSON file, {@code
 * $XDG_CONFIG_HOME/jgenkit/picker.json} (else {@code ~/.config/jgenkit/picker.json}), written
 * atomically; a missing or unreadable file is an empty memory, and failing to write it is not an
 * error.
 */
public final class SelectionMemory {
  static final String FILE_NAME = "picker.json";
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * One remembered picker.
   *
   * @param selected item keys, in plan order
   * @param highlighted the item the cursor was on
   * @param flows per sample, the flows seen when it last ran (sample-flows only)
   * @param args the jgenkit arguments that open this picker again (without {@code -i})
   * @param cwd the working directory they were given in
   */
  public record Remembered(
      List<String> selected,
      Optional<String> highlighted,
      Map<String, List<String>> flows,
      List<String> args,
      String cwd,
      Instant updatedAt) {
    public static final Remembered NONE =
        new Remembered(List.of(), Optional.empty(), Map.of(), List.of(), "", Instant.EPOCH);

    public Remembered {
      selected = List.copyOf(selected);
      Objects.requireNonNull(highlighted, "highlighted");
      Map<String, List<String>> copy = new LinkedHashMap<>();
      flows.forEach((k, v) -> copy.put(k, List.copyOf(v)));
      flows = java.util.Collections.unmodifiableMap(copy);
      args = List.copyOf(args);
      cwd = cwd == null ? "" : cwd;
      Objects.requireNonNull(updatedAt, "updatedAt");
    }
  }

  private final Path file;

  public SelectionMemory(Path file) {
    this.file = Objects.requireNonNull(file, "file");
  }

  /** The memory file for this environment: XDG_CONFIG_HOME, else HOME/.config, else user.home. */
  public static SelectionMemory forEnvironment(Map<String, String> env) {
    String xdg = env.get("XDG_CONFIG_HOME");
    Path config;
    if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
      config = Path.of(xdg);
    } else {
      String home = env.getOrDefault("HOME", System.getProperty("user.home"));
      config = Path.of(home, ".config");
    }
    return new SelectionMemory(config.resolve("jgenkit").resolve(FILE_NAME));
  }

  public Path file() {
    return file;
  }

  /** What was remembered under {@code key}, or {@link Remembered#NONE}. */
  public Remembered load(String key) {
    JsonNode e = readAll().path("pickers").path(key);
    return e.isObject() ? fromJson(e) : Remembered.NONE;
  }

  /** Every remembered picker, most recent first. */
  public List<Map.Entry<String, Remembered>> all() {
    List<Map.Entry<String, Remembered>> out = new ArrayList<>();
    JsonNode pickers = readAll().path("pickers");
    for (Map.Entry<String, JsonNode> e : pickers.properties()) {
      if (e.getValue().isObject()) {
        out.add(Map.entry(e.getKey(), fromJson(e.getValue())));
      }
    }
    out.sort(Comparator.comparing((Map.Entry<String, Remembered> e) -> e.getValue().updatedAt()).reversed());
    return out;
  }

  /** Remembers {@code value} under {@code key}; false when the file could not be written. */
  public boolean save(String key, Remembered value) {
    ObjectNode root = readAll();
    if (!root.path("pickers").isObject()) {
      root.putObject("pickers");
    }
    ((ObjectNode) root.get("pickers")).set(key, toJson(value));
    try {
      Files.createDirectories(file.getParent());
      Path tmp = Files.createTempFile(file.getParent(), ".picker", ".tmp");
      try {
        MAPPER.writeValue(tmp.toFile(), root);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private ObjectNode readAll() {
    try {
      if (Files.isRegularFile(file)) {
        JsonNode n = MAPPER.readTree(file.toFile());
        if (n instanceof ObjectNode o) {
          return o;
        }
      }
    } catch (IOException | RuntimeException e) {
      // unreadable: start afresh
    }
    ObjectNode root = MAPPER.createObjectNode();
    root.put("version", 1);
    root.putObject("pickers");
    return root;
  }

  private static Remembered fromJson(JsonNode e) {
    Map<String, List<String>> flows = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> f : e.path("flows").properties()) {
      flows.put(f.getKey(), strings(f.getValue()));
    }
    Instant at;
    try {
      at = Instant.parse(e.path("updatedAt").asText(""));
    } catch (RuntimeException ex) {
      at = Instant.EPOCH;
    }
    return new Remembered(
        strings(e.path("selected")),
        e.path("highlighted").isTextual() ? Optional.of(e.get("highlighted").asText()) : Optional.empty(),
        flows,
        strings(e.path("args")),
        e.path("cwd").asText(""),
        at);
  }

  private static ObjectNode toJson(Remembered r) {
    ObjectNode o = MAPPER.createObjectNode();
    ArrayNode sel = o.putArray("selected");
    r.selected().forEach(sel::add);
    r.highlighted().ifPresent(h -> o.put("highlighted", h));
    ObjectNode flows = o.putObject("flows");
    r.flows().forEach((k, v) -> {
      ArrayNode a = flows.putArray(k);
      v.forEach(a::add);
    });
    ArrayNode args = o.putArray("args");
    r.args().forEach(args::add);
    o.put("cwd", r.cwd());
    o.put("updatedAt", r.updatedAt().toString());
    return o;
  }

  private static List<String> strings(JsonNode n) {
    List<String> out = new ArrayList<>();
    if (n.isArray()) {
      n.forEach(x -> {
        if (x.isTextual()) {
          out.add(x.asText());
        }
      });
    }
    return out;
  }
}
