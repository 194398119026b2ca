package dev.jgenkit.runners.validate;

import static dev.jgenkit.runners.validate.ValidationFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.MissingNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link JsJson} against outputs recorded from Node's JSON.stringify and JSON.parse. */
class JsJsonValidationTest {

  @Test
  void prettyPrintsLikeJsonStringifyWithIndentTwo() {
    // node -e 'console.log(JSON.stringify(JSON.parse(s), null, 2))'
    String input = "{\"a\":1,\"b\":[1,2,{\"c\":null}],\"d\":{},\"e\":[],\"g\":true,\"h\":1.50}";

    assertThat(JsJson.stringifyPretty(json(input)))
        .isEqualTo(
            "{\n"
                + "  \"a\": 1,\n"
                + "  \"b\": [\n"
                + "    1,\n"
                + "    2,\n"
                + "    {\n"
                + "      \"c\": null\n"
                + "    }\n"
                + "  ],\n"
                + "  \"d\": {},\n"
                + "  \"e\": [],\n"
                + "  \"g\": true,\n"
                + "  \"h\": 1.5\n"
                + "}");
  }

  @Test
  void printsCompactLikeJsonStringify() {
    assertThat(JsJson.stringify(json("{\"a\": [1, {\"b\": \"c\"}], \"d\": {}}")))
        .isEqualTo("{\"a\":[1,{\"b\":\"c\"}],\"d\":{}}");
    assertThat(JsJson.stringify(MissingNode.getInstance())).isEqualTo("undefined");
  }

  @Test
  void ordersArrayIndexKeysFirstLikeJavaScriptObjects() {
    String input =
        "{\"b\":1,\"2\":2,\"a\":3,\"10\":4,\"01\":5,\"4294967294\":6,\"4294967295\":7,\"-1\":8}";

    assertThat(JsJson.stringify(json(input)))
        .isEqualTo(
            "{\"2\":2,\"10\":4,\"4294967294\":6,\"b\":1,\"a\":3,\"01\":5,\"4294967295\":7,\"-1\":8}");
  }

  @Test
  void escapesStringsLikeJavaScript() {
    String input =
        "\"q\\\" b\\\\ n\\n t\\t c\\u0001\\u001f del\\u007f ls\\u2028 /é😀 lone\\ud800\"";

    assertThat(JsJson.stringify(json(input)))
        .isEqualTo("\"q\\\" b\\\\ n\\n t\\t c\\u0001\\u001f del\u007f ls\u2028 /é😀 lone\\ud800\"");
  }

  @ParameterizedTest
  @CsvSource({
    "1.0, 1",
    "0.1, 0.1",
    "-0.0, 0",
    "1e21, 1e+21",
    "1e20, 100000000000000000000",
    "123456789012345678901, 123456789012345680000",
    "12345678901234567890, 12345678901234567000",
    "9007199254740993, 9007199254740992",
    "0.000001, 0.000001",
    "0.0000001, 1e-7",
    "2e-3, 0.002",
    "123e-20, 1.23e-18",
    "4.9e-324, 5e-324",
    "1.7976931348623157e308, 1.7976931348623157e+308",
    "9.5e22, 9.5e+22"
  })
  void printsNumbersLikeJavaScript(String literal, String expected) {
    assertThat(JsJson.stringify(json(literal))).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        " {} ",
        "42",
        "\"s\"",
        "null",
        "[1,{\"a\":[]}]",
        "-0",
        "1e400",
        "\"\\ud800\"",
        "{\"a\":1,\"a\":2}",
        "\n\t{}\r"
      })
  void parseAcceptsWhatJsonParseAccepts(String text) {
    assertThat(JsJson.parse(text)).isPresent();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        "{}x",
        "[1]]",
        "1 2",
        "01",
        "1.",
        ".5",
        "NaN",
        "'a'",
        "[1,]",
        "{\"a\":1,}",
        "\u000b1",
        "/*x*/1",
        "#x\n1",
        "truex",
        "\uFEFF{}",
        "{a:1}",
        "\"\\a\"",
        "\"\t\""
      })
  void parseRejectsWhatJsonParseRejects(String text) {
    assertThat(JsJson.parse(text)).isEmpty();
  }
}
