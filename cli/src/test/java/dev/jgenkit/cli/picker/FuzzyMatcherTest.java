package dev.jgenkit.cli.picker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** fzf-style fuzzy matching: in-order characters, boundary and consecutive bonuses, stable ties. */
class FuzzyMatcherTest {
  private static List<String> ranked(String query, String... texts) {
    List<String> all = List.of(texts);
    return FuzzyMatcher.rank(query, all).stream().map(h -> all.get(h.index())).toList();
  }

  @Test
  void charactersMustAppearInOrder() {
    assertThat(FuzzyMatcher.match("tlo", "tool")).isEmpty();
    assertThat(FuzzyMatcher.match("tol", "tool")).isPresent();
    assertThat(FuzzyMatcher.match("x", "tool")).isEmpty();
    assertThat(FuzzyMatcher.match("toolong", "tool")).isEmpty();
  }

  @Test
  void consecutiveMatchesRankAboveScatteredOnes() {
    // given "tool" scattered through the first text and consecutive in the second
    List<String> order = ranked("tool", "text of old logs", "a tool");

    // then the consecutive match wins although it comes later in plan order
    assertThat(order).containsExactly("a tool", "text of old logs");
  }

  @Test
  void wordBoundaryMatchesRankAboveMidWordOnes() {
    // "rc" is consecutive inside "sourcecode", but starts two words in "Request Conformance"
    assertThat(ranked("rc", "sourcecode", "Request Conformance"))
        .containsExactly("Request Conformance", "sourcecode");
    // camelCase humps and digits count as boundaries too
    assertThat(ranked("sf", "useful", "shoppingFlow")).containsExactly("shoppingFlow", "useful");
    // so do delimiters: the match after "/" beats the one inside a word
    assertThat(ranked("g", "reference/good", "big")).containsExactly("reference/good", "big");
  }

  @Test
  void firstCharacterOnABoundaryCountsDouble() {
    FuzzyMatcher.Match start = FuzzyMatcher.match("t", "tool").orElseThrow();
    FuzzyMatcher.Match inside = FuzzyMatcher.match("t", "atom").orElseThrow();

    assertThat(start.score()).isEqualTo(FuzzyMatcher.SCORE_MATCH
        + FuzzyMatcher.BONUS_BOUNDARY_WHITE * FuzzyMatcher.BONUS_FIRST_CHAR_MULTIPLIER);
    assertThat(inside.score()).isEqualTo(FuzzyMatcher.SCORE_MATCH);
  }

  @Test
  void tiesKeepThePlanOrder() {
    assertThat(ranked("conf", "Multiturn Conformance", "System Role Conformance", "Tool Request Conformance"))
        .containsExactly("Multiturn Conformance", "System Role Conformance", "Tool Request Conformance");
    assertThat(ranked("", "b", "a", "c")).containsExactly("b", "a", "c");
  }

  @Test
  void positionsAreTheBestAlignmentNotTheFirstOne() {
    // the greedy first "r" is in "reference"; the best alignment uses the word starts
    FuzzyMatcher.Match m = FuzzyMatcher.match("rc", "reference/good › Request Conformance").orElseThrow();

    assertThat(m.positions()).containsExactly(17, 25);
  }

  @Test
  void positionsOfAConsecutiveRunAreHighlightedTogether() {
    FuzzyMatcher.Match m = FuzzyMatcher.match("echo", "Custom streaming echo").orElseThrow();

    assertThat(m.positions()).containsExactly(17, 18, 19, 20);
  }

  @Test
  void smartCaseIgnoresCaseUnlessTheQueryHasCapitals() {
    assertThat(FuzzyMatcher.match("tool", "Tool Request")).isPresent();
    assertThat(FuzzyMatcher.match("Tool", "tool request")).isEmpty();
    assertThat(FuzzyMatcher.match("Tool", "Tool request")).isPresent();
  }

  @Test
  void spaceSeparatedTermsMustAllMatchAndTheirScoresAdd() {
    FuzzyMatcher.Match both = FuzzyMatcher.match("sys role", "System Role Conformance").orElseThrow();

    assertThat(FuzzyMatcher.match("sys tool", "System Role Conformance")).isEmpty();
    assertThat(both.positions()).containsExactly(0, 1, 2, 7, 8, 9, 10);
    assertThat(both.score()).isEqualTo(FuzzyMatcher.match("sys", "System Role Conformance").orElseThrow().score()
        + FuzzyMatcher.match("role", "System Role Conformance").orElseThrow().score());
  }

  @Test
  void aBlankQueryMatchesEverythingWithNothingHighlighted() {
    FuzzyMatcher.Match m = FuzzyMatcher.match("  ", "anything").orElseThrow();

    assertThat(m.score()).isZero();
    assertThat(m.positions()).isEmpty();
  }
}
