package dev.jgenkit.runners.validate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jgenkit.runners.validate.Zod.Issue;
import dev.jgenkit.runners.validate.Zod.Obj;
import dev.jgenkit.runners.validate.Zod.PartUnion;
import dev.jgenkit.runners.validate.Zod.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Whether a model action's {@code result} is a {@code GenerateResponse}: the equivalent of {@code
 * GenerateResponseSchema.parse(result)} that {@code dev:test-model} runs before any validator.
 *
 * <p>It accepts exactly what zod accepts (genkit-tools {@code common/src/types/model.ts} and {@code
 * parts.ts}): every field is optional except inside present objects ({@code message.role}, {@code
 * message.content}, {@code toolRequest.name}, {@code candidates[i].finishReason}, ...); {@code
 * null} is not an absent value; unknown keys are allowed; {@code custom} and {@code raw} may be
 * anything; a part has at most one of {@code text}, {@code media}, {@code toolRequest}, {@code
 * toolResponse}, {@code reasoning} and {@code resource} (an empty part is a valid data part). The
 * echoed {@code request} and the {@code operation} are checked too, as zod does.
 *
 * <p>This class is stateless and thread-safe.
 */
public final class ResponseShape {
  private static final Type GENERATE_RESPONSE = generateResponse();

  private ResponseShape() {}

  /**
   * Checks {@code result} against {@code GenerateResponseSchema}.
   *
   * @param result the action's {@code result}; {@code null} or missing means undefined
   * @return {@code Response is not a GenerateResponse: <path>: <problem>[; ...]}, or empty when it
   *     is one
   */
  public static Optional<String> check(JsonNode result) {
    List<String> issues = issues(result);
    if (issues.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of("Response is not a GenerateResponse: " + String.join("; ", issues));
  }

  /**
   * Every problem zod would report, each as {@code <path>: <problem>} with paths such as {@code
   * $.message.content[0].toolRequest.name}; empty when {@code result} is a GenerateResponse.
   */
  public static List<String> issues(JsonNode result) {
    List<Issue> issues = new ArrayList<>();
    GENERATE_RESPONSE.parse(result == null ? Js.undefined() : result, "$", issues);
    return issues.stream().map(Issue::toString).collect(Collectors.toUnmodifiableList());
  }

  /**
   * The value {@code GenerateResponseSchema.parse} returns: unknown keys dropped and known keys in
   * schema order, which is what the peer's validators print with {@code JSON.stringify}.
   *
   * @return the parsed response, or {@code result} itself when it is not a GenerateResponse
   */
  public static JsonNode normalize(JsonNode result) {
    JsonNode input = result == null ? Js.undefined() : result;
    List<Issue> issues = new ArrayList<>();
    JsonNode parsed = GENERATE_RESPONSE.parse(input, "$", issues);
    return parsed == null || !issues.isEmpty() ? input : parsed;
  }

  private static Type generateResponse() {
    Type string = Zod.string();
    Type number = Zod.number();
    Type bool = Zod.bool();
    Type unknown = Zod.unknown();
    Type never = Zod.never().optional();
    Type anyRecord = Zod.record(unknown);

    Obj emptyPart =
        Zod.object()
            .with("text", never)
            .with("media", never)
            .with("toolRequest", never)
            .with("toolResponse", never)
            .with("data", unknown.optional())
            .with("metadata", anyRecord.optional())
            .with("custom", anyRecord.optional())
            .with("reasoning", never)
            .with("resource", never);
    Obj textPart = emptyPart.with("text", string);
    Obj mediaPart =
        emptyPart.with(
            "media", Zod.object().with("contentType", string.optional()).with("url", string));
    Obj toolRequestPart =
        emptyPart.with(
            "toolRequest",
            Zod.object()
                .with("ref", string.optional())
                .with("name", string)
                .with("input", unknown.optional())
                .with("partial", bool.optional()));
    Obj toolResponsePart =
        emptyPart.with(
            "toolResponse",
            Zod.object()
                .with("ref", string.optional())
                .with("name", string)
                .with("output", unknown.optional())
                .with("content", Zod.array(unknown).optional()));
    Obj dataPart = emptyPart.with("data", unknown);
    Obj customPart = emptyPart.with("custom", anyRecord);
    Obj reasoningPart = emptyPart.with("reasoning", string);
    Obj resourcePart = emptyPart.with("resource", Zod.object().with("uri", string));

    LinkedHashMap<String, Obj> partKinds = new LinkedHashMap<>();
    partKinds.put("text", textPart);
    partKinds.put("media", mediaPart);
    partKinds.put("toolRequest", toolRequestPart);
    partKinds.put("toolResponse", toolResponsePart);
    partKinds.put("reasoning", reasoningPart);
    partKinds.put("resource", resourcePart);
    Type part =
        new PartUnion(
            List.of(
                textPart,
                mediaPart,
                toolRequestPart,
                toolResponsePart,
                dataPart,
                customPart,
                reasoningPart,
                resourcePart),
            partKinds,
            dataPart);

    LinkedHashMap<String, Obj> documentKinds = new LinkedHashMap<>();
    documentKinds.put("text", textPart);
    documentKinds.put("media", mediaPart);
    Type documentPart = new PartUnion(List.of(textPart, mediaPart), documentKinds, textPart);

    Type message =
        Zod.object()
            .with("role", Zod.enumOf("system", "user", "model", "tool"))
            .with("content", Zod.array(part))
            .with("metadata", anyRecord.optional());
    Type toolDefinition =
        Zod.object()
            .with("name", string)
            .with("description", string)
            .with("inputSchema", anyRecord.nullish())
            .with("outputSchema", anyRecord.nullish())
            .with("metadata", anyRecord.optional());
    Type outputConfig =
        Zod.object()
            .with("format", string.optional())
            .with("schema", anyRecord.optional())
            .with("constrained", bool.optional())
            .with("contentType", string.optional());
    Type documentData =
        Zod.object()
            .with("content", Zod.array(documentPart))
            .with("metadata", anyRecord.optional());
    Type generateRequest =
        Zod.object()
            .with("messages", Zod.array(message))
            .with("config", unknown.optional())
            .with("tools", Zod.array(toolDefinition).optional())
            .with("toolChoice", Zod.enumOf("auto", "required", "none").optional())
            .with("output", outputConfig.optional())
            .with("docs", Zod.array(documentData).optional())
            .with("candidates", number.optional());
    Obj usage = Zod.object();
    for (String key :
        List.of(
            "inputTokens",
            "outputTokens",
            "totalTokens",
            "inputCharacters",
            "outputCharacters",
            "inputImages",
            "outputImages",
            "inputVideos",
            "outputVideos",
            "inputAudioFiles",
            "outputAudioFiles")) {
      usage = usage.with(key, number.optional());
    }
    usage =
        usage
            .with("custom", Zod.record(number).optional())
            .with("thoughtsTokens", number.optional())
            .with("cachedContentTokens", number.optional());
    Type finishReason = Zod.enumOf("stop", "length", "blocked", "interrupted", "other", "unknown");
    Type candidate =
        Zod.object()
            .with("index", number)
            .with("message", message)
            .with("usage", usage.optional())
            .with("finishReason", finishReason)
            .with("finishMessage", string.optional())
            .with("custom", unknown);
    Type operation =
        Zod.object()
            .with("action", string.optional())
            .with("id", string)
            .with("done", bool.optional())
            .with("output", unknown.optional())
            .with("error", Zod.object().with("message", string).passthrough().optional())
            .with("metadata", anyRecord.optional());

    return Zod.object()
        .with("message", message.optional())
        .with("finishReason", finishReason.optional())
        .with("finishMessage", string.optional())
        .with("latencyMs", number.optional())
        .with("usage", usage.optional())
        .with("custom", unknown)
        .with("raw", unknown)
        .with("request", generateRequest.optional())
        .with("operation", operation.optional())
        .with("candidates", Zod.array(candidate).optional());
  }
}
