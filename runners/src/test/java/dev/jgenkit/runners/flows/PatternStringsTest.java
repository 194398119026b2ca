package dev.jgenkit.runners.flows;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The regex subset input synthesis generates strings for, and what it refuses. */
class PatternStringsTest {
  private static final long NO_MAX = PatternStrings.UNBOUNDED;

  private static List<String> strings(String pattern, long minLength, long maxLength, int want) {
    PatternStrings.Result result =
        PatternStrings.generate(List.of(pattern), minLength, maxLength, want);
    assertThat(result.problem()).isEmpty();
    return result.values();
  }

  private static String first(String pattern) {
    return strings(pattern, 0, NO_MAX, 1).get(0);
  }

  private static String problem(String pattern, long minLength, long maxLength) {
    PatternStrings.Result result =
        PatternStrings.generate(List.of(pattern), minLength, maxLength, 1);
    assertThat(result.values()).isEmpty();
    return result.problem();
  }

  private static String problem(String pattern) {
    return problem(pattern, 0, NO_MAX);
  }

  @Test
  void literalsAndAnchors() {
    assertThat(first("abc")).isEqualTo("abc");
    assertThat(first("^abc$")).isEqualTo("abc");
    assertThat(first("^\\$\\d+\\.\\d{2}$")).isEqualTo("$0.00");
  }

  @Test
  void characterClasses() {
    assertThat(first("^[A-Z]$")).isEqualTo("A");
    assertThat(first("^[a-z0-9_-]{3}$")).isEqualTo("aaa");
    assertThat(first("^[^@\\s]+@[^@\\s]+$")).isEqualTo("a@a");
    assertThat(first("^[0-9A-HJKMNP-TV-Z]{26}$")).isEqualTo("A".repeat(26));
    assertThat(first("^[\\d.]$")).isEqualTo("0");
  }

  @Test
  void shorthandClassesAndDot() {
    assertThat(first("^\\d\\w\\s\\D\\W\\S.$")).isEqualTo("0a a aa");
  }

  @Test
  void escapes() {
    assertThat(first("^\\u00e9\\x41\\t$")).isEqualTo("éA\t");
  }

  @Test
  void quantifiers() {
    assertThat(first("^a{2,3}$")).isEqualTo("aa");
    assertThat(first("^a{2,}$")).isEqualTo("aa");
    assertThat(first("^ab*c$")).isEqualTo("ac");
    assertThat(first("^ab+c$")).isEqualTo("abc");
    assertThat(first("^colou?r$")).isEqualTo("color");
    assertThat(first("^a+?b*?$")).isEqualTo("a");
  }

  @Test
  void groupsAndAlternation() {
    assertThat(first("^(cat|dog)s?$")).isEqualTo("cat");
    assertThat(first("^(?:ab)+$")).isEqualTo("ab");
    assertThat(first("^(?<year>\\d{4})-(?<month>0[1-9]|1[0-2])$")).isEqualTo("0000-01");
    assertThat(first("^(a|bb|ccc)$")).isEqualTo("a");
  }

  @Test
  void lengthBoundsChooseTheRepetitions() {
    assertThat(strings("^[a-z]+$", 5, 8, 1)).containsExactly("aaaaa");
    assertThat(strings("^(a|bbb)$", 2, 3, 1)).containsExactly("bbb");
    assertThat(strings("^x\\d*y$", 6, NO_MAX, 1)).containsExactly("x0000y");
  }

  @Test
  void unanchoredPatternsArePaddedToMinLength() {
    assertThat(strings("\\d", 4, NO_MAX, 1)).containsExactly("0xxx");
  }

  @Test
  void variantsRotateClassesAndAlternatives() {
    assertThat(strings("^[a-c]$", 0, NO_MAX, 5)).containsExactly("a", "b", "c");
    assertThat(strings("^[A-Z]{2}-\\d$", 0, NO_MAX, 3)).containsExactly("AA-0", "BB-1", "CC-2");
    assertThat(strings("^(red|green)$", 0, NO_MAX, 3)).containsExactly("red", "green");
  }

  @Test
  void severalPatternsAreCombinedStartMiddleEnd() {
    PatternStrings.Result result =
        PatternStrings.generate(List.of("m", "yz$", "^ab"), 0, NO_MAX, 1);

    assertThat(result.values()).containsExactly("abmyz");
  }

  @Test
  void severalPatternsThatCannotAgreeAreImpossible() {
    PatternStrings.Result result = PatternStrings.generate(List.of("^a$", "^b$"), 0, NO_MAX, 1);

    assertThat(result.problem())
        .isEqualTo(
            "patterns '^a$', '^b$' cannot be satisfied together: no generated string matches all of"
                + " them");
  }

  @Test
  void unsupportedConstructsAreNamed() {
    assertThat(problem("^(?=.*\\d).+$"))
        .isEqualTo(
            "pattern '^(?=.*\\d).+$' cannot be satisfied: lookahead '(?=', which input synthesis"
                + " does not support");
    assertThat(problem("(?<!x)y")).contains("lookbehind '(?<!'");
    assertThat(problem("(a)\\1")).contains("backreference '\\1'");
    assertThat(problem("\\bword\\b")).contains("word boundary '\\b'");
    assertThat(problem("^\\p{L}+$")).contains("unicode property '\\p'");
    assertThat(problem("(?i)abc")).contains("group syntax '(?' at 0 (inline flags or similar)");
    assertThat(problem("[[a]]")).contains("'[' inside a character class");
    assertThat(problem("a{100001}")).contains("a repetition count above 10000");
  }

  @Test
  void patternsTheJdkCannotCompileAreRefused() {
    assertThat(problem("(abc")).startsWith("pattern '(abc' is not a valid regular expression: ");
  }

  @Test
  void lengthContradictionsAreExplained() {
    assertThat(problem("^[A-Z]{3}-\\d{4}$", 0, 4))
        .isEqualTo("pattern '^[A-Z]{3}-\\d{4}$' needs at least 8 characters but maxLength is 4");
    assertThat(problem("^a$", 2, NO_MAX))
        .isEqualTo(
            "pattern '^a$' matches at most 1 characters but minLength is 2 (and the pattern is"
                + " anchored)");
  }

  @Test
  void anchorsInTheMiddleCannotBeSatisfied() {
    assertThat(problem("a^b"))
        .isEqualTo("pattern 'a^b' cannot be satisfied: no generated string matches it");
  }
}
