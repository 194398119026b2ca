package dev.jgenkit.runners.validate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Builders for validator tests: JSON from text blocks and one-call validator runs. */
final class ValidationFixtures {
  static final ObjectMapper MAPPER = new ObjectMapper();

  /** The request of the built-in {@code tool-request} test. */
  static final String WEATHER_REQUEST =
      """
      {
        "messages": [
          {"role": "user", "content": [{"text": "What is the weather in New York? Use the tool."}]}
        ],
        "tools": [
          {
            "name": "weather",
            "description": "Get the weather for a city",
            "inputSchema": {
              "type": "object",
              "properties": {"city": {"type": "string"}},
              "required": ["city"]
            }
          }
        ]
      }
      """;

  /** The request of the built-in {@code structured-output} test. */
  static final String PROFILE_REQUEST =
      """
      {
        "messages": [{"role": "user", "content": [{"text": "Generate a profile for John Doe."}]}],
        "output": {
          "format": "json",
          "schema": {
            "type": "object",
            "properties": {"name": {"type": "string"}, "age": {"type": "number"}},
            "required": ["name", "age"]
          },
          "constrained": true
        }
      }
      """;

  private ValidationFixtures() {}

  static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A model response whose message has these parts (a JSON array). */
  static String modelMessage(String partsJson) {
    return """
    {"message": {"role": "model", "content": %s}, "finishReason": "stop"}
    """
        .formatted(partsJson);
  }

  /** A non-streamed call. */
  static ValidationInput unary(String request, String response) {
    return new ValidationInput(json(request), json(response), List.of(), false);
  }

  /** A non-streamed call whose request does not matter. */
  static ValidationInput response(String response) {
    return new ValidationInput(MissingNode.getInstance(), json(response), List.of(), false);
  }

  /** A streamed call; each chunk is one JSON text. */
  static ValidationInput streamed(String request, String response, String... chunks) {
    List<JsonNode> parsed = new ArrayList<>();
    for (String chunk : chunks) {
      parsed.add(json(chunk));
    }
    return new ValidationInput(json(request), json(response), parsed, true);
  }

  /** Runs one validator spec; the failure message, or empty when it passed. */
  static Optional<String> run(String spec, ValidationInput in) {
    return Validators.runAll(List.of(spec), in);
  }
}
