package dev.jgenkit.specs.conform;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.jgenkit.specs.DidYouMean;
import dev.jgenkit.specs.DocumentKind;
import dev.jgenkit.specs.DocumentReader;
import dev.jgenkit.specs.Location;
import dev.jgenkit.specs.Problems;
import dev.jgenkit.specs.SpecException;
import dev.jgenkit.specs.Tree.Pos;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads a {@code conform.toml} (keys and per-runtime defaults as Genkit's conform tool reads them)
 * into a {@link ConformConfig}, with the same located problems as a spec: {@code
 * file:line:column}, a fix hint, unknown keys rejected with a did-you-mean. Relative paths are
 * resolved against the file's directory.
 */
public final class ConformConfigLoader {
  static final List<String> CONFORM_KEYS =
      List.of("concurrency", "test-concurrency", "max-retries", "retry-base-delay", "runner",
          "action-timeout", "health-timeout", "startup-timeout", "additional-model-plugins", "env",
          "plugin-overrides", "model-overrides", "runtimes");
  static final List<String> RUNTIME_KEYS =
      List.of("specs-dir", "plugins-dir", "entry-command", "cwd", "entry-filename",
          "native-entry-filename", "default-runner", "model-marker");
  static final List<String> OVERRIDE_KEYS = List.of("action-timeout", "test-concurrency");
  private static final Map<String, String> ENTRY_FILENAMES =
      Map.of("python", "conformance_entry.py", "js", "conformance_entry.ts", "go", "conformance_entry.go");
  private static final DocumentKind KIND =
      DocumentKind.of("conform config", "give --conform a directory holding conform.toml, or the file");
  private static final TomlMapper TOML = new TomlMapper();

  private ConformConfigLoader() {}

  /** The file {@code --conform} names: a directory's {@code conform.toml}, or the file itself. */
  public static Path resolve(Path dirOrFile) {
    return Files.isDirectory(dirOrFile) ? dirOrFile.resolve(ConformConfig.FILE_NAME) : dirOrFile;
  }

  /**
   * Reads and checks a conform config.
   *
   * @throws SpecException with every problem found, sorted by position
   */
  public static ConformConfig load(Path file) throws SpecException {
    Objects.requireNonNull(file, "file");
    return load(file, DocumentReader.readText(file, KIND));
  }

  /** Checks conform-config text as if read from {@code file}. */
  public static ConformConfig load(Path file, String content) throws SpecException {
    Problems problems = new Problems(file);
    JsonNode root;
    try {
      root = TOML.readTree(content);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      Pos pos = at == null || at.getLineNr() < 1 ? Pos.START : new Pos(at.getLineNr(), Math.max(1, at.getColumnNr()));
      problems.add(pos, "not valid TOML: " + e.getOriginalMessage(), "check the syntax at this position");
      throw new SpecException(problems.sorted());
    }
    ConformConfig config = new Checker(problems, file, Positions.of(content)).config(root);
    problems.throwIfAny();
    return config;
  }

  /** Checks the parsed document; null when a problem was recorded. */
  private static final class Checker {
    private final Problems problems;
    private final Path file;
    private final Path base;
    private final Positions positions;
    private final List<String> ignored = new ArrayList<>();

    Checker(Problems problems, Path file, Positions positions) {
      this.problems = problems;
      this.file = file;
      Path parent = file.toAbsolutePath().normalize().getParent();
      this.base = parent == null ? Path.of("").toAbsolutePath() : parent;
      this.positions = positions;
    }

    ConformConfig config(JsonNode root) {
      String prefix = "conform";
      JsonNode conform = root.get("conform");
      if (conform == null && root.path("tool").has("conform")) {
        conform = root.path("tool").get("conform");
        prefix = "tool.conform";
      }
      if (conform == null || !conform.isObject()) {
        problems.add(Pos.START, "no [conform] table",
            "a conform config has a [conform] table (or [tool.conform] in a pyproject.toml) with"
                + " [conform.runtimes.<name>] tables under it");
        return null;
      }
      int before = problems.size();
      unknownKeys(conform, prefix, "conform", CONFORM_KEYS);
      for (String k : List.of("concurrency", "max-retries", "retry-base-delay", "runner",
          "health-timeout", "additional-model-plugins", "model-overrides")) {
        if (conform.has(k)) {
          ignored.add(k + " = " + shown(conform.get(k)) + ": " + whyIgnored(k));
        }
      }
      Optional<Duration> actionTimeout = seconds(conform, prefix, "action-timeout");
      Optional<Duration> startupTimeout = seconds(conform, prefix, "startup-timeout");
      OptionalInt testConcurrency = positiveInt(conform, prefix, "test-concurrency");
      Map<String, List<String>> env = env(conform.get("env"), prefix + ".env");
      Map<String, ConformConfig.Override> overrides =
          overrides(conform.get("plugin-overrides"), prefix + ".plugin-overrides");
      List<ConformConfig.Runtime> runtimes = runtimes(conform.get("runtimes"), prefix + ".runtimes", prefix);
      if (problems.size() != before) {
        return null;
      }
      return new ConformConfig(file, actionTimeout, startupTimeout, testConcurrency, env, overrides,
          runtimes, ignored);
    }

    private static String whyIgnored(String key) {
      return switch (key) {
        case "concurrency" -> "plugins run one after another (Genkit JS picks its port racily)";
        case "max-retries", "retry-base-delay" ->
            "jgenkit retries only transient errors and only when asked: pass --retries N";
        case "runner" -> "jgenkit always runs the raw model action over the reflection API, like"
            + " genkit dev:test-model (conform's native and in-process runners call generate())";
        case "health-timeout" -> "jgenkit bounds health checks itself";
        case "additional-model-plugins" -> "used only by conform's check-plugin";
        default -> "conform never applied model overrides either (the model name is not passed)";
      };
    }

    private List<ConformConfig.Runtime> runtimes(JsonNode node, String path, String prefix) {
      if (node == null || !node.isObject() || node.isEmpty()) {
        problems.add(positions.of(path, prefix), "no [" + path + ".<name>] table",
            "add e.g. [" + path + ".js] with specs-dir = \".\" and entry-command = [\"npx\", \"tsx\"]");
        return List.of();
      }
      List<ConformConfig.Runtime> out = new ArrayList<>();
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        String name = e.getKey();
        String at = path + "." + name;
        JsonNode rt = e.getValue();
        if (!rt.isObject()) {
          problems.add(positions.of(at, path), "runtime '" + name + "' must be a table",
              "write [" + at + "] with specs-dir and entry-command under it");
          continue;
        }
        int before = problems.size();
        unknownKeys(rt, at, "runtime", RUNTIME_KEYS);
        for (String k : List.of("plugins-dir", "native-entry-filename", "default-runner", "model-marker")) {
          if (rt.has(k)) {
            ignored.add("runtimes." + name + "." + k + " = " + shown(rt.get(k)) + ": "
                + (k.equals("default-runner") ? whyIgnored("runner") : "used only by conform's"
                    + (k.equals("native-entry-filename") ? " native runner" : " check-plugin")));
          }
        }
        Optional<String> specsDir = string(rt, at, "specs-dir", true, "specs-dir = \".\"");
        List<String> command = strings(rt, at, "entry-command", true, "entry-command = [\"npx\", \"tsx\"]");
        Optional<String> cwd = string(rt, at, "cwd", false, "cwd = \"../js\"");
        Optional<String> entry = string(rt, at, "entry-filename", false, "entry-filename = \"conformance_entry.ts\"");
        if (command.isEmpty() && rt.has("entry-command") && problems.size() == before) {
          problems.add(positions.of(at + ".entry-command", at), "'entry-command' is empty",
              "give the command the entry file is appended to, e.g. entry-command = [\"node\"]");
        }
        Path dir = specsDir.map(d -> base.resolve(d).normalize()).orElse(base);
        if (specsDir.isPresent() && !Files.isDirectory(dir)) {
          problems.add(positions.of(at + ".specs-dir", at), "specs-dir not found: " + dir,
              "give the directory holding <plugin>/" + ConformConfig.SPEC_FILE + ", relative to " + base);
        }
        if (problems.size() != before) {
          continue;
        }
        out.add(new ConformConfig.Runtime(name, dir, command,
            cwd.map(c -> base.resolve(c).normalize()).orElse(base),
            entry.orElse(ENTRY_FILENAMES.getOrDefault(name, ENTRY_FILENAMES.get("python"))),
            location(positions.of(at, path))));
      }
      return out;
    }

    private Map<String, List<String>> env(JsonNode node, String path) {
      Map<String, List<String>> out = new LinkedHashMap<>();
      if (node == null) {
        return out;
      }
      if (!node.isObject()) {
        problems.add(positions.of(path, "conform"), "'env' must be a table of plugin = [\"VAR\", ...]",
            "write [" + path + "] with e.g. anthropic = [\"ANTHROPIC_API_KEY\"]");
        return out;
      }
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        List<String> vars = strings(node, path, e.getKey(), true, e.getKey() + " = [\"API_KEY\"]");
        for (String v : vars) {
          if (!v.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            problems.add(positions.of(path + "." + e.getKey(), path),
                "'" + v + "' is not a valid environment variable name",
                "list only names, e.g. \"ANTHROPIC_API_KEY\": the values come from the environment");
          }
        }
        out.put(e.getKey(), vars);
      }
      return out;
    }

    private Map<String, ConformConfig.Override> overrides(JsonNode node, String path) {
      Map<String, ConformConfig.Override> out = new LinkedHashMap<>();
      if (node == null) {
        return out;
      }
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        String at = path + "." + e.getKey();
        if (!e.getValue().isObject()) {
          problems.add(positions.of(at, path), "plugin override '" + e.getKey() + "' must be a table",
              "write [" + at + "] with action-timeout and/or test-concurrency under it");
          continue;
        }
        unknownKeys(e.getValue(), at, "plugin override", OVERRIDE_KEYS);
        out.put(e.getKey(), new ConformConfig.Override(seconds(e.getValue(), at, "action-timeout"),
            positiveInt(e.getValue(), at, "test-concurrency")));
      }
      return out;
    }

    private void unknownKeys(JsonNode table, String path, String what, List<String> known) {
      for (Map.Entry<String, JsonNode> e : table.properties()) {
        if (!known.contains(e.getKey())) {
          String hint = DidYouMean.suggest(e.getKey(), known).map(s -> "did you mean '" + s + "'? ").orElse("");
          problems.add(positions.of(path + "." + e.getKey(), path),
              "unknown " + what + " key '" + e.getKey() + "'",
              hint + "A " + what + " has " + String.join(", ", known));
        }
      }
    }

    private Optional<Duration> seconds(JsonNode table, String path, String key) {
      JsonNode v = table.get(key);
      if (v == null) {
        return Optional.empty();
      }
      if (!v.isNumber() || !(v.doubleValue() > 0) || v.doubleValue() > 86_400) {
        problems.add(positions.of(path + "." + key, path),
            "'" + key + "' must be a positive number of seconds, found " + shown(v),
            "write e.g. " + key + " = 120.0");
        return Optional.empty();
      }
      return Optional.of(Duration.ofMillis(new BigDecimal(v.asText()).movePointRight(3).longValue()));
    }

    private OptionalInt positiveInt(JsonNode table, String path, String key) {
      JsonNode v = table.get(key);
      if (v == null) {
        return OptionalInt.empty();
      }
      if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < 1) {
        problems.add(positions.of(path + "." + key, path),
            "'" + key + "' must be a whole number of at least 1, found " + shown(v),
            "write e.g. " + key + " = 3");
        return OptionalInt.empty();
      }
      return OptionalInt.of(v.intValue());
    }

    /** {@code table}'s {@code key}, or null when absent (a problem when it is required). */
    private JsonNode present(JsonNode table, String path, String key, boolean required, String example) {
      JsonNode v = table.get(key);
      if (v == null && required) {
        problems.add(positions.of(path, path), "[" + path + "] has no '" + key + "'", "add " + example);
      }
      return v;
    }

    private Optional<String> string(JsonNode table, String path, String key, boolean required, String example) {
      JsonNode v = present(table, path, key, required, example);
      if (v == null) {
        return Optional.empty();
      }
      if (!v.isTextual() || v.asText().isBlank()) {
        problems.add(positions.of(path + "." + key, path), "'" + key + "' must be a non-empty string, found "
            + shown(v), "write " + example);
        return Optional.empty();
      }
      return Optional.of(v.asText());
    }

    private List<String> strings(JsonNode table, String path, String key, boolean required, String example) {
      JsonNode v = present(table, path, key, required, example);
      if (v == null) {
        return List.of();
      }
      List<String> out = new ArrayList<>();
      if (!v.isArray() || !allText(v)) {
        problems.add(positions.of(path + "." + key, path), "'" + key + "' must be a list of strings, found "
            + shown(v), "write " + example);
        return out;
      }
      v.forEach(x -> out.add(x.asText()));
      return out;
    }

    private static boolean allText(JsonNode array) {
      for (JsonNode x : array) {
        if (!x.isTextual()) {
          return false;
        }
      }
      return true;
    }

    private static String shown(JsonNode v) {
      return v instanceof ObjectNode ? "a table" : v.toString();
    }

    private Location location(Pos pos) {
      return problems.location(pos);
    }
  }

  /**
   * Where tables and keys are written: TOML's parser keeps no positions, so they are read from the
   * text (table headers and {@code key =} lines, dotted keys and quoted keys included).
   */
  static final class Positions {
    private static final Pattern HEADER = Pattern.compile("^\\s*\\[\\s*([^\\[\\]]+?)\\s*\\]");
    private static final Pattern KEY =
        Pattern.compile("^(\\s*)((?:[A-Za-z0-9_-]+|\"[^\"]*\")(?:\\s*\\.\\s*(?:[A-Za-z0-9_-]+|\"[^\"]*\"))*)\\s*=");
    private final Map<String, Pos> positions = new LinkedHashMap<>();

    static Positions of(String text) {
      Positions p = new Positions();
      String table = "";
      int line = 0;
      for (String l : text.split("\n", -1)) {
        line++;
        Matcher h = HEADER.matcher(l);
        if (h.find() && !l.strip().startsWith("[[")) {
          table = dotted(h.group(1));
          p.positions.putIfAbsent(table, new Pos(line, l.indexOf('[') + 1));
          continue;
        }
        Matcher k = KEY.matcher(l);
        if (k.find()) {
          String key = dotted(k.group(2));
          p.positions.putIfAbsent(table.isEmpty() ? key : table + "." + key,
              new Pos(line, k.group(1).length() + 1));
        }
      }
      return p;
    }

    private static String dotted(String raw) {
      List<String> parts = new ArrayList<>();
      Matcher m = Pattern.compile("\"([^\"]*)\"|([^.\\s\"]+)").matcher(raw);
      while (m.find()) {
        parts.add(m.group(1) != null ? m.group(1) : m.group(2));
      }
      return String.join(".", parts);
    }

    /** The position of {@code path}, else of {@code fallback}, else the file's start. */
    Pos of(String path, String fallback) {
      Pos p = positions.get(path);
      if (p == null) {
        p = positions.get(fallback);
      }
      return p == null ? Pos.START : p;
    }
  }
}
