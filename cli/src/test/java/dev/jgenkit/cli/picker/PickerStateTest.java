package dev.jgenkit.cli.picker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgenkit.runners.results.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The picker's state machine: key → new state, with no terminal. */
class PickerStateTest {
  private static final List<PickerItem> ITEMS = List.of(
      item("Tool Request Conformance"),
      item("Structured Output Conformance"),
      item("Multiturn Conformance"),
      item("System Role Conformance"),
      item("Custom echo"),
      item("Custom streaming echo"));

  private static PickerItem item(String label) {
    return new PickerItem(label, label, "");
  }

  private static PickerState type(PickerState s, String text) {
    return s.on(Key.type(text));
  }

  private static PickerState press(PickerState s, Key.Kind... kinds) {
    for (Key.Kind k : kinds) {
      s = s.on(Key.of(k));
    }
    return s;
  }

  private static List<String> shown(PickerState s) {
    return s.rows().stream().map(r -> r.item().label()).toList();
  }

  @Test
  void startsWithEveryItemInPlanOrderAndTheFirstHighlighted() {
    PickerState s = PickerState.of(ITEMS, 10);

    assertThat(shown(s)).hasSize(6).first().isEqualTo("Tool Request Conformance");
    assertThat(s.highlighted()).contains(ITEMS.get(0));
    assertThat(s.outcome()).isEqualTo(PickerState.Outcome.PICKING);
  }

  @Test
  void typingFiltersAndRanksAndPutsTheCursorOnTheBestMatch() {
    PickerState s = press(PickerState.of(ITEMS, 10), Key.Kind.DOWN, Key.Kind.DOWN);

    s = type(s, "echo");

    assertThat(shown(s)).containsExactly("Custom echo", "Custom streaming echo");
    assertThat(s.cursor()).isZero();
    assertThat(s.query()).isEqualTo("echo");
  }

  @Test
  void backspaceWordDeleteAndClearEditTheQuery() {
    PickerState s = type(PickerState.of(ITEMS, 10), "sys role");

    assertThat(press(s, Key.Kind.BACKSPACE).query()).isEqualTo("sys rol");
    assertThat(press(s, Key.Kind.DELETE_WORD).query()).isEqualTo("sys ");
    assertThat(press(s, Key.Kind.CLEAR_QUERY).query()).isEmpty();
    assertThat(press(PickerState.of(ITEMS, 10), Key.Kind.BACKSPACE).query()).isEmpty();
  }

  @Test
  void upAndDownMoveWithinTheMatchesAndStopAtTheEnds() {
    PickerState s = PickerState.of(ITEMS, 10);

    assertThat(press(s, Key.Kind.UP).cursor()).isZero();
    assertThat(press(s, Key.Kind.DOWN, Key.Kind.DOWN).highlighted()).contains(ITEMS.get(2));
    assertThat(press(s, Key.Kind.LAST, Key.Kind.DOWN).cursor()).isEqualTo(5);
    assertThat(press(s, Key.Kind.LAST, Key.Kind.FIRST).cursor()).isZero();
  }

  @Test
  void theWindowScrollsToKeepTheCursorVisible() {
    PickerState s = PickerState.of(ITEMS, 3);

    s = press(s, Key.Kind.DOWN, Key.Kind.DOWN, Key.Kind.DOWN);

    assertThat(s.top()).isEqualTo(1);
    assertThat(shown(s)).containsExactly("Structured Output Conformance", "Multiturn Conformance",
        "System Role Conformance");
    assertThat(s.rows().get(2).highlighted()).isTrue();
    assertThat(press(s, Key.Kind.PAGE_DOWN).cursor()).isEqualTo(5);
    assertThat(press(s, Key.Kind.PAGE_DOWN, Key.Kind.PAGE_UP).cursor()).isEqualTo(2);
  }

  @Test
  void resizingKeepsTheCursorInTheWindow() {
    PickerState s = press(PickerState.of(ITEMS, 10), Key.Kind.LAST);

    PickerState small = s.resize(2);

    assertThat(small.height()).isEqualTo(2);
    assertThat(small.top()).isEqualTo(4);
    assertThat(shown(small)).containsExactly("Custom echo", "Custom streaming echo");
    assertThat(small.resize(10).top()).isZero();
  }

  @Test
  void tabTogglesTheHighlightedItemAndMovesOn() {
    PickerState s = press(PickerState.of(ITEMS, 10), Key.Kind.TOGGLE, Key.Kind.TOGGLE);

    assertThat(s.selected()).containsExactlyInAnyOrder(ITEMS.get(0).key(), ITEMS.get(1).key());
    assertThat(s.cursor()).isEqualTo(2);
    PickerState back = press(s, Key.Kind.UP, Key.Kind.TOGGLE_UP);
    assertThat(back.selected()).containsExactly(ITEMS.get(0).key());
    assertThat(back.cursor()).isZero();
  }

  @Test
  void theSelectionSurvivesAQueryThatHidesItAndRunsInPlanOrder() {
    // given the last item selected, then the first
    PickerState s = PickerState.of(ITEMS, 10);
    s = press(s, Key.Kind.LAST, Key.Kind.TOGGLE, Key.Kind.FIRST, Key.Kind.TOGGLE);

    // when a query hides both and Enter is pressed
    s = press(type(s, "multiturn"), Key.Kind.ACCEPT);

    // then both run, in plan order, not the highlighted one
    assertThat(s.outcome()).isEqualTo(PickerState.Outcome.RUN);
    assertThat(s.toRun()).containsExactly(ITEMS.get(0), ITEMS.get(5));
  }

  @Test
  void enterRunsTheHighlightedItemWhenNothingIsSelected() {
    PickerState s = press(type(PickerState.of(ITEMS, 10), "role"), Key.Kind.ACCEPT);

    assertThat(s.outcome()).isEqualTo(PickerState.Outcome.RUN);
    assertThat(s.toRun()).containsExactly(ITEMS.get(3));
  }

  @Test
  void enterWithNothingToRunDoesNothing() {
    PickerState s = press(type(PickerState.of(ITEMS, 10), "zzz"), Key.Kind.ACCEPT);

    assertThat(s.outcome()).isEqualTo(PickerState.Outcome.PICKING);
    assertThat(s.rows()).isEmpty();
  }

  @Test
  void ctrlATogglesEveryMatch() {
    PickerState s = press(type(PickerState.of(ITEMS, 10), "custom"), Key.Kind.TOGGLE_ALL);

    assertThat(s.selected()).containsExactlyInAnyOrder("Custom echo", "Custom streaming echo");
    assertThat(press(s, Key.Kind.TOGGLE_ALL).selected()).isEmpty();
  }

  @Test
  void escapeQuitsAndPickingResumesAfterARun() {
    PickerState s = PickerState.of(ITEMS, 10);

    assertThat(press(s, Key.Kind.QUIT).outcome()).isEqualTo(PickerState.Outcome.QUIT);
    assertThat(press(s, Key.Kind.ACCEPT).picking().outcome()).isEqualTo(PickerState.Outcome.PICKING);
  }

  @Test
  void verdictsAreKeptPerItemAndShownOnTheirRows() {
    PickerState s = PickerState.of(ITEMS, 10)
        .withResults(Map.of("Custom echo", new ItemResult(Verdict.FAIL, "nope", 12)))
        .withResults(Map.of("Custom echo", new ItemResult(Verdict.PASS, "", 8)));

    assertThat(s.result("Custom echo")).contains(new ItemResult(Verdict.PASS, "", 8));
    assertThat(s.rows().get(4).result()).contains(new ItemResult(Verdict.PASS, "", 8));
    assertThat(s.rows().get(0).result()).isEmpty();
  }

  @Test
  void newItemsKeepTheQuerySelectionAndHighlightedItem() {
    // given a query, a selection and the cursor on the second match
    PickerState s = press(type(PickerState.of(ITEMS, 10), "custom"), Key.Kind.TOGGLE);
    List<PickerItem> more = new ArrayList<>(ITEMS);
    more.add(item("Custom third echo"));

    // when a run adds an item
    PickerState next = s.withItems(more);

    // then the query re-ranks over all of them, and selection and cursor stay put
    assertThat(next.query()).isEqualTo("custom");
    assertThat(shown(next)).contains("Custom third echo");
    assertThat(next.selected()).containsExactly("Custom echo");
    assertThat(next.highlighted()).contains(ITEMS.get(5));
  }

  @Test
  void aRememberedSelectionIsPreselectedIgnoringKeysThatAreGone() {
    PickerState s = PickerState.of(ITEMS, 10).withSelection(List.of("Custom echo", "Gone"))
        .highlight("Custom echo");

    assertThat(s.selected()).containsExactly("Custom echo");
    assertThat(s.highlighted()).contains(ITEMS.get(4));
  }

  @Test
  void itemKeysMustBeUnique() {
    assertThatThrownBy(() -> PickerState.of(List.of(item("a"), item("a")), 3))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
