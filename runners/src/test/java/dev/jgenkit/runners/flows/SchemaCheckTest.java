package dev.jgenkit.runners.flows;

import static dev.jgenkit.runners.flows.SynthesisAssertions.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jgenkit.runners.validate.SchemaCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** {@link SchemaCheck}: flow outputs and synthesised inputs against the schemas runtimes report. */
class SchemaCheckTest {

  @Test
  void aValidInstanceHasNoErrors() {
    assertThat(
            SchemaCheck.errors(
                json(RuntimeSchemas.JS_MENU_STRICT),
                json("{\"course\": \"main\", \"servings\": 2, \"notes\": null}")))
        .isEmpty();
  }

  @Test
  void errorsNameTheInstancePath() {
    // given a Genkit JS (draft-07, strict) schema and an output that breaks it
    JsonNode schema = json(RuntimeSchemas.JS_MENU_STRICT);
    JsonNode output =
        json("{\"course\": \"brunch\", \"servings\": \"2\", \"notes\": null, \"x\": 1}");

    // when
    List<String> errors = SchemaCheck.errors(schema, output);

    // then
    assertThat(errors)
        .containsExactlyInAnyOrder(
            "$.course: does not have a value in the enumeration [\"starter\", \"main\","
                + " \"dessert\"]",
            "$.servings: string found, number expected",
            "$: property 'x' is not defined in the schema and the schema does not allow additional"
                + " properties");
  }

  @Test
  void draft07TupleItemsAreReadAsDraft07() {
    assertThat(SchemaCheck.errors(json(RuntimeSchemas.JS_TUPLE), json("[1, \"x\"]")))
        .containsExactly(
            "$[0]: integer found, string expected", "$[1]: string found, number expected");
  }

  @Test
  void draft07AssertsFormats() {
    assertThat(
            SchemaCheck.errors(
                json(RuntimeSchemas.JS_ORDER),
                json(
                    "{\"customer\": {\"name\": \"Al\", \"email\": \"nope\"}, \"items\": [{\"sku\":"
                        + " \"ABC-1234\", \"qty\": 1}], \"placedAt\": \"2024-01-01T00:00:00Z\"}")))
        .containsExactly(
            "$.customer.email: does not match the email pattern must be a valid RFC 5321 Mailbox");
  }

  @Test
  void withoutSchemaKeywordTheDialectIs2020_12() {
    // prefixItems means nothing before 2020-12
    JsonNode schema = json("{\"type\": \"array\", \"prefixItems\": [{\"type\": \"string\"}]}");

    assertThat(SchemaCheck.errors(schema, json("[1]")))
        .containsExactly("$[0]: integer found, string expected");
  }

  @Test
  void pydanticDefsAreFollowed() {
    assertThat(
            SchemaCheck.errors(
                json(RuntimeSchemas.PY_NODE),
                json("{\"value\": 1, \"children\": [{\"value\": \"x\"}]}")))
        .containsExactly("$.children[0].value: string found, integer expected");
  }

  @Test
  void booleanSchemas() {
    assertThat(SchemaCheck.errors(json("true"), json("1"))).isEmpty();
    assertThat(SchemaCheck.errors(json("false"), json("1"))).hasSize(1);
  }

  @Test
  void anUnusableSchemaIsReportedNotValidated() {
    JsonNode schema = json("{\"$ref\": \"https://example.com/remote.json\"}");

    assertThat(SchemaCheck.problem(schema))
        .hasValueSatisfying(p -> assertThat(p).startsWith("not a usable JSON Schema: "));
    assertThatThrownBy(() -> SchemaCheck.errors(schema, json("1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not a usable JSON Schema: ");
  }

  @Test
  void aUsableSchemaHasNoProblem() {
    assertThat(SchemaCheck.problem(json(RuntimeSchemas.GO_MENU_REQUEST))).isEmpty();
  }

  @Test
  void concurrentChecksOfOneSchemaAgree() throws Exception {
    JsonNode schema = json(RuntimeSchemas.PY_STORY);
    JsonNode instance = json("{\"topic\": 1}");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<List<String>>> results = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        results.add(pool.submit(() -> SchemaCheck.errors(schema, instance)));
      }
      List<String> first = results.get(0).get();
      for (Future<List<String>> result : results) {
        assertThat(result.get()).isEqualTo(first);
      }
      assertThat(first).contains("$.topic: integer found, string expected");
    } finally {
      pool.shutdownNow();
    }
  }
}
