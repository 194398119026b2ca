package dev.jgenkit.runners.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A runtime discovery file ({@code .genkit/runtimes/*.json}) written by a Genkit runtime in dev
 * mode. JS, Go and Python write slightly different shapes (Go's timestamps use {@code _} for
 * {@code :}; Python's are naive local times); all are accepted.
 */
public record RuntimeFile(
    Path path,
    String id,
    long pid,
    String reflectionServerUrl,
    Instant timestamp,
    Optional<String> name,
    Optional<String> genkitVersion,
    OptionalInt reflectionApiSpecVersion) {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  public RuntimeFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(reflectionServerUrl, "reflectionServerUrl");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(genkitVersion, "genkitVersion");
    Objects.requireNonNull(reflectionApiSpecVersion, "reflectionApiSpecVersion");
  }

  /**
   * Reads one file; empty when it is unreadable, half-written or not a runtime file (the same
   * validity rules the Genkit CLI applies).
   */
  public static Optional<RuntimeFile> read(Path path) {
    try {
      return parse(path, Files.readString(path));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  public static Optional<RuntimeFile> parse(Path path, String json) {
    JsonNode n;
    try {
      n = MAPPER.readTree(json);
    } catch (IOException e) {
      return Optional.empty();
    }
    if (n == null
        || !n.path("id").isTextual()
        || !n.path("pid").isNumber()
        || !n.path("reflectionServerUrl").isTextual()
        || !n.path("timestamp").isTextual()
        || (n.has("name") && !n.get("name").isTextual() && !n.get("name").isNull())) {
      return Optional.empty();
    }
    if (okhttp3.HttpUrl.parse(n.get("reflectionServerUrl").asText()) == null) {
      return Optional.empty();
    }
    Optional<Instant> ts = parseTimestamp(n.get("timestamp").asText());
    if (ts.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new RuntimeFile(
            path,
            n.get("id").asText(),
            n.get("pid").asLong(),
            stripSlash(n.get("reflectionServerUrl").asText()),
            ts.get(),
            Optional.ofNullable(n.path("name").textValue()),
            Optional.ofNullable(n.path("genkitVersion").textValue()),
            n.path("reflectionApiSpecVersion").canConvertToInt()
                ? OptionalInt.of(n.get("reflectionApiSpecVersion").asInt())
                : OptionalInt.empty()));
  }

  /** ISO-8601 with offset (JS), Go's RFC 3339 with {@code _}, or Python's naive local time. */
  static Optional<Instant> parseTimestamp(String raw) {
    String s = raw.replace('_', ':');
    try {
      return Optional.of(OffsetDateTime.parse(s).toInstant());
    } catch (DateTimeParseException e) {
      try {
        return Optional.of(LocalDateTime.parse(s).atZone(ZoneId.systemDefault()).toInstant());
      } catch (DateTimeParseException e2) {
        return Optional.empty();
      }
    }
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
