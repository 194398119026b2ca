package dev.jgenkit.runners.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.DisallowSchemaLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Compiled JSON Schemas, one per distinct schema value, shared by all threads: the same request is
 * validated many times, so each schema is compiled once.
 *
 * <p>Schemas default to draft 2020-12; a {@code $schema} naming another draft (4, 6, 7, 2019-09) is
 * honoured. Nothing is ever fetched: a {@code $ref} to another document, or an unknown {@code
 * $schema}, makes the schema unusable. {@code format} is an annotation, as 2020-12 specifies.
 */
final class SchemaCache {
  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(
          SpecVersion.VersionFlag.V202012,
          builder ->
              builder.schemaLoaders(loaders -> loaders.add(DisallowSchemaLoader.getInstance())));
  private static final SchemaValidatorsConfig CONFIG =
      SchemaValidatorsConfig.builder().pathType(PathType.JSON_PATH).build();
  private static final ConcurrentMap<JsonNode, Compiled> CACHE = new ConcurrentHashMap<>();

  private SchemaCache() {}

  /** A compiled schema, or why the schema could not be compiled. */
  record Compiled(Optional<JsonSchema> schema, String error) {}

  static Compiled compile(JsonNode schema) {
    Compiled cached = CACHE.get(schema);
    if (cached != null) {
      return cached;
    }
    // A private copy as the key, so a caller mutating its tree cannot corrupt the cache.
    return CACHE.computeIfAbsent(schema.deepCopy(), SchemaCache::load);
  }

  private static Compiled load(JsonNode schema) {
    try {
      JsonSchema compiled = FACTORY.getSchema(schema, CONFIG);
      compiled.initializeValidators();
      return new Compiled(Optional.of(compiled), "");
    } catch (RuntimeException e) {
      return new Compiled(Optional.empty(), String.valueOf(e.getMessage()));
    }
  }

  /**
   * Validates {@code instance}.
   *
   * @return each error as {@code <instance path>: <problem>}, in evaluation order; empty if valid
   * @throws IllegalStateException with the reason when the schema is unusable
   */
  static List<String> validate(JsonNode schema, JsonNode instance) {
    Compiled compiled = compile(schema);
    if (compiled.schema().isEmpty()) {
      throw new IllegalStateException(compiled.error());
    }
    List<String> errors = new ArrayList<>();
    try {
      for (ValidationMessage message : compiled.schema().get().validate(instance)) {
        errors.add(message.getMessage());
      }
    } catch (RuntimeException e) {
      throw new IllegalStateException(String.valueOf(e.getMessage()), e);
    }
    return errors;
  }

  static int size() {
    return CACHE.size();
  }
}
