package dev.jgenkit.specs;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The validator names a test may use: the peer's ten and jgenkit's five stricter ones, each with
 * its argument rule and a one-line description for {@code --help} and the docs.
 */
public final class ValidatorCatalog {
  /** Whether a validator takes an argument after the first {@code ':'}. */
  public enum Argument {
    NONE,
    OPTIONAL,
    REQUIRED
  }

  /** Where a validator comes from: the peer's {@code dev:test-model} or jgenkit's stricter set. */
  public enum Origin {
    GENKIT,
    JGENKIT
  }

  /**
   * One known validator.
   *
   * @param argumentLabel what the argument means, e.g. {@code tool}; {@code ""} when there is none
   */
  public record Entry(
      String name, Argument argument, String argumentLabel, Origin origin, String description) {
    public Entry {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(argument, "argument");
      Objects.requireNonNull(argumentLabel, "argumentLabel");
      Objects.requireNonNull(origin, "origin");
      Objects.requireNonNull(description, "description");
      if ((argument == Argument.NONE) != argumentLabel.isEmpty()) {
        throw new IllegalArgumentException("argumentLabel must be set exactly when an argument is");
      }
    }

    /** How to write it: {@code name}, {@code name[:<label>]} or {@code name:<label>}. */
    public String usage() {
      return switch (argument) {
        case OPTIONAL -> name + "[:<" + argumentLabel + ">]";
        case REQUIRED -> name + ":<" + argumentLabel + ">";
        case NONE -> name;
      };
    }
  }

  private static final List<Entry> ALL =
      List.of(
          peer(
              "has-tool-request",
              Argument.OPTIONAL,
              "tool",
              "The response contains a tool request, for <tool> when given."),
          peer(
              "valid-json",
              Argument.NONE,
              "",
              "The first text part of the response parses as JSON (the schema is not checked)."),
          peer(
              "text-includes",
              Argument.OPTIONAL,
              "text",
              "The response text is not empty and contains <text>, ignoring case."),
          peer(
              "text-starts-with",
              Argument.OPTIONAL,
              "prefix",
              "The response text, trimmed, is not empty and starts with <prefix>."),
          peer("text-not-empty", Argument.NONE, "", "The response text is not blank."),
          peer(
              "valid-media",
              Argument.OPTIONAL,
              "type",
              "The response has a media part, of content type <type>/* when given."),
          peer("reasoning", Argument.NONE, "", "The response contains a reasoning part."),
          peer(
              "stream-text-includes",
              Argument.OPTIONAL,
              "text",
              "Chunks arrived and their text, joined, contains <text> (case-sensitive)."),
          peer(
              "stream-has-tool-request",
              Argument.OPTIONAL,
              "tool",
              "A chunk contains a tool request; with <tool>, the response requests that tool."),
          peer(
              "stream-valid-json",
              Argument.NONE,
              "",
              "Chunks arrived and their text, joined, parses as JSON."),
          strict(
              "json-schema",
              Argument.NONE,
              "",
              "The response's JSON output validates against the request's output.schema."),
          strict(
              "tool-input-schema",
              Argument.NONE,
              "",
              "Each tool request's input validates against that tool's inputSchema."),
          strict(
              "stream-consistent",
              Argument.NONE,
              "",
              "The streamed chunks, joined, agree with the final response."),
          strict(
              "finish-reason",
              Argument.REQUIRED,
              "reason",
              "The response's finishReason equals <reason>, e.g. stop."),
          strict("usage-present", Argument.NONE, "", "The response reports token usage."));

  private static final List<String> NAMES = ALL.stream().map(Entry::name).toList();

  private ValidatorCatalog() {}

  private static Entry peer(String name, Argument argument, String label, String description) {
    return new Entry(name, argument, label, Origin.GENKIT, description);
  }

  private static Entry strict(String name, Argument argument, String label, String description) {
    return new Entry(name, argument, label, Origin.JGENKIT, description);
  }

  /** Every known validator: the peer's in the peer's order, then jgenkit's. */
  public static List<Entry> all() {
    return ALL;
  }

  public static List<String> names() {
    return NAMES;
  }

  public static Optional<Entry> find(String name) {
    return ALL.stream().filter(e -> e.name().equals(name)).findFirst();
  }

  public static boolean isKnown(String name) {
    return find(name).isPresent();
  }

  public static boolean requiresArgument(String name) {
    return find(name).map(e -> e.argument() == Argument.REQUIRED).orElse(false);
  }

  public static boolean acceptsArgument(String name) {
    return find(name).map(e -> e.argument() != Argument.NONE).orElse(false);
  }

  /** The one-line description, or empty for an unknown name. */
  public static Optional<String> description(String name) {
    return find(name).map(Entry::description);
  }
}
