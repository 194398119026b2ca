package dev.jgenkit.junit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jgenkit.runners.RuntimeTarget;
import dev.jgenkit.runners.runtime.RuntimeDirectories;
import dev.jgenkit.specs.ProjectRoot;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which runtime model tests talk to: a URL, a command jgenkit starts in a directory, or (neither)
 * the most recent healthy runtime under that directory's project. Specs with equal settings share
 * one runtime; {@link #key()} is their unique-ID segment value.
 */
record RuntimeSettings(Optional<String> url, List<String> command, Path dir) {
  private static final ObjectMapper JSON = new ObjectMapper();

  RuntimeSettings {
    Objects.requireNonNull(url, "url");
    command = List.copyOf(command);
    dir = dir.toAbsolutePath().normalize();
  }

  /** These settings with the non-empty ones of an annotation taking precedence. */
  RuntimeSettings override(String annotationUrl, String[] annotationCommand, String annotationDir, Path workingDir) {
    if (!annotationUrl.isBlank()) {
      return new RuntimeSettings(Optional.of(annotationUrl.trim()), List.of(), dir);
    }
    Path d = annotationDir.isBlank() ? dir : workingDir.resolve(annotationDir).normalize();
    if (annotationCommand.length > 0) {
      return new RuntimeSettings(Optional.empty(), List.of(annotationCommand), d);
    }
    return new RuntimeSettings(url, command, d);
  }

  /** A JSON object that {@link #fromKey} reads back. */
  String key() {
    ObjectNode n = JSON.createObjectNode();
    if (url.isPresent()) {
      n.put("url", url.get());
    } else {
      if (!command.isEmpty()) {
        command.forEach(n.putArray("command")::add);
      }
      n.put("dir", dir.toString());
    }
    return n.toString();
  }

  static Optional<RuntimeSettings> fromKey(String key) {
    try {
      JsonNode n = JSON.readTree(key);
      if (n == null || !n.isObject()) {
        return Optional.empty();
      }
      if (n.path("url").isTextual()) {
        return Optional.of(new RuntimeSettings(Optional.of(n.get("url").asText()), List.of(), Path.of("")));
      }
      if (!n.path("dir").isTextual()) {
        return Optional.empty();
      }
      List<String> argv = new ArrayList<>();
      n.path("command").forEach(e -> argv.add(e.asText()));
      return Optional.of(new RuntimeSettings(Optional.empty(), argv, Path.of(n.get("dir").asText())));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** How the runtime container is shown: {@code `node index.js` in samples/reference}. */
  String displayName(Path workingDir) {
    if (url.isPresent()) {
      return "runtime at " + url.get();
    }
    String where = relative(workingDir, dir);
    if (command.isEmpty()) {
      return "running runtime under " + where;
    }
    return "`" + String.join(" ", command) + "` in " + where;
  }

  RuntimeTarget target(Path logFile) {
    if (url.isPresent()) {
      return new RuntimeTarget.Url(url.get());
    }
    RuntimeDirectories dirs = RuntimeDirectories.of(ProjectRoot.find(dir), dir);
    if (command.isEmpty()) {
      return new RuntimeTarget.Discover(dirs);
    }
    return new RuntimeTarget.Command(command, dir, Map.of(), logFile, dirs);
  }

  /** {@code p} relative to {@code base}, unless its absolute form is shorter. */
  static String relative(Path base, Path p) {
    Path b = base.toAbsolutePath().normalize();
    Path a = p.toAbsolutePath().normalize();
    if (a.equals(b)) {
      return ".";
    }
    try {
      String rel = b.relativize(a).toString();
      return rel.length() <= a.toString().length() ? rel : a.toString();
    } catch (IllegalArgumentException e) {
      return a.toString();
    }
  }
}
