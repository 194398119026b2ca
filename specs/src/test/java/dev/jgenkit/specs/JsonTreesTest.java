package dev.jgenkit.specs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** JsonTrees reads and writes exactly what ObjectMapper reads and writes (as bytes), without one. */
class JsonTreesTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {
    "{}", "[]", "null", "true", "\"x\"", "0", "-7", "2147483648", "-9223372036854775809",
    "123456789012345678901234567890", "1.5", "-0.0", "1e400", "1E-7", "3.141592653589793238462643383279",
    "{\"a\":1,\"a\":2}", "{\"a\":{\"b\":[1,[2,[3,{}]],null,\"\\u00e9\\ud83d\\ude00\"]}}",
    "  {\"k\" : [ true , false ] }  ", "{\"x\":1} trailing", "", "   ",
    "{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"hi\"}]}],\"config\":{\"temperature\":0.2}}"
  })
  void readsTheTreeObjectMapperReads(String text) throws Exception {
    JsonNode expected = MAPPER.readTree(text);
    JsonNode actual = JsonTrees.read(text);

    assertThat(actual).isEqualTo(expected);
    assertThat(actual.getNodeType()).isEqualTo(expected.getNodeType());
    assertThat(JsonTrees.read(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(expected);
    if (!expected.isMissingNode()) {
      assertThat(new String(JsonTrees.write(actual), StandardCharsets.UTF_8))
          .isEqualTo(new String(MAPPER.writeValueAsBytes(expected), StandardCharsets.UTF_8));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"{", "[1,", "{\"a\" 1}", "nul", "{\"a\":1,}", "[1]]]", "'x'"})
  void rejectsWhatObjectMapperRejects(String text) {
    boolean mapperRejects;
    try {
      MAPPER.readTree(text);
      mapperRejects = false;
    } catch (JsonProcessingException e) {
      mapperRejects = true;
    }
    if (mapperRejects) {
      assertThatThrownBy(() -> JsonTrees.read(text)).isInstanceOf(JsonProcessingException.class);
    } else {
      assertThat(text).isEqualTo("[1]]]"); // trailing content after a complete value is not read
    }
  }

  @Test
  void deepNestingStopsAtTheParsersLimitNotTheStack() {
    String deep = "[".repeat(100_000) + "]".repeat(100_000);
    assertThatThrownBy(() -> JsonTrees.read(deep)).isInstanceOf(JsonProcessingException.class)
        .hasMessageContaining("nesting depth");
  }

  @Property(tries = 300)
  void randomDocumentsRoundTripLikeObjectMapper(@ForAll("documents") String text) throws Exception {
    JsonNode expected = MAPPER.readTree(text);
    JsonNode actual = JsonTrees.read(text);

    assertThat(actual).isEqualTo(expected);
    assertThat(JsonTrees.write(actual)).isEqualTo(MAPPER.writeValueAsBytes(expected));
  }

  @Provide
  Arbitrary<String> documents() {
    return Arbitraries.recursive(JsonTreesTest::scalar, JsonTreesTest::container, 4);
  }

  private static Arbitrary<String> scalar() {
    return Arbitraries.oneOf(
        Arbitraries.integers().map(String::valueOf),
        Arbitraries.longs().map(String::valueOf),
        Arbitraries.doubles().map(String::valueOf),
        Arbitraries.bigIntegers().between(new java.math.BigInteger("-1" + "0".repeat(30)),
            new java.math.BigInteger("1" + "0".repeat(30))).map(String::valueOf),
        Arbitraries.strings().ofMaxLength(12).map(s -> {
          try {
            return MAPPER.writeValueAsString(s);
          } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
          }
        }),
        Arbitraries.of("true", "false", "null"));
  }

  private static Arbitrary<String> container(Arbitrary<String> inner) {
    Arbitrary<String> array = inner.list().ofMaxSize(4).map(l -> "[" + String.join(",", l) + "]");
    Arbitrary<String> object = Arbitraries.maps(Arbitraries.of("a", "b", "key", "é"), inner).ofMaxSize(4)
        .map(m -> {
          StringBuilder sb = new StringBuilder("{");
          m.forEach((k, v) -> sb.append(sb.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
          return sb.append('}').toString();
        });
    return Arbitraries.oneOf(array, object);
  }
}
