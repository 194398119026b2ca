package dev.jgenkit.runners.validate;

import static dev.jgenkit.runners.validate.ValidationFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.MissingNode;
import org.junit.jupiter.api.Test;

/** {@link ResponseShape}: accepts what zod's GenerateResponseSchema accepts, rejects the rest. */
class ResponseShapeValidationTest {
  private static final String GEMINI_REPLY =
      """
      {
        "message": {
          "role": "model",
          "content": [
            {"reasoning": "Look up the weather.", "metadata": {"thoughtSignature": "c2ln"}},
            {"toolRequest": {"name": "weather", "ref": "0", "input": {"city": "New York"}}}
          ]
        },
        "finishReason": "stop",
        "usage": {"inputTokens": 31, "outputTokens": 7, "totalTokens": 58, "thoughtsTokens": 20},
        "custom": {"candidates": [{"finishReason": "STOP"}]},
        "raw": null,
        "latencyMs": 812.4,
        "request": {"messages": [{"role": "user", "content": [{"text": "Weather in NYC?"}]}]}
      }
      """;

  @Test
  void acceptsARealisticResponse() {
    assertThat(ResponseShape.check(json(GEMINI_REPLY))).isEmpty();
  }

  @Test
  void acceptsOptionalFieldsBeingAbsentAndUnknownKeys() {
    assertThat(ResponseShape.check(json("{}"))).isEmpty();
    assertThat(
            ResponseShape.check(json("{\"latency\": 3, \"custom\": \"anything\", \"raw\": [1]}")))
        .isEmpty();
    assertThat(ResponseShape.check(json("{\"message\": {\"role\": \"model\", \"content\": [{}]}}")))
        .isEmpty();
  }

  @Test
  void acceptsTheLegacyCandidatesForm() {
    String legacy =
        """
        {"candidates": [{"index": 0, "finishReason": "stop", "custom": {},
          "message": {"role": "model", "content": [{"text": "Hi"}]}}]}
        """;

    assertThat(ResponseShape.check(json(legacy))).isEmpty();
  }

  @Test
  void rejectsANonObject() {
    assertThat(ResponseShape.check(json("[]")))
        .contains("Response is not a GenerateResponse: $: Expected object, received array");
    assertThat(ResponseShape.check(MissingNode.getInstance()))
        .contains("Response is not a GenerateResponse: $: Required");
  }

  @Test
  void rejectsNullWhereAFieldIsOptional() {
    assertThat(ResponseShape.check(json("{\"message\": null}")))
        .contains("Response is not a GenerateResponse: $.message: Expected object, received null");
  }

  @Test
  void rejectsAnUnknownRoleAndFinishReason() {
    String reply =
        """
        {"message": {"role": "assistant", "content": []}, "finishReason": "STOP"}
        """;

    assertThat(ResponseShape.check(json(reply)))
        .contains(
            "Response is not a GenerateResponse: $.message.role: Invalid enum value. Expected"
                + " 'system' | 'user' | 'model' | 'tool', received 'assistant'; $.finishReason:"
                + " Invalid enum value. Expected 'stop' | 'length' | 'blocked' | 'interrupted' |"
                + " 'other' | 'unknown', received 'STOP'");
  }

  @Test
  void rejectsMalformedContentAndParts() {
    assertThat(
            ResponseShape.check(json("{\"message\": {\"role\": \"model\", \"content\": \"Hi\"}}")))
        .contains(
            "Response is not a GenerateResponse: $.message.content: Expected array, received"
                + " string");
    assertThat(ResponseShape.check(json("{\"message\": {\"role\": \"model\"}}")))
        .contains("Response is not a GenerateResponse: $.message.content: Required");
    String parts =
        """
        {"message": {"role": "model", "content": [
          "Hi", {"text": "a", "media": {"url": "u"}}, {"toolRequest": {"input": {}}}, {"text": null}
        ]}}
        """;
    assertThat(ResponseShape.check(json(parts)))
        .contains(
            "Response is not a GenerateResponse: $.message.content[0]: Expected object, received"
                + " string; $.message.content[1]: Invalid input: a part has only one of text,"
                + " media, toolRequest, toolResponse, reasoning, resource; found text, media;"
                + " $.message.content[2].toolRequest.name: Required;"
                + " $.message.content[3].text: Expected string, received null");
  }

  @Test
  void rejectsMalformedCandidatesAndUsage() {
    assertThat(ResponseShape.check(json("{\"candidates\": {}}")))
        .contains(
            "Response is not a GenerateResponse: $.candidates: Expected array, received object");
    assertThat(ResponseShape.check(json("{\"usage\": [3]}")))
        .contains("Response is not a GenerateResponse: $.usage: Expected object, received array");
    assertThat(ResponseShape.check(json("{\"usage\": {\"inputTokens\": \"3\"}}")))
        .contains(
            "Response is not a GenerateResponse: $.usage.inputTokens: Expected number, received"
                + " string");
    String noFinish =
        "{\"candidates\": [{\"index\": 0, \"message\": {\"role\": \"model\", \"content\": []}}]}";
    assertThat(ResponseShape.check(json(noFinish)))
        .contains("Response is not a GenerateResponse: $.candidates[0].finishReason: Required");
  }

  @Test
  void checksTheEchoedRequestLikeZod() {
    String reply =
        """
        {"request": {"messages": [], "tools": [{"name": "weather", "inputSchema": {}}]}}
        """;

    assertThat(ResponseShape.check(json(reply)))
        .contains("Response is not a GenerateResponse: $.request.tools[0].description: Required");
  }

  @Test
  void normalizeDropsUnknownKeysAndOrdersKeysLikeZod() {
    String reply =
        """
        {"usage": {"outputTokens": 2, "inputTokens": 1, "cost": 0.1},
         "message": {"content": [{"metadata": {"a": 1}, "text": "hi", "index": 0}], "role": "model"},
         "finishReason": "stop", "extra": true}
        """;

    assertThat(JsJson.stringify(ResponseShape.normalize(json(reply))))
        .isEqualTo(
            "{\"message\":{\"role\":\"model\",\"content\":[{\"text\":\"hi\",\"metadata\":{\"a\":1}}]},"
                + "\"finishReason\":\"stop\",\"usage\":{\"inputTokens\":1,\"outputTokens\":2}}");
  }

  @Test
  void normalizeReturnsAnInvalidResponseUnchanged() {
    assertThat(ResponseShape.normalize(json("{\"message\": 5, \"x\": 1}")))
        .isEqualTo(json("{\"message\": 5, \"x\": 1}"));
  }
}
