package dev.jgenkit.runners.validate;

import static dev.jgenkit.runners.validate.ValidationFixtures.WEATHER_REQUEST;
import static dev.jgenkit.runners.validate.ValidationFixtures.modelMessage;
import static dev.jgenkit.runners.validate.ValidationFixtures.response;
import static dev.jgenkit.runners.validate.ValidationFixtures.run;
import static dev.jgenkit.runners.validate.ValidationFixtures.streamed;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The ten {@code dev:test-model} validators: semantics and failure messages as in the peer. */
class PeerValidatorsTest {
  private static final String WEATHER_CALL =
      modelMessage(
          """
          [{"toolRequest": {"name": "weather", "ref": "call_1", "input": {"city": "New York"}}}]
          """);

  // has-tool-request

  @Test
  void hasToolRequestPassesWhenTheNamedToolIsRequested() {
    assertThat(run("has-tool-request:weather", response(WEATHER_CALL))).isEmpty();
  }

  @Test
  void hasToolRequestFindsTheFirstToolRequestAfterOtherParts() {
    String reply =
        modelMessage(
            """
            [{"text": "Let me check."}, {"toolRequest": {"name": "weather", "input": {}}}]
            """);

    assertThat(run("has-tool-request:weather", response(reply))).isEmpty();
  }

  @Test
  void hasToolRequestWithoutArgumentAcceptsAnyTool() {
    String reply = modelMessage("[{\"toolRequest\": {\"name\": \"search\"}}]");

    assertThat(run("has-tool-request", response(reply))).isEmpty();
  }

  @Test
  void hasToolRequestFailsWithThePrettyPrintedContentWhenThereIsNone() {
    String reply = modelMessage("[{\"text\": \"It is sunny in New York.\"}]");

    assertThat(run("has-tool-request:weather", response(reply)))
        .contains(
            "Model did not return a tool request. Content: [\n"
                + "  {\n"
                + "    \"text\": \"It is sunny in New York.\"\n"
                + "  }\n"
                + "]");
  }

  @Test
  void hasToolRequestPrintsTheContentAsZodParsedIt() {
    // zod drops unknown keys ("index") and puts known ones in schema order (text before metadata).
    String reply =
        modelMessage(
            """
            [{"metadata": {"b": 1, "2": 2}, "index": 0, "text": "Sunny."}]
            """);

    assertThat(run("has-tool-request", response(reply)))
        .contains(
            "Model did not return a tool request. Content: [\n"
                + "  {\n"
                + "    \"text\": \"Sunny.\",\n"
                + "    \"metadata\": {\n"
                + "      \"2\": 2,\n"
                + "      \"b\": 1\n"
                + "    }\n"
                + "  }\n"
                + "]");
  }

  @Test
  void hasToolRequestFailsOnAnotherToolName() {
    String reply = modelMessage("[{\"toolRequest\": {\"name\": \"get_weather\"}}]");

    assertThat(run("has-tool-request:weather", response(reply)))
        .contains("Expected tool request 'weather', got 'get_weather'");
  }

  @Test
  void hasToolRequestFailsWithTheFullResponseWhenThereIsNoMessage() {
    String reply =
        """
        {"finishReason": "blocked", "finishMessage": "Safety", "usage": {"inputTokens": 3}, "x": 1}
        """;

    assertThat(run("has-tool-request:weather", response(reply)))
        .contains(
            "Response missing message content. Full response: {\n"
                + "  \"finishReason\": \"blocked\",\n"
                + "  \"finishMessage\": \"Safety\",\n"
                + "  \"usage\": {\n"
                + "    \"inputTokens\": 3\n"
                + "  }\n"
                + "}");
  }

  @Test
  void hasToolRequestReadsTheLegacyCandidatesMessage() {
    String reply =
        """
        {"candidates": [{
          "index": 0,
          "finishReason": "stop",
          "message": {"role": "model", "content": [{"toolRequest": {"name": "weather"}}]}
        }]}
        """;

    assertThat(run("has-tool-request:weather", response(reply))).isEmpty();
  }

  // valid-json

  @Test
  void validJsonPassesOnAJsonText() {
    String reply =
        modelMessage("[{\"text\": \"{\\\"name\\\": \\\"John Doe\\\", \\\"age\\\": 42}\"}]");

    assertThat(run("valid-json", response(reply))).isEmpty();
  }

  @Test
  void validJsonSkipsPartsWithEmptyText() {
    String reply = modelMessage("[{\"text\": \"\"}, {\"text\": \"[1, 2]\"}]");

    assertThat(run("valid-json", response(reply))).isEmpty();
  }

  @Test
  void validJsonDoesNotCheckTheSchema() {
    assertThat(run("valid-json", response(modelMessage("[{\"text\": \" 42 \"}]")))).isEmpty();
  }

  @Test
  void validJsonRejectsAFencedBlock() {
    String reply = modelMessage("[{\"text\": \"```json\\n{\\\"age\\\": 42}\\n```\"}]");

    assertThat(run("valid-json", response(reply)))
        .contains("Response text is not valid JSON. Text: ```json\n{\"age\": 42}\n```");
  }

  @Test
  void validJsonRejectsTrailingText() {
    String reply = modelMessage("[{\"text\": \"{} and more\"}]");

    assertThat(run("valid-json", response(reply)))
        .contains("Response text is not valid JSON. Text: {} and more");
  }

  @Test
  void validJsonFailsWithoutATextPart() {
    String reply = modelMessage("[{\"media\": {\"url\": \"data:image/png;base64,AA==\"}}]");

    assertThat(run("valid-json", response(reply)))
        .contains(
            "Model did not return text content for JSON. Content: [\n"
                + "  {\n"
                + "    \"media\": {\n"
                + "      \"url\": \"data:image/png;base64,AA==\"\n"
                + "    }\n"
                + "  }\n"
                + "]");
  }

  // text-includes

  @Test
  void textIncludesIsCaseInsensitive() {
    String reply = modelMessage("[{\"text\": \"Your name is GENKIT.\"}]");

    assertThat(run("text-includes:genkit", response(reply))).isEmpty();
  }

  @Test
  void textIncludesFailsWhenTheTextLacksTheArgument() {
    String reply = modelMessage("[{\"text\": \"I do not know your name.\"}]");

    assertThat(run("text-includes:Genkit", response(reply)))
        .contains("Response text does not include 'Genkit'. Text: I do not know your name.");
  }

  @Test
  void textIncludesReadsOnlyTheFirstPart() {
    String reply =
        modelMessage(
            """
            [{"reasoning": "The user said their name."}, {"text": "Your name is Genkit."}]
            """);

    assertThat(run("text-includes:Genkit", response(reply)))
        .contains("Response text does not include 'Genkit'. Text: undefined");
  }

  @Test
  void textIncludesWithoutArgumentOnlyNeedsNonEmptyText() {
    assertThat(run("text-includes", response(modelMessage("[{\"text\": \"x\"}]")))).isEmpty();
    assertThat(run("text-includes", response(modelMessage("[{\"text\": \"\"}]"))))
        .contains("Response text does not include ''. Text: ");
  }

  // text-starts-with

  @Test
  void textStartsWithTrimsTheText() {
    String reply = modelMessage("[{\"text\": \"\\n  RESPONSE: hello\"}]");

    assertThat(run("text-starts-with:RESPONSE:", response(reply))).isEmpty();
  }

  @Test
  void textStartsWithTrimsLikeJavaScript() {
    // U+00A0 and U+3000 are JavaScript white space; Java's strip() keeps U+00A0.
    String reply = modelMessage("[{\"text\": \"\\u00a0\\u3000RESPONSE: hello\"}]");

    assertThat(run("text-starts-with:RESPONSE:", response(reply))).isEmpty();
  }

  @Test
  void textStartsWithIsCaseSensitive() {
    String reply = modelMessage("[{\"text\": \"response: hello\"}]");

    assertThat(run("text-starts-with:RESPONSE:", response(reply)))
        .contains("Response text does not start with 'RESPONSE:'. Text: response: hello");
  }

  @Test
  void textStartsWithKeepsEverythingAfterTheFirstColonAsArgument() {
    String reply = modelMessage("[{\"text\": \"RESPONSE hello\"}]");

    assertThat(run("text-starts-with:RESPONSE:", response(reply)))
        .contains("Response text does not start with 'RESPONSE:'. Text: RESPONSE hello");
  }

  // text-not-empty

  @Test
  void textNotEmptyPassesOnText() {
    String reply = modelMessage("[{\"text\": \"A cat chases a laser dot.\"}]");

    assertThat(run("text-not-empty", response(reply))).isEmpty();
  }

  @Test
  void textNotEmptyFailsOnBlankText() {
    assertThat(run("text-not-empty", response(modelMessage("[{\"text\": \" \\n\\t\"}]"))))
        .contains("Response text is empty");
  }

  @Test
  void textNotEmptyFailsWhenTheFirstPartIsNotText() {
    String reply =
        modelMessage("[{\"media\": {\"url\": \"https://x.test/a.png\"}}, {\"text\": \"A cat\"}]");

    assertThat(run("text-not-empty", response(reply))).contains("Response text is empty");
  }

  // valid-media

  @Test
  void validMediaAcceptsAnImageDataUrl() {
    String reply =
        modelMessage(
            """
            [{"text": "Here is your cat."},
             {"media": {"contentType": "image/png", "url": "data:image/png;base64,iVBORw0KGgo="}}]
            """);

    assertThat(run("valid-media:image", response(reply))).isEmpty();
  }

  @Test
  void validMediaAcceptsAnyHttpUrlThatNewUrlAccepts() {
    // java.net.URI would reject the space and the '|'; WHATWG new URL() encodes them.
    String reply =
        modelMessage("[{\"media\": {\"url\": \"https://storage.test/cat image|1.png\"}}]");

    assertThat(run("valid-media:image", response(reply))).isEmpty();
  }

  @Test
  void validMediaFailsWithoutAMediaPart() {
    String reply = modelMessage("[{\"text\": \"I cannot draw.\"}]");

    assertThat(run("valid-media:image", response(reply)))
        .contains("Model did not return image part.");
    assertThat(run("valid-media", response(reply))).contains("Model did not return media part.");
  }

  @Test
  void validMediaChecksTheContentTypePrefix() {
    String reply =
        modelMessage(
            "[{\"media\": {\"contentType\": \"image/png\", \"url\": \"data:image/png,x\"}}]");

    assertThat(run("valid-media:audio", response(reply)))
        .contains("Expected audio content type, got image/png");
  }

  @Test
  void validMediaAcceptsAMissingContentTypeAndDoesNotCheckAudioUrls() {
    String reply = modelMessage("[{\"media\": {\"url\": \"gs://bucket/hello.wav\"}}]");

    assertThat(run("valid-media:audio", response(reply))).isEmpty();
  }

  @Test
  void validMediaRejectsANonImageDataUrlForImages() {
    String reply = modelMessage("[{\"media\": {\"url\": \"data:audio/wav;base64,UklGRg==\"}}]");

    assertThat(run("valid-media:image", response(reply)))
        .contains("Invalid data URL content type for image");
  }

  @Test
  void validMediaRejectsAnUnknownUrlFormatForImages() {
    String reply = modelMessage("[{\"media\": {\"url\": \"gs://bucket/cat.png\"}}]");

    assertThat(run("valid-media:image", response(reply)))
        .contains("Unknown URL format: gs://bucket/cat.png");
  }

  @Test
  void validMediaRejectsAnInvalidHttpUrlForImages() {
    String reply = modelMessage("[{\"media\": {\"url\": \"https://exa mple.com/cat.png\"}}]");

    assertThat(run("valid-media:image", response(reply)))
        .contains("Invalid URL: https://exa mple.com/cat.png");
  }

  @Test
  void validMediaRejectsAnEmptyImageUrl() {
    String reply = modelMessage("[{\"media\": {\"contentType\": \"image/png\", \"url\": \"\"}}]");

    assertThat(run("valid-media:image", response(reply))).contains("Media part missing URL");
  }

  // reasoning

  @Test
  void reasoningPassesWhenAPartHasReasoning() {
    String reply = modelMessage("[{\"reasoning\": \"2 + 2 is 4.\"}, {\"text\": \"4\"}]");

    assertThat(run("reasoning", response(reply))).isEmpty();
  }

  @Test
  void reasoningIgnoresEmptyReasoning() {
    String reply = modelMessage("[{\"reasoning\": \"\"}, {\"text\": \"4\"}]");

    assertThat(run("reasoning", response(reply))).contains("reasoning content not found");
  }

  @Test
  void reasoningFailsWithoutMessage() {
    assertThat(run("reasoning", response("{\"finishReason\": \"blocked\"}")))
        .contains("Response is missing message content");
  }

  // stream-text-includes

  @Test
  void streamTextIncludesConcatenatesTheChunks() {
    ValidationInput in =
        streamed(
            "{}",
            modelMessage("[{\"text\": \"Your name is Genkit.\"}]"),
            "{\"index\": 0, \"role\": \"model\", \"content\": [{\"text\": \"Your name is Gen\"}]}",
            "{\"index\": 0, \"role\": \"model\", \"content\": [{\"text\": \"kit.\"}]}");

    assertThat(run("stream-text-includes:Genkit", in)).isEmpty();
  }

  @Test
  void streamTextIncludesIsCaseSensitive() {
    ValidationInput in =
        streamed(
            "{}",
            modelMessage("[{\"text\": \"genkit\"}]"),
            "{\"content\": [{\"text\": \"genkit\"}]}");

    assertThat(run("stream-text-includes:Genkit", in))
        .contains("Streaming response did not include Genkit'");
  }

  @Test
  void streamTextIncludesTakesOnlyTheFirstTextPartOfEachChunk() {
    ValidationInput in =
        streamed(
            "{}",
            modelMessage("[{\"text\": \"Genkit\"}]"),
            "{\"content\": [{\"text\": \"\"}, {\"text\": \"Gen\"}, {\"text\": \"kit\"}]}");

    assertThat(run("stream-text-includes:Genkit", in))
        .contains("Streaming response did not include Genkit'");
  }

  @Test
  void streamTextIncludesFailsWithoutChunks() {
    assertThat(
            run("stream-text-includes:Genkit", response(modelMessage("[{\"text\": \"Genkit\"}]"))))
        .contains("Streaming expected but no chunks were received");
  }

  // stream-has-tool-request

  @Test
  void streamHasToolRequestPassesWhenAChunkAndTheResponseHaveIt() {
    ValidationInput in =
        streamed(
            WEATHER_REQUEST,
            WEATHER_CALL,
            "{\"content\": [{\"toolRequest\": {\"name\": \"weather\", \"input\": {\"city\":"
                + " \"NYC\"}}}]}");

    assertThat(run("stream-has-tool-request:weather", in)).isEmpty();
  }

  @Test
  void streamHasToolRequestFailsWhenNoChunkHasOne() {
    ValidationInput in =
        streamed(WEATHER_REQUEST, WEATHER_CALL, "{\"content\": [{\"text\": \"Checking...\"}]}");

    assertThat(run("stream-has-tool-request:weather", in))
        .contains("No tool request found in the streamed chunks");
  }

  @Test
  void streamHasToolRequestAlsoChecksTheFinalResponse() {
    ValidationInput in =
        streamed(
            WEATHER_REQUEST,
            modelMessage("[{\"toolRequest\": {\"name\": \"search\"}}]"),
            "{\"content\": [{\"toolRequest\": {\"name\": \"search\"}}]}");

    assertThat(run("stream-has-tool-request:weather", in))
        .contains("Expected tool request 'weather', got 'search'");
  }

  @Test
  void streamHasToolRequestFailsWithoutChunks() {
    assertThat(run("stream-has-tool-request:weather", response(WEATHER_CALL)))
        .contains("Streaming expected but no chunks were received");
  }

  // stream-valid-json

  @Test
  void streamValidJsonParsesTheConcatenatedChunks() {
    ValidationInput in =
        streamed(
            "{}",
            modelMessage("[{\"text\": \"{\\\"name\\\":\\\"John Wick\\\",\\\"rating\\\":9}\"}]"),
            "{\"content\": [{\"text\": \"{\\\"name\\\":\\\"John Wick\\\",\"}]}",
            "{\"content\": [{\"text\": \"\\\"rating\\\":9}\"}]}");

    assertThat(run("stream-valid-json", in)).isEmpty();
  }

  @Test
  void streamValidJsonFailsOnATruncatedStream() {
    ValidationInput in =
        streamed("{}", modelMessage("[]"), "{\"content\": [{\"text\": \"{\\\"name\\\":\"}]}");

    assertThat(run("stream-valid-json", in))
        .contains("Streamed text is not valid JSON: {\"name\":");
  }

  @Test
  void streamValidJsonFailsWhenNoTextWasStreamed() {
    ValidationInput in =
        streamed(
            "{}", modelMessage("[]"), "{\"content\": [{\"text\": \"  \"}]}", "{\"content\": []}");

    assertThat(run("stream-valid-json", in)).contains("Streamed response contained no text");
  }

  @Test
  void streamValidJsonFailsWithoutChunks() {
    assertThat(run("stream-valid-json", response(modelMessage("[{\"text\": \"{}\"}]"))))
        .contains("Streaming expected but no chunks were received");
  }
}
