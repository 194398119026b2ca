package dev.jgenkit.cli.picker;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * Draws a {@link PickerState} as screen lines, a pure function of the state and the terminal size.
 *
 * <pre>
 * jgenkit test-model · specs/good.yaml                                     2/14 · 1 selected
 * &gt; sys
 * ▌● ✓ reference/good › System Role Conformance  system-role
 *      reference/good › Streaming Structured Output Conformance  streaming-structured-output
 * ━━ reference/good › System Role Conformance ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
 * Last run: ✓ PASS in 12 ms
 *
 * model: reference/good
 * ...
 * ↑↓ move · Tab select · ^A all · Enter run · Esc quit
 * </pre>
 *
 * <p>The rules are {@code ━} and {@code ▏}: jline prints the light box-drawing lines as ASCII once
 * the terminal's alternate character set is off (see {@link Picker}).
 *
 * <p>From {@value #SIDE_BY_SIDE_WIDTH} columns the preview sits right of the list; below that it
 * sits under the list (at 80×24: 10 list rows, 10 preview rows); under {@value #MIN_PREVIEW_ROWS}
 * spare rows there is no preview.
 */
public final class PickerView {
  static final int SIDE_BY_SIDE_WIDTH = 100;
  static final int MIN_PREVIEW_ROWS = 8;
  static final String HELP = "↑↓ move · Tab select · ^A all · Enter run · Esc quit";

  /**
   * What to draw.
   *
   * @param cursorRow where the terminal cursor goes (the end of the query)
   */
  public record Screen(List<AttributedString> lines, int cursorRow, int cursorColumn) {
    public Screen {
      lines = List.copyOf(lines);
    }

    /** The screen as plain text, one line per row (for tests). */
    public String text() {
      StringBuilder sb = new StringBuilder();
      lines.forEach(l -> sb.append(l.toString()).append('\n'));
      return sb.toString();
    }
  }

  /**
   * How the screen is split.
   *
   * @param listRows rows of the list (the state's height)
   * @param previewRows rows of the preview, 0 for none
   */
  public record Layout(
      int width, int height, int listRows, int listWidth, boolean sideBySide, int previewRows,
      int previewWidth) {}

  private PickerView() {}

  /** The split for a {@code width} × {@code height} terminal. */
  public static Layout layout(int width, int height) {
    int w = Math.max(1, width);
    int middle = Math.max(1, height - 3);
    if (w >= SIDE_BY_SIDE_WIDTH && middle >= 3) {
      int listWidth = w / 2;
      return new Layout(w, height, middle, listWidth, true, middle, w - listWidth - 2);
    }
    if (middle >= MIN_PREVIEW_ROWS) {
      int listRows = (middle - 1) / 2;
      return new Layout(w, height, listRows, w, false, middle - 1 - listRows, w);
    }
    return new Layout(w, height, middle, w, false, 0, 0);
  }

  /**
   * The whole screen.
   *
   * @param body the preview text of an item (a request as YAML, a README)
   */
  public static Screen render(
      PickerState state, String title, Function<PickerItem, String> body, int width, int height,
      boolean color) {
    Layout layout = layout(width, height);
    List<AttributedString> lines = new ArrayList<>();
    lines.add(header(state, title, layout.width(), color));
    lines.add(cut(new AttributedStringBuilder().style(bold(color, AttributedStyle.CYAN)).append("> ")
        .style(AttributedStyle.DEFAULT).append(state.query()).toAttributedString(), layout.width()));
    List<AttributedString> list = list(state, layout.listWidth(), layout.listRows(), color);
    Optional<PickerItem> current = state.highlighted();
    List<AttributedString> preview = layout.previewRows() == 0 || current.isEmpty()
        ? List.of()
        : Preview.render(state.result(current.get().key()), body.apply(current.get()),
            layout.previewWidth(), layout.previewRows(), color);
    if (layout.sideBySide()) {
      AttributedString bar = new AttributedString("▏", Preview.dim(color));
      for (int i = 0; i < layout.listRows(); i++) {
        AttributedStringBuilder row = new AttributedStringBuilder();
        AttributedString left = list.get(i);
        row.append(left).append(" ".repeat(Math.max(0, layout.listWidth() - left.columnLength())))
            .append(bar).append(' ');
        if (i < preview.size()) {
          row.append(preview.get(i));
        }
        lines.add(cut(row.toAttributedString(), layout.width()));
      }
    } else {
      lines.addAll(list);
      if (layout.previewRows() > 0) {
        lines.add(separator(current.map(PickerItem::label).orElse(""), layout.width(), color));
        for (int i = 0; i < layout.previewRows(); i++) {
          lines.add(i < preview.size() ? preview.get(i) : AttributedString.EMPTY);
        }
      }
    }
    while (lines.size() < height - 1) {
      lines.add(AttributedString.EMPTY);
    }
    lines.add(cut(new AttributedString(HELP, Preview.dim(color)), layout.width()));
    int cursorColumn = Math.min(layout.width() - 1, 2 + new AttributedString(state.query()).columnLength());
    return new Screen(lines.subList(0, Math.min(lines.size(), Math.max(1, height))), 1, cursorColumn);
  }

  private static AttributedString header(PickerState state, String title, int width, boolean color) {
    String count = state.hits().size() + "/" + state.items().size()
        + (state.selected().isEmpty() ? "" : " · " + state.selected().size() + " selected");
    AttributedString left = new AttributedString(title, bold(color, -1));
    int room = width - count.length() - 2;
    if (room < 1) {
      return cut(left, width);
    }
    AttributedString t = cut(left, room);
    return new AttributedStringBuilder().append(t)
        .append(" ".repeat(Math.max(2, width - t.columnLength() - count.length())))
        .append(count).toAttributedString();
  }

  /** Exactly {@code rows} rows, each at most {@code width} columns. */
  static List<AttributedString> list(PickerState state, int width, int rows, boolean color) {
    List<AttributedString> out = new ArrayList<>();
    if (state.hits().isEmpty()) {
      out.add(new AttributedString(state.items().isEmpty() ? "  nothing to pick" : "  no match",
          Preview.dim(color)));
    }
    for (PickerState.Row r : state.rows()) {
      out.add(cut(row(r, color), width));
    }
    while (out.size() < rows) {
      out.add(AttributedString.EMPTY);
    }
    return out.subList(0, rows);
  }

  /** {@code ▌● ✓ label  detail}: cursor, selection, latest verdict, label with matches lit. */
  static AttributedString row(PickerState.Row r, boolean color) {
    AttributedStringBuilder b = new AttributedStringBuilder();
    b.style(bold(color, AttributedStyle.CYAN)).append(r.highlighted() ? "▌" : " ");
    b.style(bold(color, AttributedStyle.MAGENTA)).append(r.selected() ? "●" : " ");
    b.style(AttributedStyle.DEFAULT).append(' ');
    if (r.result().isPresent()) {
      b.append(Preview.mark(r.result().get().verdict(), color));
    } else {
      b.append(' ');
    }
    b.append(' ');
    String label = r.item().label();
    Set<Integer> lit = new HashSet<>(r.match().positions());
    AttributedStyle base = r.highlighted() ? AttributedStyle.BOLD : AttributedStyle.DEFAULT;
    AttributedStyle match = color
        ? base.foreground(AttributedStyle.GREEN).bold()
        : base.underline();
    for (int i = 0; i < label.length(); i++) {
      char c = label.charAt(i);
      if (Character.isISOControl(c)) {
        continue;
      }
      b.style(lit.contains(i) ? match : base).append(c);
    }
    if (!r.item().detail().isEmpty()) {
      b.style(Preview.dim(color)).append("  ").append(Preview.clean(r.item().detail()).replace('\n', ' '));
    }
    return b.toAttributedString();
  }

  private static AttributedString separator(String label, int width, boolean color) {
    String text = "━━ " + label + " ";
    AttributedString s = Preview.cut(new AttributedString(text), width);
    return new AttributedString(s.toString() + "━".repeat(Math.max(0, width - s.columnLength())),
        Preview.dim(color));
  }

  private static AttributedStyle bold(boolean color, int c) {
    return color && c >= 0 ? AttributedStyle.BOLD.foreground(c) : AttributedStyle.BOLD;
  }

  private static AttributedString cut(AttributedString s, int width) {
    return Preview.cut(s, width);
  }
}
