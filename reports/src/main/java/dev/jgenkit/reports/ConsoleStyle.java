package dev.jgenkit.reports;

/**
 * How console output may decorate itself.
 *
 * @param color emit ANSI colour escapes
 * @param unicode use symbols such as {@code ✓ ✗ ○ …}; otherwise ASCII only
 */
public record ConsoleStyle(boolean color, boolean unicode) {
  /** Colour and Unicode, for an interactive terminal. */
  public static final ConsoleStyle RICH = new ConsoleStyle(true, true);

  /** Unicode without colour, for logs and non-TTY output. */
  public static final ConsoleStyle PLAIN = new ConsoleStyle(false, true);

  /** Neither colour nor Unicode, for the most limited consoles. */
  public static final ConsoleStyle ASCII = new ConsoleStyle(false, false);
}
