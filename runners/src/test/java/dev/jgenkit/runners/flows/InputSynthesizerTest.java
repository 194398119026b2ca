package dev.jgenkit.runners.flows;

import static dev.jgenkit.runners.flows.SynthesisAssertions.impossible;
import static dev.jgenkit.runners.flows.SynthesisAssertions.json;
import static dev.jgenkit.runners.flows.SynthesisAssertions.synthesised;
import static dev.jgenkit.runners.flows.SynthesisAssertions.valueFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The synthesis rules, one schema keyword at a time. */
class InputSynthesizerTest {

  @Nested
  class NoSchema {
    @Test
    void aFlowWithoutInputSchemaGetsNull() {
      // given no schema, as Java null, JSON null or a missing field
      for (JsonNode schema :
          new JsonNode[] {null, NullNode.getInstance(), MissingNode.getInstance()}) {
        // when
        Synthesis synthesis = InputSynthesizer.synthesize(schema);
        // then
        assertThat(synthesis)
            .isEqualTo(new Synthesis.Value(NullNode.getInstance(), "no input schema"));
      }
    }

    @Test
    void aSchemaThatIsNeitherObjectNorBooleanIsRefused() {
      assertThat(impossible("[1, 2]"))
          .isEqualTo("$: the input schema is a array, not a JSON Schema");
    }

    @Test
    void anUnusableSchemaIsRefusedWithTheValidatorsReason() {
      assertThat(impossible("{\"$ref\": \"https://example.com/remote.json\"}"))
          .startsWith("$: the input schema is not a usable JSON Schema");
    }
  }

  @Nested
  class Priority {
    @Test
    void constComesFirst() {
      assertThat(
              synthesised("{\"type\": \"string\", \"const\": \"fixed\", \"default\": \"other\"}"))
          .isEqualTo("\"fixed\"");
    }

    @Test
    void defaultComesBeforeExamplesAndEnum() {
      Synthesis.Value value =
          valueFor(
              "{\"type\": \"string\", \"enum\": [\"a\", \"b\"], \"examples\": [\"b\"], \"default\":"
                  + " \"b\"}");

      assertThat(value.value().asText()).isEqualTo("b");
      assertThat(value.how()).isEqualTo("from default");
    }

    @Test
    void theFirstExampleComesBeforeEnum() {
      assertThat(synthesised("{\"enum\": [\"a\", \"b\", \"c\"], \"examples\": [\"c\", \"b\"]}"))
          .isEqualTo("\"c\"");
    }

    @Test
    void theFirstEnumValueIsUsed() {
      Synthesis.Value value = valueFor("{\"type\": \"string\", \"enum\": [\"happy\", \"sad\"]}");

      assertThat(value.value().asText()).isEqualTo("happy");
      assertThat(value.how()).isEqualTo("from enum");
    }

    @Test
    void aNullEnumValueComesLast() {
      assertThat(synthesised("{\"enum\": [null, 3]}")).isEqualTo("3");
    }

    @Test
    void anInvalidDefaultGivesWayToTheNextCandidate() {
      // given a default that breaks the schema (pydantic does not check defaults)
      String schema = "{\"type\": \"integer\", \"minimum\": 10, \"default\": 3}";

      // when / then
      assertThat(synthesised(schema)).isEqualTo("10");
    }

    @Test
    void anEmptyEnumIsImpossible() {
      assertThat(impossible("{\"enum\": []}")).isEqualTo("$: enum is empty, which allows no value");
    }
  }

  @Nested
  class Anything {
    @Test
    void anEmptySchemaGetsAPlainString() {
      Synthesis.Value value = valueFor("{}");

      assertThat(value.value().asText()).isEqualTo("test");
      assertThat(value.how()).isEqualTo("from any value (a plain string)");
    }

    @Test
    void theTrueSchemaGetsAPlainString() {
      assertThat(synthesised("true")).isEqualTo("\"test\"");
    }

    @Test
    void annotationsAloneConstrainNothing() {
      assertThat(synthesised("{\"title\": \"Anything\", \"description\": \"z.any()\"}"))
          .isEqualTo("\"test\"");
    }

    @Test
    void theFalseSchemaIsImpossible() {
      assertThat(impossible("false")).isEqualTo("$: the schema is false, which allows no value");
    }

    @Test
    void notEmptyIsImpossible() {
      assertThat(impossible("{\"not\": {}}")).isEqualTo("$: 'not: {}' allows no value");
    }

    @Test
    void otherNotsAreLeftToTheValidator() {
      // given a not that the first candidate happens to break
      String schema = "{\"type\": \"string\", \"not\": {\"const\": \"test\"}}";

      // when / then
      assertThat(synthesised(schema)).isEqualTo("\"test2\"");
    }
  }

  @Nested
  class Strings {
    @Test
    void aBareStringSchemaGetsAPlainString() {
      Synthesis.Value value = valueFor("{\"type\": \"string\"}");

      assertThat(value.value().asText()).isEqualTo("test");
      assertThat(value.how()).isEqualTo("from plain string");
    }

    @Test
    void minLengthPads() {
      Synthesis.Value value = valueFor("{\"type\": \"string\", \"minLength\": 10}");

      assertThat(value.value().asText()).isEqualTo("testxxxxxx");
      assertThat(value.how()).isEqualTo("from plain string, length bounds");
    }

    @Test
    void maxLengthCuts() {
      assertThat(synthesised("{\"type\": \"string\", \"maxLength\": 2}")).isEqualTo("\"te\"");
    }

    @Test
    void maxLengthZeroGivesTheEmptyString() {
      assertThat(synthesised("{\"type\": \"string\", \"maxLength\": 0}")).isEqualTo("\"\"");
    }

    @Test
    void contradictoryLengthsAreImpossible() {
      assertThat(impossible("{\"type\": \"string\", \"minLength\": 5, \"maxLength\": 3}"))
          .isEqualTo("$: minLength 5 is greater than maxLength 3");
    }

    @Test
    void commonFormatsGetValidValues() {
      // draft-07, where networknt asserts formats
      String[][] expected = {
        {"date-time", "2024-01-01T12:00:00Z"},
        {"date", "2024-01-01"},
        {"time", "12:00:00Z"},
        {"email", "test@example.com"},
        {"uri", "https://example.com"},
        {"url", "https://example.com"},
        {"uri-reference", "https://example.com"},
        {"uuid", "00000000-0000-4000-8000-000000000000"},
        {"ipv4", "127.0.0.1"},
        {"ipv6", "::1"},
        {"hostname", "example.com"},
        {"duration", "P1D"},
        {"json-pointer", "/test"},
      };
      for (String[] pair : expected) {
        String schema =
            "{\"$schema\": \"http://json-schema.org/draft-07/schema#\", \"type\": \"string\", "
                + "\"format\": \""
                + pair[0]
                + "\"}";

        Synthesis.Value value = valueFor(schema);

        assertThat(value.value().asText()).as(pair[0]).isEqualTo(pair[1]);
        assertThat(value.how()).isEqualTo("from format " + pair[0]);
      }
    }

    @Test
    void anUnknownFormatIsAPlainString() {
      assertThat(synthesised("{\"type\": \"string\", \"format\": \"multi-line\"}"))
          .isEqualTo("\"test\"");
    }

    @Test
    void aFormatThatCannotFitTheLengthIsImpossible() {
      assertThat(impossible("{\"type\": \"string\", \"format\": \"email\", \"maxLength\": 5}"))
          .isEqualTo("$: no 'email' value fits minLength 0 and maxLength 5");
    }

    @Test
    void aSimplePatternIsGeneratedAndChecked() {
      Synthesis.Value value =
          valueFor("{\"type\": \"string\", \"pattern\": \"^[A-Z]{3}-\\\\d{4}$\"}");

      assertThat(value.value().asText()).isEqualTo("AAA-0000");
      assertThat(value.how()).isEqualTo("from pattern");
    }

    @Test
    void aPatternHonoursTheLengthBounds() {
      assertThat(
              synthesised(
                  "{\"type\": \"string\", \"pattern\": \"^[a-z]+$\", \"minLength\": 5,"
                      + " \"maxLength\": 6}"))
          .isEqualTo("\"aaaaa\"");
    }

    @Test
    void anUnsupportedPatternIsImpossibleWithTheConstructNamed() {
      assertThat(impossible("{\"type\": \"string\", \"pattern\": \"^(?=.*\\\\d)\\\\w+$\"}"))
          .isEqualTo(
              "$: pattern '^(?=.*\\d)\\w+$' cannot be satisfied: lookahead '(?=', which input"
                  + " synthesis does not support");
    }

    @Test
    void aPatternThatCannotMeetTheLengthIsImpossible() {
      assertThat(
              impossible(
                  "{\"type\": \"object\", \"required\": [\"code\"], \"properties\": {\"code\":"
                      + " {\"type\": \"string\", \"pattern\": \"^[A-Z]{3}-\\\\d{4}$\","
                      + " \"maxLength\": 4}}}"))
          .isEqualTo(
              "$.code: pattern '^[A-Z]{3}-\\d{4}$' needs at least 8 characters but maxLength is 4");
    }

    @Test
    void anInvalidPatternIsImpossible() {
      // A pattern the JDK cannot compile is also one networknt cannot check.
      assertThat(impossible("{\"type\": \"string\", \"pattern\": \"[a-\"}"))
          .startsWith("$: the input schema is not a usable JSON Schema");
    }
  }

  @Nested
  class Numbers {
    @Test
    void anUnboundedNumberIs42() {
      Synthesis.Value value = valueFor("{\"type\": \"number\"}");

      assertThat(value.value().toString()).isEqualTo("42");
      assertThat(value.how()).isEqualTo("from plain number");
    }

    @Test
    void anUnboundedIntegerIs42() {
      assertThat(synthesised("{\"type\": \"integer\"}")).isEqualTo("42");
    }

    @Test
    void theLowerBoundIsUsed() {
      Synthesis.Value value = valueFor("{\"type\": \"number\", \"minimum\": 1, \"maximum\": 5}");

      assertThat(value.value().toString()).isEqualTo("1");
      assertThat(value.how()).isEqualTo("from numeric bounds");
    }

    @Test
    void anExclusiveLowerBoundIsStepped() {
      assertThat(synthesised("{\"type\": \"integer\", \"exclusiveMinimum\": 0}")).isEqualTo("1");
    }

    @Test
    void aNarrowExclusiveRangeGetsItsMidpoint() {
      assertThat(
              synthesised(
                  "{\"type\": \"number\", \"exclusiveMinimum\": 0, \"exclusiveMaximum\": 1}"))
          .isEqualTo("0.5");
    }

    @Test
    void onlyAnUpperBoundCaps42() {
      assertThat(synthesised("{\"type\": \"integer\", \"maximum\": 10}")).isEqualTo("10");
      assertThat(synthesised("{\"type\": \"number\", \"exclusiveMaximum\": 0}")).isEqualTo("-1");
      assertThat(synthesised("{\"type\": \"number\", \"maximum\": 100}")).isEqualTo("42");
    }

    @Test
    void multipleOfIsHonoured() {
      assertThat(
              synthesised(
                  "{\"type\": \"number\", \"multipleOf\": 5, \"exclusiveMinimum\": 12,"
                      + " \"exclusiveMaximum\": 40}"))
          .isEqualTo("15");
      assertThat(synthesised("{\"type\": \"integer\", \"multipleOf\": 5}")).isEqualTo("45");
      assertThat(synthesised("{\"type\": \"number\", \"multipleOf\": 0.25, \"minimum\": 0.3}"))
          .isEqualTo("0.5");
      assertThat(synthesised("{\"type\": \"integer\", \"multipleOf\": 1.5, \"minimum\": 1}"))
          .isEqualTo("3");
    }

    @Test
    void draft4BooleanExclusiveBoundsAreHonoured() {
      assertThat(
              synthesised(
                  "{\"$schema\": \"http://json-schema.org/draft-04/schema#\", \"type\":"
                      + " \"integer\", \"minimum\": 5, \"exclusiveMinimum\": true}"))
          .isEqualTo("6");
    }

    @Test
    void contradictoryBoundsAreImpossible() {
      assertThat(impossible("{\"type\": \"integer\", \"minimum\": 10, \"maximum\": 5}"))
          .isEqualTo("$: minimum 10 is greater than maximum 5");
      assertThat(impossible("{\"type\": \"number\", \"minimum\": 3, \"exclusiveMaximum\": 3}"))
          .isEqualTo("$: minimum 3 and exclusiveMaximum 3 leave no number");
    }

    @Test
    void noIntegerBetweenTheBoundsIsImpossible() {
      assertThat(impossible("{\"type\": \"integer\", \"minimum\": 1.2, \"maximum\": 1.8}"))
          .isEqualTo("$: no integer lies within minimum 1.2 and maximum 1.8");
      assertThat(
              impossible(
                  "{\"type\": \"integer\", \"multipleOf\": 7, \"minimum\": 1, \"maximum\": 6}"))
          .isEqualTo("$: no integer multiple of 7 lies within minimum 1 and maximum 6");
    }
  }

  @Nested
  class OtherTypes {
    @Test
    void aBooleanIsTrue() {
      assertThat(synthesised("{\"type\": \"boolean\"}")).isEqualTo("true");
    }

    @Test
    void nullIsNull() {
      assertThat(synthesised("{\"type\": \"null\"}")).isEqualTo("null");
    }

    @Test
    void aTypeListPrefersNonNull() {
      assertThat(synthesised("{\"type\": [\"null\", \"string\"]}")).isEqualTo("\"test\"");
      assertThat(synthesised("{\"type\": [\"integer\", \"string\"]}")).isEqualTo("42");
    }

    @Test
    void anUnknownTypeIsImpossible() {
      assertThat(impossible("{\"type\": \"date\"}")).isEqualTo("$: unknown type 'date'");
    }
  }

  @Nested
  class Objects {
    @Test
    void requiredPropertiesAndPropertiesWithDefaultsAreFilled() {
      // given
      String schema =
          """
          {"type": "object",
           "properties": {
             "name": {"type": "string", "default": "World"},
             "mood": {"type": "string", "enum": ["happy", "sad"]},
             "nickname": {"type": "string"},
             "count": {"type": "integer"}
           },
           "required": ["mood", "count"]}
          """;

      // when
      Synthesis.Value value = valueFor(schema);

      // then
      assertThat(value.value())
          .isEqualTo(json("{\"mood\": \"happy\", \"count\": 42, \"name\": \"World\"}"));
      assertThat(value.how())
          .isEqualTo(
              "from required properties, enum, plain integer, defaults of optional properties");
    }

    @Test
    void aSchemaWithPropertiesButNoTypeIsAnObject() {
      assertThat(
              synthesised(
                  "{\"properties\": {\"a\": {\"type\": \"boolean\"}}, \"required\": [\"a\"]}"))
          .isEqualTo("{\"a\":true}");
    }

    @Test
    void anObjectWithNothingRequiredIsEmpty() {
      Synthesis.Value value = valueFor("{\"type\": \"object\", \"properties\": {\"a\": {}}}");

      assertThat(value.value().toString()).isEqualTo("{}");
      assertThat(value.how()).isEqualTo("from an empty object");
    }

    @Test
    void nestedObjectsAreFilledRecursively() {
      String schema =
          """
          {"type": "object", "required": ["address"], "properties": {
            "address": {"type": "object", "required": ["zip"], "properties": {
              "zip": {"type": "string", "pattern": "^\\\\d{5}$"},
              "city": {"type": "string", "default": "Paris"}}}}}
          """;

      assertThat(synthesised(schema))
          .isEqualTo("{\"address\":{\"zip\":\"00000\",\"city\":\"Paris\"}}");
    }

    @Test
    void minPropertiesAddsOptionalPropertiesThenExtraKeys() {
      assertThat(
              synthesised(
                  "{\"type\": \"object\", \"minProperties\": 2, \"properties\": {\"a\": {\"type\":"
                      + " \"integer\"}}}"))
          .isEqualTo("{\"a\":42,\"property1\":\"test\"}");
    }

    @Test
    void aRequiredPropertyOutsideClosedPropertiesIsImpossible() {
      assertThat(
              impossible(
                  "{\"type\": \"object\", \"required\": [\"ghost\"], \"properties\": {},"
                      + " \"additionalProperties\": false}"))
          .isEqualTo(
              "$.ghost: is required, but it is not among the properties and additionalProperties is"
                  + " false");
    }

    @Test
    void aRequiredPropertyOutsidePropertiesFollowsAdditionalProperties() {
      assertThat(
              synthesised(
                  "{\"type\": \"object\", \"required\": [\"n\"], \"additionalProperties\":"
                      + " {\"type\": \"integer\"}}"))
          .isEqualTo("{\"n\":42}");
    }

    @Test
    void oddPropertyNamesAreQuotedInPaths() {
      assertThat(
              impossible(
                  "{\"type\": \"object\", \"required\": [\"first name\"], \"properties\": {\"first"
                      + " name\": false}}"))
          .isEqualTo("$['first name']: the schema is false, which allows no value");
    }

    @Test
    void tooManyRequiredPropertiesForMaxPropertiesIsImpossible() {
      assertThat(
              impossible(
                  "{\"type\": \"object\", \"required\": [\"a\", \"b\"], \"maxProperties\": 1}"))
          .isEqualTo("$: 2 properties are required but maxProperties is 1");
    }
  }

  @Nested
  class Arrays {
    @Test
    void anArrayWithoutMinItemsHasOneItem() {
      assertThat(synthesised("{\"type\": \"array\", \"items\": {\"type\": \"string\"}}"))
          .isEqualTo("[\"test\"]");
    }

    @Test
    void minItemsItemsAreMade() {
      Synthesis.Value value =
          valueFor("{\"type\": \"array\", \"items\": {\"type\": \"integer\"}, \"minItems\": 3}");

      assertThat(value.value().toString()).isEqualTo("[42,42,42]");
      assertThat(value.how()).isEqualTo("from minItems, plain integer");
    }

    @Test
    void maxItemsZeroGivesAnEmptyArray() {
      assertThat(synthesised("{\"type\": \"array\", \"maxItems\": 0}")).isEqualTo("[]");
    }

    @Test
    void contradictoryItemCountsAreImpossible() {
      assertThat(impossible("{\"type\": \"array\", \"minItems\": 3, \"maxItems\": 2}"))
          .isEqualTo("$: minItems 3 is greater than maxItems 2");
    }

    @Test
    void uniqueItemsVaryEnumsStringsNumbersAndBooleans() {
      assertThat(
              synthesised(
                  "{\"type\": \"array\", \"uniqueItems\": true, \"minItems\": 3, \"items\":"
                      + " {\"enum\": [\"a\", \"b\", \"c\"]}}"))
          .isEqualTo("[\"a\",\"b\",\"c\"]");
      assertThat(
              synthesised(
                  "{\"type\": \"array\", \"uniqueItems\": true, \"minItems\": 3, \"items\":"
                      + " {\"type\": \"string\"}}"))
          .isEqualTo("[\"test\",\"test2\",\"test3\"]");
      assertThat(
              synthesised(
                  "{\"type\": \"array\", \"uniqueItems\": true, \"minItems\": 3, \"items\":"
                      + " {\"type\": \"integer\", \"minimum\": 1}}"))
          .isEqualTo("[1,2,3]");
      assertThat(
              synthesised(
                  "{\"type\": \"array\", \"uniqueItems\": true, \"minItems\": 2, \"items\":"
                      + " {\"type\": \"boolean\"}}"))
          .isEqualTo("[true,false]");
      assertThat(
              synthesised(
                  "{\"type\": \"array\", \"uniqueItems\": true, \"minItems\": 2, \"items\":"
                      + " {\"type\": \"string\", \"format\": \"email\"}}"))
          .isEqualTo("[\"test@example.com\",\"test2@example.com\"]");
      assertThat(
              synthesised(
                  "{\"type\": \"array\", \"uniqueItems\": true, \"minItems\": 2, \"items\":"
                      + " {\"type\": \"string\", \"pattern\": \"^[a-c]$\"}}"))
          .isEqualTo("[\"a\",\"b\"]");
    }

    @Test
    void uniqueItemsBeyondTheDistinctValuesIsImpossible() {
      assertThat(
              impossible(
                  "{\"type\": \"array\", \"uniqueItems\": true, \"minItems\": 3, \"items\":"
                      + " {\"enum\": [\"a\", \"b\"]}}"))
          .isEqualTo(
              "$: uniqueItems needs 3 distinct items, but only 2 distinct values could be"
                  + " synthesised for them");
      assertThat(
              impossible(
                  "{\"type\": \"array\", \"uniqueItems\": true, \"minItems\": 2, \"items\":"
                      + " {\"const\": 1}}"))
          .isEqualTo(
              "$: uniqueItems needs 2 distinct items, but only 1 distinct values could be"
                  + " synthesised for them");
    }

    @Test
    void prefixItemsAreFollowed() {
      assertThat(
              synthesised(
                  "{\"type\": \"array\", \"prefixItems\": [{\"type\": \"string\"}, {\"type\":"
                      + " \"integer\"}], \"items\": false}"))
          .isEqualTo("[\"test\",42]");
    }

    @Test
    void draft7TupleItemsAreFollowed() {
      assertThat(
              synthesised(
                  "{\"$schema\": \"http://json-schema.org/draft-07/schema#\", \"type\": \"array\","
                      + " \"items\": [{\"type\": \"boolean\"}, {\"type\": \"null\"}], \"minItems\":"
                      + " 2, \"maxItems\": 2}"))
          .isEqualTo("[true,null]");
    }

    @Test
    void containsShapesTheFirstItem() {
      assertThat(
              synthesised(
                  "{\"type\": \"array\", \"items\": {\"type\": \"integer\"}, \"contains\":"
                      + " {\"minimum\": 100}}"))
          .isEqualTo("[100]");
    }

    @Test
    void anOptionalArrayOfImpossibleItemsIsEmpty() {
      Synthesis.Value value = valueFor("{\"type\": \"array\", \"items\": {\"not\": {}}}");

      assertThat(value.value().toString()).isEqualTo("[]");
      assertThat(value.how()).isEqualTo("from an empty array");
    }

    @Test
    void requiredItemsThatCannotBeMadeAreImpossible() {
      assertThat(impossible("{\"type\": \"array\", \"items\": {\"not\": {}}, \"minItems\": 1}"))
          .isEqualTo("$[0]: 'not: {}' allows no value");
    }
  }

  @Nested
  class Refs {
    @Test
    void defsAndDefinitionsAreFollowed() {
      assertThat(
              synthesised(
                  "{\"$ref\": \"#/$defs/A\", \"$defs\": {\"A\": {\"type\": \"integer\","
                      + " \"minimum\": 7}}}"))
          .isEqualTo("7");
      assertThat(
              synthesised(
                  "{\"$schema\": \"http://json-schema.org/draft-07/schema#\", \"$ref\":"
                      + " \"#/definitions/A\", \"definitions\": {\"A\": {\"type\": \"boolean\"}}}"))
          .isEqualTo("true");
    }

    @Test
    void jsonPointerRefsWithinTheRootAreFollowed() {
      assertThat(
              synthesised(
                  "{\"type\": \"object\", \"required\": [\"b\"], \"properties\": {\"a/x\":"
                      + " {\"type\": \"integer\", \"minimum\": 3}, \"b\": {\"$ref\":"
                      + " \"#/properties/a~1x\"}}}"))
          .isEqualTo("{\"b\":3}");
    }

    @Test
    void anAnchorRefIsFollowed() {
      assertThat(
              synthesised(
                  "{\"$ref\": \"#thing\", \"$defs\": {\"T\": {\"$anchor\": \"thing\", \"const\":"
                      + " \"found\"}}}"))
          .isEqualTo("\"found\"");
    }

    @Test
    void aRefWithSiblingsMergesThem() {
      assertThat(
              synthesised(
                  "{\"$defs\": {\"A\": {\"type\": \"integer\"}}, \"$ref\": \"#/$defs/A\","
                      + " \"minimum\": 5}"))
          .isEqualTo("5");
    }

    @Test
    void aDefaultNextToARefWins() {
      Synthesis.Value value =
          valueFor(
              "{\"$defs\": {\"A\": {\"type\": \"object\"}}, \"$ref\": \"#/$defs/A\", \"default\":"
                  + " {\"k\": 1}}");

      assertThat(value.value().toString()).isEqualTo("{\"k\":1}");
      assertThat(value.how()).isEqualTo("from default");
    }

    @Test
    void aCyclicRequiredRefIsImpossible() {
      assertThat(
              impossible(
                  "{\"$defs\": {\"Bad\": {\"type\": \"object\", \"required\": [\"next\"],"
                      + " \"properties\": {\"next\": {\"$ref\": \"#/$defs/Bad\"}}}}, \"$ref\":"
                      + " \"#/$defs/Bad\"}"))
          .isEqualTo("$.next: cyclic $ref '#/$defs/Bad' is required, so no finite value exists");
    }

    @Test
    void aCyclicRefThroughTheRootIsImpossible() {
      assertThat(
              impossible(
                  "{\"type\": \"object\", \"required\": [\"parent\"], \"properties\": {\"parent\":"
                      + " {\"$ref\": \"#\"}}}"))
          .isEqualTo("$.parent: cyclic $ref '#' is required, so no finite value exists");
    }

    @Test
    void anOptionalCycleIsNotFollowed() {
      assertThat(
              synthesised(
                  "{\"type\": \"object\", \"required\": [\"v\"], \"properties\": {\"v\": {\"type\":"
                      + " \"integer\"}, \"next\": {\"$ref\": \"#\"}}}"))
          .isEqualTo("{\"v\":42}");
    }

    @Test
    void aCycleWithANullBranchEndsInNull() {
      assertThat(
              synthesised(
                  "{\"type\": \"object\", \"required\": [\"v\", \"next\"], \"properties\": {\"v\":"
                      + " {\"type\": \"integer\"}, \"next\": {\"anyOf\": [{\"$ref\": \"#\"},"
                      + " {\"type\": \"null\"}]}}}"))
          .isEqualTo("{\"v\":42,\"next\":null}");
    }

    @Test
    void aCycleThroughAnArrayEndsInAnEmptyArray() {
      assertThat(
              synthesised(
                  "{\"type\": \"object\", \"required\": [\"kids\"], \"properties\": {\"kids\":"
                      + " {\"type\": \"array\", \"items\": {\"$ref\": \"#\"}}}}"))
          .isEqualTo("{\"kids\":[]}");
    }

    @Test
    void aCyclicAllOfRefIsImpossible() {
      assertThat(
              impossible(
                  "{\"$defs\": {\"L\": {\"allOf\": [{\"$ref\": \"#/$defs/L\"}]}}, \"$ref\":"
                      + " \"#/$defs/L\"}"))
          .isEqualTo("$: cyclic $ref '#/$defs/L' is required, so no finite value exists");
    }
  }

  @Nested
  class Combinators {
    @Test
    void allOfMergesObjectBranches() {
      Synthesis.Value value =
          valueFor(
              """
              {"allOf": [
                {"type": "object", "properties": {"a": {"type": "string"}}, "required": ["a"]},
                {"type": "object", "properties": {"b": {"type": "number", "minimum": 2}}, "required": ["b"]}
              ]}
              """);

      assertThat(value.value().toString()).isEqualTo("{\"a\":\"test\",\"b\":2}");
      assertThat(value.how()).startsWith("from allOf, required properties");
    }

    @Test
    void allOfMergesBoundsOfTheSameProperty() {
      assertThat(
              synthesised(
                  "{\"allOf\": [{\"type\": \"number\", \"minimum\": 2}, {\"type\": \"integer\","
                      + " \"minimum\": 5, \"maximum\": 9}]}"))
          .isEqualTo("5");
    }

    @Test
    void allOfWithRefBranchesIsResolved() {
      assertThat(
              synthesised(
                  "{\"$defs\": {\"Base\": {\"type\": \"object\", \"properties\": {\"id\":"
                      + " {\"type\": \"string\", \"format\": \"uuid\"}}, \"required\": [\"id\"]}},"
                      + " \"allOf\": [{\"$ref\": \"#/$defs/Base\"}, {\"properties\": {\"n\":"
                      + " {\"const\": 1}}, \"required\": [\"n\"]}]}"))
          .isEqualTo("{\"id\":\"00000000-0000-4000-8000-000000000000\",\"n\":1}");
    }

    @Test
    void allOfWithConflictingConstsIsImpossible() {
      assertThat(impossible("{\"allOf\": [{\"const\": 1}, {\"const\": 2}]}"))
          .isEqualTo("$: allOf requires both const 1 and const 2");
    }

    @Test
    void allOfWithDisjointTypesIsImpossible() {
      assertThat(impossible("{\"allOf\": [{\"type\": \"string\"}, {\"type\": \"integer\"}]}"))
          .isEqualTo(
              "$: allOf requires type \"string\" and type \"integer\", which share no value");
    }

    @Test
    void allOfWithAFalseBranchIsImpossible() {
      assertThat(impossible("{\"allOf\": [{\"type\": \"string\"}, false]}"))
          .isEqualTo("$: an allOf branch is false, which allows no value");
    }

    @Test
    void anyOfTakesTheFirstBranchThatSynthesises() {
      Synthesis.Value value =
          valueFor("{\"anyOf\": [{\"not\": {}}, {\"type\": \"integer\", \"minimum\": 3}]}");

      assertThat(value.value().toString()).isEqualTo("3");
      assertThat(value.how()).isEqualTo("from anyOf, numeric bounds");
    }

    @Test
    void anyOfSkipsNullBranchesUnlessOnlyNullIsLeft() {
      assertThat(synthesised("{\"anyOf\": [{\"type\": \"null\"}, {\"type\": \"string\"}]}"))
          .isEqualTo("\"test\"");
      assertThat(synthesised("{\"anyOf\": [{\"type\": \"null\"}, {\"not\": {}}]}"))
          .isEqualTo("null");
    }

    @Test
    void anyOfSiblingsApplyToEveryBranch() {
      assertThat(
              synthesised(
                  "{\"type\": \"object\", \"properties\": {\"a\": {\"type\": \"integer\"}, \"b\":"
                      + " {\"type\": \"boolean\"}}, \"anyOf\": [{\"required\": [\"a\"]},"
                      + " {\"required\": [\"b\"]}]}"))
          .isEqualTo("{\"a\":42}");
    }

    @Test
    void oneOfMovesOnUntilExactlyOneBranchAccepts() {
      // given branches that overlap on the first candidate (42 is both a number and an integer)
      String schema = "{\"oneOf\": [{\"type\": \"number\"}, {\"type\": \"integer\"}]}";

      // when / then: a fractional number is what exactly one branch accepts
      assertThat(synthesised(schema)).isEqualTo("42.5");
    }

    @Test
    void aValueNoCandidateValidatesIsImpossibleWithTheValidatorErrors() {
      // given a oneOf whose branches accept the same values
      String schema = "{\"oneOf\": [{\"type\": \"boolean\"}, {\"enum\": [true, false]}]}";

      // when / then
      assertThat(impossible(schema))
          .isEqualTo(
              "$: must be valid to one and only one schema, but 2 are valid with indexes '0, 1'"
                  + " (no synthesised value validates; the first tried was true)");
    }

    @Test
    void oneOfWithDistinctBranchesUsesTheFirst() {
      assertThat(
              synthesised(
                  "{\"oneOf\": [{\"type\": \"string\", \"maxLength\": 2}, {\"type\": \"string\","
                      + " \"minLength\": 3}]}"))
          .isEqualTo("\"te\"");
    }

    @Test
    void anyOfWithNoWorkableBranchNamesEveryReason() {
      assertThat(impossible("{\"anyOf\": [{\"not\": {}}, false]}"))
          .isEqualTo(
              "$: no anyOf branch can be synthesised (branch 0: $: 'not: {}' allows no value;"
                  + " branch 1: $: the schema is false, which allows no value)");
    }
  }

  @Nested
  class Robustness {
    @Test
    void theSameSchemaAlwaysGivesTheSameValue() {
      String schema =
          "{\"type\": \"object\", \"required\": [\"a\"], \"properties\": {\"a\": {\"type\":"
              + " \"string\"}}}";

      assertThat(synthesised(schema)).isEqualTo(synthesised(schema));
    }

    @Test
    void synthesisIsThreadSafe() throws Exception {
      // given many threads synthesising from shared schema trees
      List<JsonNode> schemas =
          List.of(
              json(
                  "{\"type\": \"object\", \"required\": [\"a\"], \"properties\": {\"a\":"
                      + " {\"pattern\": \"^[a-z]{4}$\"}}}"),
              json(
                  "{\"$defs\": {\"N\": {\"type\": \"integer\", \"minimum\": 3}}, \"$ref\":"
                      + " \"#/$defs/N\"}"),
              json(
                  "{\"type\": \"array\", \"uniqueItems\": true, \"minItems\": 4, \"items\":"
                      + " {\"type\": \"string\"}}"));
      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        List<Future<Synthesis>> results = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
          JsonNode schema = schemas.get(i % schemas.size());
          results.add(pool.submit(() -> InputSynthesizer.synthesize(schema)));
        }

        // when
        Set<Synthesis> distinct = new HashSet<>();
        for (Future<Synthesis> result : results) {
          distinct.add(result.get());
        }

        // then: one answer per schema
        assertThat(distinct).hasSize(3).allMatch(s -> s instanceof Synthesis.Value);
      } finally {
        pool.shutdownNow();
      }
    }

    @Test
    void deepNestingIsCut() {
      StringBuilder schema = new StringBuilder();
      for (int i = 0; i < 100; i++) {
        schema.append("{\"type\": \"array\", \"minItems\": 1, \"items\": ");
      }
      schema.append("{}").append("}".repeat(100));

      assertThat(impossible(schema.toString())).endsWith("the schema nests deeper than 64 levels");
    }
  }
}
