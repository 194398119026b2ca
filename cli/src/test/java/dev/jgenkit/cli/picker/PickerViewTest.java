package dev.jgenkit.cli.picker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgenkit.runners.results.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jline.utils.AttributedString;
import org.junit.jupiter.api.Test;

/** The whole screen at 80×24, wider, and tiny; highlighting of matched characters. */
class PickerViewTest {
  private static final List<PickerItem> ITEMS = items(14);

  private static List<PickerItem> items(int n) {
    List<PickerItem> out = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      String label = "reference/good › " + (i == 4 ? "System Role Conformance" : "Test number " + i);
      out.add(new PickerItem("k" + i, label, i == 4 ? "system-role" : ""));
    }
    return out;
  }

  private static PickerView.Screen render(PickerState s, int width, int height, boolean color) {
    PickerState sized = s.resize(PickerView.layout(width, height).listRows());
    return PickerView.render(sized, "jgenkit test-model · good.yaml", i -> "body of " + i.label(), width, height, color);
  }

  @Test
  void at80By24TheListSitsAboveThePreview() {
    PickerView.Layout layout = PickerView.layout(80, 24);
    assertThat(layout.sideBySide()).isFalse();
    assertThat(layout.listRows()).isEqualTo(10);
    assertThat(layout.previewRows()).isEqualTo(10);

    PickerState s = PickerState.of(ITEMS, 1).on(Key.type("sys")).on(Key.of(Key.Kind.TOGGLE))
        .withResults(Map.of("k4", new ItemResult(Verdict.PASS, "", 12)));
    PickerView.Screen screen = render(s.on(Key.of(Key.Kind.UP)), 80, 24, false);
    List<String> lines = screen.text().lines().toList();

    assertThat(lines).hasSize(24);
    assertThat(screen.lines()).allSatisfy(l -> assertThat(l.columnLength()).isLessThanOrEqualTo(80));
    assertThat(lines.get(0)).startsWith("jgenkit test-model · good.yaml").endsWith("1/14 · 1 selected");
    assertThat(lines.get(1)).isEqualTo("> sys");
    assertThat(lines.get(2)).isEqualTo("▌● ✓ reference/good › System Role Conformance  system-role");
    assertThat(lines.get(12)).startsWith("━━ reference/good › System Role Conformance ━━").hasSize(80);
    assertThat(lines.get(13)).isEqualTo("Last run: ✓ PASS in 12 ms");
    assertThat(lines.get(15)).isEqualTo("body of reference/good › System Role Conformance");
    assertThat(lines.get(23)).isEqualTo(PickerView.HELP);
    assertThat(screen.cursorRow()).isEqualTo(1);
    assertThat(screen.cursorColumn()).isEqualTo(5);
  }

  @Test
  void theListShowsAWindowOfTheMatchesAroundTheCursor() {
    PickerState s = PickerState.of(ITEMS, 10);
    for (int i = 0; i < 12; i++) {
      s = s.on(Key.of(Key.Kind.DOWN));
    }

    List<String> lines = render(s, 80, 24, false).text().lines().toList();

    assertThat(lines.get(2)).contains("System Role Conformance").doesNotContain("▌");
    assertThat(lines.get(11)).startsWith("▌").contains("Test number 13");
  }

  @Test
  void wideTerminalsPutThePreviewBesideTheListAndResizesAreFollowed() {
    PickerState s = PickerState.of(ITEMS, 1);

    PickerView.Screen wide = render(s, 120, 30, false);
    PickerView.Screen narrow = render(s, 80, 24, false);

    assertThat(PickerView.layout(120, 30).sideBySide()).isTrue();
    assertThat(wide.lines()).hasSize(30);
    assertThat(wide.text().lines().toList().get(2))
        .startsWith("▌    reference/good › Test number 1")
        .contains("▏ Last run: not run yet");
    assertThat(wide.lines()).allSatisfy(l -> assertThat(l.columnLength()).isLessThanOrEqualTo(120));
    assertThat(narrow.text()).doesNotContain("▏");
  }

  @Test
  void tinyTerminalsDropThePreviewButStillFit() {
    PickerView.Screen screen = render(PickerState.of(ITEMS, 1), 30, 6, false);

    assertThat(screen.lines()).hasSize(6);
    assertThat(screen.lines()).allSatisfy(l -> assertThat(l.columnLength()).isLessThanOrEqualTo(30));
    assertThat(screen.text()).doesNotContain("Last run");
    assertThat(screen.text().lines().toList().get(2)).endsWith("…");
  }

  @Test
  void noMatchIsSaid() {
    List<String> lines = render(PickerState.of(ITEMS, 1).on(Key.type("zzz")), 80, 24, false).text().lines().toList();

    assertThat(lines.get(0)).endsWith("0/14");
    assertThat(lines.get(2)).isEqualTo("  no match");
  }

  @Test
  void matchedCharactersAreHighlighted() {
    PickerState s = PickerState.of(ITEMS, 1).on(Key.type("sys"));

    AttributedString plain = PickerView.row(s.rows().get(0), false);
    AttributedString colored = PickerView.row(s.rows().get(0), true);

    // the label starts after "▌  " and the empty verdict column: "▌    "
    int labelStart = 5;
    int s0 = labelStart + "reference/good › ".length();
    assertThat(plain.toString().substring(s0, s0 + 3)).isEqualTo("Sys");
    assertThat(plain.styleAt(s0)).isNotEqualTo(plain.styleAt(s0 + 3));
    assertThat(plain.styleAt(s0)).isEqualTo(plain.styleAt(s0 + 2));
    assertThat(plain.columnSubSequence(s0, s0 + 1).toAnsi()).contains("\u001b[").contains("4");
    assertThat(colored.columnSubSequence(s0, s0 + 1).toAnsi()).contains("32");
    assertThat(colored.columnSubSequence(s0 + 3, s0 + 4).toAnsi()).doesNotContain("32");
  }
}
