package dev.jgenkit.runners.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks a JSON value against a JSON Schema, for code outside this package: flow outputs against a
 * flow's {@code outputSchema}, synthesised inputs against its {@code inputSchema}.
 *
 * <p>Backed by the same compiled-schema cache as the {@code json-schema} validator, so each
 * distinct schema is compiled once however many threads check against it. The dialect comes from
 * {@code $schema} (draft 4, 6, 7, 2019-09 or 2020-12; Genkit JS reports draft-07), else 2020-12.
 * Only local {@code $ref}s are followed: nothing is ever fetched.
 */
public final class SchemaCheck {
  private SchemaCheck() {}

  /**
   * Validates {@code instance} against {@code schema}.
   *
   * @return each error as {@code <instance path>: <problem>} (for example {@code $.age: string
   *     found, number expected}), in evaluation order; empty when the instance is valid
   * @throws IllegalArgumentException when the schema cannot be used; its message says why (see
   *     {@link #problem})
   */
  public static List<String> errors(JsonNode schema, JsonNode instance) {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(instance, "instance");
    try {
      return List.copyOf(SchemaCache.validate(schema, instance));
    } catch (IllegalStateException e) {
      throw new IllegalArgumentException("not a usable JSON Schema: " + oneLine(e.getMessage()), e);
    }
  }

  /**
   * Why {@code schema} cannot be used (for example a remote {@code $ref}), or empty when it can.
   */
  public static Optional<String> problem(JsonNode schema) {
    Objects.requireNonNull(schema, "schema");
    SchemaCache.Compiled compiled = SchemaCache.compile(schema);
    return compiled.schema().isPresent()
        ? Optional.empty()
        : Optional.of("not a usable JSON Schema: " + oneLine(compiled.error()));
  }

  /** A regex syntax error spans three lines (message, pattern, caret); reports want one. */
  private static String oneLine(String message) {
    StringBuilder out = new StringBuilder();
    for (String line : String.valueOf(message).split("\\R")) {
      if (!line.isBlank() && !line.strip().equals("^")) {
        out.append(out.length() == 0 ? "" : ": ").append(line.strip());
      }
    }
    return out.toString();
  }
}
