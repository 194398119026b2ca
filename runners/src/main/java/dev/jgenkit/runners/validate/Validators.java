package dev.jgenkit.runners.validate;

import dev.jgenkit.specs.ValidatorSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The registry of named validators and the way a test's validator list is run.
 *
 * <p>The ten validators of {@code genkit dev:test-model} behave and word their failures exactly as
 * there: {@code has-tool-request}, {@code valid-json}, {@code text-includes}, {@code
 * text-starts-with}, {@code text-not-empty}, {@code valid-media}, {@code reasoning}, {@code
 * stream-text-includes}, {@code stream-has-tool-request}, {@code stream-valid-json}. jgenkit adds
 * {@code json-schema}, {@code tool-input-schema}, {@code stream-consistent}, {@code
 * finish-reason:<value>} and {@code usage-present}.
 *
 * <p>Everything here is stateless apart from a thread-safe cache of compiled JSON Schemas, so
 * validators may run concurrently.
 */
public final class Validators {
  private static final Map<String, Validator> REGISTRY = registry();

  private Validators() {}

  private static Map<String, Validator> registry() {
    Map<String, Validator> map = new LinkedHashMap<>();
    map.put("has-tool-request", PeerValidators::hasToolRequest);
    map.put("valid-json", PeerValidators::validJson);
    map.put("text-includes", PeerValidators::textIncludes);
    map.put("stream-text-includes", PeerValidators::streamTextIncludes);
    map.put("stream-has-tool-request", PeerValidators::streamHasToolRequest);
    map.put("stream-valid-json", PeerValidators::streamValidJson);
    map.put("text-starts-with", PeerValidators::textStartsWith);
    map.put("text-not-empty", PeerValidators::textNotEmpty);
    map.put("valid-media", PeerValidators::validMedia);
    map.put("reasoning", PeerValidators::reasoning);
    map.put("json-schema", StrictValidators::jsonSchema);
    map.put("tool-input-schema", StrictValidators::toolInputSchema);
    map.put("stream-consistent", StrictValidators::streamConsistent);
    map.put("finish-reason", StrictValidators::finishReason);
    map.put("usage-present", StrictValidators::usagePresent);
    return Collections.unmodifiableMap(map);
  }

  /** The names of all validators, peer ones first. */
  public static Set<String> names() {
    return REGISTRY.keySet();
  }

  /** The validator with this name (the part of a spec before its first colon). */
  public static Optional<Validator> get(String name) {
    return Optional.ofNullable(REGISTRY.get(name));
  }

  /**
   * Checks that a spec names a known validator, for reporting spec errors before anything runs.
   * The spec is split at its first colon, as {@link ValidatorSpec#parse} does.
   *
   * @throws UnknownValidatorException when it does not
   */
  public static ValidatorSpec requireKnown(String spec) {
    int colon = spec.indexOf(':');
    String name = colon < 0 ? spec : spec.substring(0, colon);
    if (!REGISTRY.containsKey(name)) {
      throw new UnknownValidatorException(name);
    }
    return ValidatorSpec.parse(spec);
  }

  /**
   * Runs the validators in order and stops at the first failure, as {@code dev:test-model} does.
   * Every spec is resolved before any runs, so an unknown name is reported even when an earlier
   * validator would fail. The response is first normalized as zod parses it ({@link
   * ResponseShape#normalize}), so messages that print it match the peer's.
   *
   * @param specs validator specs such as {@code text-starts-with:RESPONSE:}
   * @param in what to validate
   * @return the first failure message, or empty when all passed
   * @throws UnknownValidatorException when a spec names no known validator
   */
  public static Optional<String> runAll(List<String> specs, ValidationInput in) {
    List<ValidatorSpec> parsed = new ArrayList<>(specs.size());
    for (String spec : specs) {
      parsed.add(requireKnown(spec));
    }
    ValidationInput normalized = in.withResponse(ResponseShape.normalize(in.response()));
    for (ValidatorSpec spec : parsed) {
      try {
        REGISTRY.get(spec.name()).check(normalized, spec.argument());
      } catch (ValidationFailure failure) {
        return Optional.of(failure.getMessage());
      }
    }
    return Optional.empty();
  }
}
