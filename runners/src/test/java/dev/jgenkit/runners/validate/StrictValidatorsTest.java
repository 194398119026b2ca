package dev.jgenkit.runners.validate;

import static dev.jgenkit.runners.validate.ValidationFixtures.PROFILE_REQUEST;
import static dev.jgenkit.runners.validate.ValidationFixtures.WEATHER_REQUEST;
import static dev.jgenkit.runners.validate.ValidationFixtures.json;
import static dev.jgenkit.runners.validate.ValidationFixtures.modelMessage;
import static dev.jgenkit.runners.validate.ValidationFixtures.response;
import static dev.jgenkit.runners.validate.ValidationFixtures.run;
import static dev.jgenkit.runners.validate.ValidationFixtures.streamed;
import static dev.jgenkit.runners.validate.ValidationFixtures.unary;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The validators jgenkit adds: json-schema, tool-input-schema, stream-consistent, ... */
class StrictValidatorsTest {
  private static final String PROFILE =
      modelMessage("[{\"text\": \"{\\\"name\\\": \\\"John Doe\\\", \\\"age\\\": 42}\"}]");

  // json-schema

  @Test
  void jsonSchemaPassesWhenTheTextMatchesOutputSchema() {
    assertThat(run("json-schema", unary(PROFILE_REQUEST, PROFILE))).isEmpty();
  }

  @Test
  void jsonSchemaReportsEachErrorWithItsInstancePath() {
    String reply =
        modelMessage("[{\"text\": \"{\\\"name\\\": \\\"John Doe\\\", \\\"age\\\": \\\"42\\\"}\"}]");

    assertThat(run("json-schema", unary(PROFILE_REQUEST, reply)))
        .contains(
            "Response JSON does not match output.schema: $.age: string found, number expected");
  }

  @Test
  void jsonSchemaJoinsSeveralErrors() {
    String reply = modelMessage("[{\"text\": \"{\\\"name\\\": 7}\"}]");

    assertThat(run("json-schema", unary(PROFILE_REQUEST, reply)))
        .contains(
            "Response JSON does not match output.schema: "
                + "$.name: integer found, string expected; "
                + "$: required property 'age' not found");
  }

  @Test
  void jsonSchemaFailsWhenTheTextIsNotJson() {
    String reply = modelMessage("[{\"text\": \"Name: John Doe, age 42\"}]");

    assertThat(run("json-schema", unary(PROFILE_REQUEST, reply)))
        .contains("Response text is not valid JSON. Text: Name: John Doe, age 42");
  }

  @Test
  void jsonSchemaNeedsARequestWithOutputSchema() {
    assertThat(run("json-schema", unary(WEATHER_REQUEST, PROFILE)))
        .contains("json-schema needs a request with output.schema, but this request has none");
  }

  @Test
  void jsonSchemaHonoursTheSchemaDialect() {
    String request =
        """
        {"messages": [], "output": {"schema": {
          "$schema": "http://json-schema.org/draft-07/schema#",
          "type": "object",
          "properties": {"tags": {"type": "array", "items": [{"type": "string"}]}}
        }}}
        """;
    String reply = modelMessage("[{\"text\": \"{\\\"tags\\\": [1]}\"}]");

    assertThat(run("json-schema", unary(request, reply)))
        .contains(
            "Response JSON does not match output.schema: $.tags[0]: integer found, string"
                + " expected");
  }

  @Test
  void jsonSchemaNeverFetchesRemoteReferences() {
    String request =
        """
        {"messages": [], "output": {"schema": {"$ref": "https://schemas.test/profile.json"}}}
        """;

    assertThat(run("json-schema", unary(request, PROFILE)))
        .hasValueSatisfying(
            m ->
                assertThat(m)
                    .startsWith("output.schema is not a usable JSON Schema: ")
                    .contains("https://schemas.test/profile.json"));
  }

  @Test
  void compiledSchemasAreCachedByValue() {
    JsonNode schema = json(PROFILE_REQUEST).at("/output/schema");
    JsonNode sameValue = json(PROFILE_REQUEST).at("/output/schema");

    assertThat(SchemaCache.compile(schema).schema().get())
        .isSameAs(SchemaCache.compile(sameValue).schema().get());
  }

  @Test
  void jsonSchemaIsSafeToRunConcurrently() throws Exception {
    ValidationInput ok = unary(PROFILE_REQUEST, PROFILE);
    ValidationInput bad =
        unary(PROFILE_REQUEST, modelMessage("[{\"text\": \"{\\\"name\\\": \\\"x\\\"}\"}]"));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Optional<String>>> results = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        ValidationInput in = i % 2 == 0 ? ok : bad;
        results.add(pool.submit(() -> run("json-schema", in)));
      }
      for (int i = 0; i < results.size(); i++) {
        Optional<String> result = results.get(i).get(30, TimeUnit.SECONDS);
        if (i % 2 == 0) {
          assertThat(result).isEmpty();
        } else {
          assertThat(result)
              .contains(
                  "Response JSON does not match output.schema: $: required property 'age' not"
                      + " found");
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  // tool-input-schema

  @Test
  void toolInputSchemaPassesOnAValidInput() {
    String reply =
        modelMessage(
            "[{\"toolRequest\": {\"name\": \"weather\", \"input\": {\"city\": \"New York\"}}}]");

    assertThat(run("tool-input-schema", unary(WEATHER_REQUEST, reply))).isEmpty();
  }

  @Test
  void toolInputSchemaReportsAnInvalidInput() {
    String reply =
        modelMessage(
            """
            [{"text": "Checking."}, {"toolRequest": {"name": "weather", "input": {"location": "NYC"}}}]
            """);

    assertThat(run("tool-input-schema", unary(WEATHER_REQUEST, reply)))
        .contains(
            "Tool request 'weather' at message.content[1] input does not match the tool's"
                + " inputSchema: $: required property 'city' not found");
  }

  @Test
  void toolInputSchemaReportsAMissingInput() {
    String reply = modelMessage("[{\"toolRequest\": {\"name\": \"weather\"}}]");

    assertThat(run("tool-input-schema", unary(WEATHER_REQUEST, reply)))
        .contains(
            "Tool request 'weather' at message.content[0] has no input, which does not match the"
                + " tool's inputSchema: $: null found, object expected");
  }

  @Test
  void toolInputSchemaRejectsAnUnknownTool() {
    String reply = modelMessage("[{\"toolRequest\": {\"name\": \"get_weather\", \"input\": {}}}]");

    assertThat(run("tool-input-schema", unary(WEATHER_REQUEST, reply)))
        .contains(
            "Tool request 'get_weather' at message.content[0] names no tool of the request"
                + " (tools: 'weather')");
  }

  @Test
  void toolInputSchemaNeedsAToolRequest() {
    String reply = modelMessage("[{\"text\": \"Sunny.\"}]");

    assertThat(run("tool-input-schema", unary(WEATHER_REQUEST, reply)))
        .contains(
            "Model did not return a tool request. Content: [\n"
                + "  {\n"
                + "    \"text\": \"Sunny.\"\n"
                + "  }\n"
                + "]");
  }

  @Test
  void toolInputSchemaAlsoChecksCompleteToolRequestsInChunks() {
    String reply =
        modelMessage(
            "[{\"toolRequest\": {\"name\": \"weather\", \"input\": {\"city\": \"NYC\"}}}]");
    ValidationInput in =
        streamed(
            WEATHER_REQUEST,
            reply,
            "{\"content\": [{\"toolRequest\": {\"name\": \"weather\", \"input\": {\"ci\": 1},"
                + " \"partial\": true}}]}",
            "{\"content\": [{\"toolRequest\": {\"name\": \"weather\", \"input\": {\"city\":"
                + " 1}}}]}");

    assertThat(run("tool-input-schema", in))
        .contains(
            "Tool request 'weather' at chunks[1].content[0] input does not match the tool's"
                + " inputSchema: $.city: integer found, string expected");
  }

  @Test
  void toolInputSchemaAcceptsAnyInputForAToolWithoutSchema() {
    String request =
        """
        {"messages": [], "tools": [{"name": "now", "description": "Current time", "inputSchema": null}]}
        """;
    String reply = modelMessage("[{\"toolRequest\": {\"name\": \"now\", \"input\": 5}}]");

    assertThat(run("tool-input-schema", unary(request, reply))).isEmpty();
  }

  // stream-consistent

  @Test
  void streamConsistentPassesWhenTheDeltasAddUpToTheFinalText() {
    ValidationInput in =
        streamed(
            "{}",
            modelMessage("[{\"text\": \"Your name \"}, {\"text\": \"is Genkit.\"}]"),
            "{\"content\": [{\"reasoning\": \"hmm\"}, {\"text\": \"Your na\"}]}",
            "{\"content\": [{\"text\": \"me \"}, {\"text\": \"is \"}]}",
            "{\"content\": [{\"text\": \"Genkit.\"}]}");

    assertThat(run("stream-consistent", in)).isEmpty();
  }

  @Test
  void streamConsistentLetsAnAggregatedChunkReplaceWhatCameBefore() {
    ValidationInput in =
        streamed(
            "{}",
            modelMessage("[{\"text\": \"Hello Genkit\"}]"),
            "{\"content\": [{\"text\": \"Hello\"}]}",
            "{\"aggregated\": true, \"content\": [{\"text\": \"Hello Gen\"}]}",
            "{\"content\": [{\"text\": \"kit\"}]}");

    assertThat(run("stream-consistent", in)).isEmpty();
  }

  @Test
  void streamConsistentReportsWhereTheTextsDiffer() {
    ValidationInput in =
        streamed(
            "{}",
            modelMessage("[{\"text\": \"Your name is Genkit.\"}]"),
            "{\"content\": [{\"text\": \"Your name is \"}]}",
            "{\"content\": [{\"text\": \"Your name is Genkit.\"}]}");

    assertThat(run("stream-consistent", in))
        .contains(
            "Streamed text differs from the final message text at character 13 (streamed 33"
                + " chars, final 20 chars): streamed"
                + " \"Your name is Your name is Genkit.\", final \"Your name is Genkit.\"");
  }

  @Test
  void streamConsistentFailsWithoutChunks() {
    assertThat(run("stream-consistent", response(modelMessage("[{\"text\": \"x\"}]"))))
        .contains("Streaming expected but no chunks were received");
  }

  // finish-reason

  @Test
  void finishReasonPassesOnTheExpectedValue() {
    assertThat(run("finish-reason:stop", response(PROFILE))).isEmpty();
  }

  @Test
  void finishReasonFailsOnAnotherValue() {
    String reply =
        "{\"message\": {\"role\": \"model\", \"content\": []}, \"finishReason\": \"length\"}";

    assertThat(run("finish-reason:stop", response(reply)))
        .contains("Expected finishReason 'stop', got 'length'");
  }

  @Test
  void finishReasonReadsTheLegacyCandidate() {
    String reply =
        """
        {"candidates": [{"index": 0, "finishReason": "blocked",
          "message": {"role": "model", "content": []}}]}
        """;

    assertThat(run("finish-reason:blocked", response(reply))).isEmpty();
  }

  @Test
  void finishReasonReportsAMissingValueAsUndefined() {
    String reply = "{\"message\": {\"role\": \"model\", \"content\": []}}";

    assertThat(run("finish-reason:stop", response(reply)))
        .contains("Expected finishReason 'stop', got 'undefined'");
    assertThat(run("finish-reason", response(reply))).contains("Response has no finishReason");
    assertThat(run("finish-reason", response(PROFILE))).isEmpty();
  }

  // usage-present

  @Test
  void usagePresentPassesOnTokenCounts() {
    String reply =
        """
        {"message": {"role": "model", "content": [{"text": "Hi"}]}, "finishReason": "stop",
         "usage": {"inputTokens": 12, "outputTokens": 0, "totalTokens": 12}}
        """;

    assertThat(run("usage-present", response(reply))).isEmpty();
  }

  @Test
  void usagePresentFailsWithoutUsage() {
    assertThat(run("usage-present", response(PROFILE)))
        .contains("Response has no usage object (usage: undefined)");
  }

  @Test
  void usagePresentFailsWithoutTokenCounts() {
    String reply = "{\"usage\": {\"inputCharacters\": 40, \"outputCharacters\": 2}}";

    assertThat(run("usage-present", response(reply)))
        .contains(
            "Response usage reports none of inputTokens, outputTokens, totalTokens:"
                + " {\"inputCharacters\":40,\"outputCharacters\":2}");
  }

  @Test
  void usagePresentFailsOnANegativeCount() {
    String reply = "{\"usage\": {\"inputTokens\": 5, \"outputTokens\": -1}}";

    assertThat(run("usage-present", response(reply)))
        .contains("Response usage.outputTokens is not a token count >= 0: -1");
  }
}
