package dev.jgenkit.runners.flows;

import static dev.jgenkit.runners.flows.SynthesisAssertions.impossible;
import static dev.jgenkit.runners.flows.SynthesisAssertions.json;
import static dev.jgenkit.runners.flows.SynthesisAssertions.synthesised;
import static dev.jgenkit.runners.flows.SynthesisAssertions.valueFor;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Inputs synthesised from the schemas Genkit JS, Python and Go runtimes really report. */
class RuntimeSchemasSynthesisTest {

  @Nested
  class GenkitJs {
    @Test
    void aBareStringIsAPlainString() {
      assertThat(synthesised(RuntimeSchemas.JS_STRING)).isEqualTo("\"test\"");
    }

    @Test
    void everyZodFeatureOfTheKitchenSinkIsSatisfied() {
      assertThat(valueFor(RuntimeSchemas.JS_KITCHEN_SINK).value())
          .isEqualTo(
              json(
                  """
                  {"mood": "happy", "stars": 1, "count": 1, "note": "test",
                   "address": {"street": "test", "zip": "00000"},
                   "tags": ["test", "test"], "either": "test", "email": "test@example.com",
                   "id": "00000000-0000-4000-8000-000000000000", "when": "2024-01-01T12:00:00Z",
                   "url": "https://example.com", "lit": "fixed", "rec": {}, "desc": "test",
                   "name": "World"}
                  """));
    }

    @Test
    void aStrictObjectGetsOnlyDeclaredProperties() {
      assertThat(valueFor(RuntimeSchemas.JS_MENU_STRICT).value())
          .isEqualTo(
              json(
                  "{\"course\": \"starter\", \"servings\": 1, \"notes\": \"test\", \"theme\":"
                      + " \"pirate\"}"));
    }

    @Test
    void nestedStrictObjectsArraysPatternsAndFormatsAreSatisfied() {
      Synthesis.Value value = valueFor(RuntimeSchemas.JS_ORDER);

      assertThat(value.value())
          .isEqualTo(
              json(
                  """
                  {"customer": {"name": "test", "email": "test@example.com"},
                   "items": [{"sku": "AAA-0000", "qty": 1}],
                   "placedAt": "2024-01-01T12:00:00Z"}
                  """));
      assertThat(value.how())
          .isEqualTo(
              "from required properties, plain string, length bounds, format email, minItems,"
                  + " pattern, numeric bounds, format date-time");
    }

    @Test
    void aDiscriminatedUnionTakesItsFirstBranch() {
      assertThat(synthesised(RuntimeSchemas.JS_DISCRIMINATED_UNION))
          .isEqualTo("{\"kind\":\"a\",\"a\":\"test\"}");
    }

    @Test
    void aUnionOfStrictObjectsTakesItsFirstBranch() {
      assertThat(synthesised(RuntimeSchemas.JS_PAYMENT_UNION))
          .isEqualTo("{\"card\":\"0000000000000000\"}");
    }

    @Test
    void aNullableObjectIsAnObject() {
      assertThat(synthesised(RuntimeSchemas.JS_NULLABLE_OBJECT)).isEqualTo("{\"x\":\"test\"}");
    }

    @Test
    void aTopLevelOptionalSkipsTheNotBranch() {
      Synthesis.Value value = valueFor(RuntimeSchemas.JS_OPTIONAL_NUMBER);

      assertThat(value.value().toString()).isEqualTo("42");
      assertThat(value.how()).isEqualTo("from anyOf, plain number");
    }

    @Test
    void aTupleFillsEveryPosition() {
      assertThat(synthesised(RuntimeSchemas.JS_TUPLE)).isEqualTo("[\"test\",42]");
    }

    @Test
    void anIntersectionMergesBothObjects() {
      assertThat(synthesised(RuntimeSchemas.JS_INTERSECTION))
          .isEqualTo("{\"a\":\"test\",\"b\":42}");
    }

    @Test
    void itemDefaultsAreFilledInsideArrays() {
      assertThat(synthesised(RuntimeSchemas.JS_NESTED_ARRAY))
          .isEqualTo("{\"items\":[{\"q\":\"test\",\"n\":3}]}");
    }

    @Test
    void startsWithEndsWithAndIncludesAreCombined() {
      assertThat(synthesised(RuntimeSchemas.JS_STARTS_ENDS_INCLUDES)).isEqualTo("\"abmyz\"");
    }

    @Test
    void aSetGetsDistinctItems() {
      assertThat(synthesised(RuntimeSchemas.JS_SET)).isEqualTo("[\"test\",\"test2\",\"test3\"]");
    }

    @Test
    void exclusiveBoundsAndMultipleOfAreHonoured() {
      assertThat(synthesised(RuntimeSchemas.JS_NUMBERS))
          .isEqualTo("{\"pct\":0.5,\"step\":15,\"neg\":-1}");
    }

    @Test
    void cuidAndUlidPatternsAreGenerated() {
      assertThat(valueFor(RuntimeSchemas.JS_IDS).value())
          .isEqualTo(json("{\"cuid\": \"caaaaaaaa\", \"ulid\": \"" + "A".repeat(26) + "\"}"));
    }

    @Test
    void anEmojiPatternIsImpossible() {
      // JDK regexes, which networknt validates with, lack this property: the schema is unusable.
      assertThat(impossible(RuntimeSchemas.JS_EMOJI))
          .isEqualTo(
              "$: the input schema is not a usable JSON Schema:"
                  + " java.util.regex.PatternSyntaxException: Unknown character property name"
                  + " {Extended_Pictographic} near index 26:"
                  + " ^(\\p{Extended_Pictographic}|\\p{Emoji_Component})+$");
    }

    @Test
    void anOptionalLazyRecursionStops() {
      assertThat(synthesised(RuntimeSchemas.JS_LAZY_OPTIONAL)).isEqualTo("{\"v\":42}");
    }

    @Test
    void aRequiredLazyRecursionIsImpossible() {
      assertThat(impossible(RuntimeSchemas.JS_LAZY_REQUIRED))
          .isEqualTo("$.parent: cyclic $ref '#' is required, so no finite value exists");
    }

    @Test
    void neverIsImpossible() {
      assertThat(impossible(RuntimeSchemas.JS_NEVER)).isEqualTo("$: 'not: {}' allows no value");
    }

    @Test
    void anyIsAPlainString() {
      assertThat(synthesised(RuntimeSchemas.JS_ANY)).isEqualTo("\"test\"");
    }
  }

  @Nested
  class GenkitPython {
    @Test
    void aFieldDefaultDrivesTheInput() {
      Synthesis.Value value = valueFor(RuntimeSchemas.PY_SAY_HI);

      assertThat(value.value().toString()).isEqualTo("{\"name\":\"Mittens\"}");
      assertThat(value.how()).isEqualTo("from defaults of optional properties");
    }

    @Test
    void defsRefsOptionalsFormatsAndPatternsAreSatisfied() {
      assertThat(valueFor(RuntimeSchemas.PY_STORY).value().toString())
          .isEqualTo(
              json("""
              {"topic": "test", "length": 50, "color": "red",
               "address": {"street": "test", "city": "Paris"}, "tags": ["test"],
               "when": "2024-01-01T12:00:00Z", "day": "2024-01-01",
               "id": "00000000-0000-4000-8000-000000000000", "score": 0.5, "code": "AAA-0000",
               "either": 42, "tone": "casual", "nickname": null, "maybe_addr": null}
              """)
                  .toString());
    }

    @Test
    void examplesAndDefaultsNextToRefsAreUsed() {
      assertThat(valueFor(RuntimeSchemas.PY_WEATHER).value())
          .isEqualTo(
              json(
                  "{\"location\": \"Paris, France\", \"unit\": \"C\", \"color\": \"green\","
                      + " \"days\": 3}"));
    }

    @Test
    void aDiscriminatedUnionASetAndAMultipleOfFloatAreSatisfied() {
      assertThat(synthesised(RuntimeSchemas.PY_OWNER))
          .isEqualTo(
              "{\"pet\":{\"kind\":\"cat\",\"name\":\"test\"},\"tags\":[\"test\",\"test2\"],\"ratio\":0.5}");
    }

    @Test
    void anOptionalRecursionUsesItsDefaults() {
      assertThat(synthesised(RuntimeSchemas.PY_NODE))
          .isEqualTo("{\"value\":42,\"children\":[],\"parent\":null}");
    }

    @Test
    void aRequiredRecursionIsImpossible() {
      assertThat(impossible(RuntimeSchemas.PY_BAD))
          .isEqualTo("$.next: cyclic $ref '#/$defs/Bad' is required, so no finite value exists");
    }

    @Test
    void anOptionalStringIsAString() {
      assertThat(synthesised(RuntimeSchemas.PY_OPTIONAL_STR)).isEqualTo("\"test\"");
    }

    @Test
    void aListOfModelsHasOneModel() {
      assertThat(synthesised(RuntimeSchemas.PY_LIST_OF_MODELS))
          .isEqualTo("[{\"street\":\"test\",\"city\":\"Paris\"}]");
    }
  }

  @Nested
  class GenkitGo {
    @Test
    void aReferencingSchemaWithClosedStructsIsSatisfied() {
      assertThat(valueFor(RuntimeSchemas.GO_MENU_REQUEST).value())
          .isEqualTo(
              json(
                  """
                  {"theme": "pirate", "servings": 1, "restrictions": ["vegan"],
                   "when": "2024-01-01T12:00:00Z", "address": {"street": "test", "zip": "00000"}}
                  """));
    }

    @Test
    void anExpandedSchemaIsSatisfied() {
      assertThat(synthesised(RuntimeSchemas.GO_EXPANDED))
          .isEqualTo("{\"name\":\"test\",\"count\":42,\"labels\":{},\"ratio\":42}");
    }

    @Test
    void aRecursiveStructEndsInAnEmptySlice() {
      assertThat(synthesised(RuntimeSchemas.GO_TREE)).isEqualTo("{\"value\":42,\"children\":[]}");
    }

    @Test
    void aStringIsAPlainString() {
      assertThat(synthesised(RuntimeSchemas.GO_STRING)).isEqualTo("\"test\"");
    }
  }
}
