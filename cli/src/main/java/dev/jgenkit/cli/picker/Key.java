package dev.jgenkit.cli.picker;

import java.util.Objects;

/**
 * A key press as the picker understands it; the terminal loop maps raw input to these.
 *
 * @param text the typed characters, for {@link Kind#TYPE}
 */
public record Key(Kind kind, String text) {
  /** What a key does. */
  public enum Kind {
    /** Printable characters: appended to the query. */
    TYPE,
    /** Backspace: deletes the query's last character. */
    BACKSPACE,
    /** Ctrl-W: deletes the query's last word. */
    DELETE_WORD,
    /** Ctrl-U: clears the query. */
    CLEAR_QUERY,
    /** Up, Ctrl-P, Ctrl-K. */
    UP,
    /** Down, Ctrl-N, Ctrl-J. */
    DOWN,
    PAGE_UP,
    PAGE_DOWN,
    /** Home: the first match. */
    FIRST,
    /** End: the last match. */
    LAST,
    /** Tab: toggles the highlighted item and moves down. */
    TOGGLE,
    /** Shift-Tab: toggles the highlighted item and moves up. */
    TOGGLE_UP,
    /** Ctrl-A: selects every match, or clears them when all are selected. */
    TOGGLE_ALL,
    /** Enter: runs the selection, or the highlighted item when nothing is selected. */
    ACCEPT,
    /** Esc, Ctrl-C, Ctrl-G, Ctrl-Q: quits. */
    QUIT,
    /** Anything else. */
    IGNORE
  }

  public Key {
    Objects.requireNonNull(kind, "kind");
    text = text == null ? "" : text;
  }

  public static Key of(Kind kind) {
    return new Key(kind, "");
  }

  public static Key type(String text) {
    return new Key(Kind.TYPE, text);
  }
}
