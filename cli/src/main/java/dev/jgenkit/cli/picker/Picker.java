package dev.jgenkit.cli.picker;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.jline.keymap.BindingReader;
import org.jline.keymap.KeyMap;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.Display;
import org.jline.utils.InfoCmp.Capability;
import org.jline.utils.NonBlockingReader;

/**
 * The thin terminal shell around {@link PickerState}: full screen in the alternate buffer, raw
 * input mapped to {@link Key}s, {@link PickerView} drawn after each key and on resize (the size is
 * polled, so no SIGWINCH handler is needed). Ctrl-C is a key while picking; while a pick runs the
 * terminal sends it as a signal again, so an interrupted run behaves as without {@code -i}.
 */
public final class Picker implements AutoCloseable {
  private static final long POLL_MILLIS = 100;

  static {
    // Box-drawing characters as themselves: with the terminal's alternate character set they
    // come out as letters in some terminals and in tmux's captured panes.
    if (System.getProperty(TerminalBuilder.PROP_DISABLE_ALTERNATE_CHARSET) == null) {
      System.setProperty(TerminalBuilder.PROP_DISABLE_ALTERNATE_CHARSET, "true");
    }
  }

  private final Terminal terminal;
  private final Attributes original;
  private final BindingReader input;
  private final KeyMap<Key.Kind> keys;
  private final Display display;
  private final AtomicBoolean restored = new AtomicBoolean();

  private Picker(Terminal terminal) {
    this.terminal = terminal;
    this.original = terminal.enterRawMode();
    signals(false);
    terminal.puts(Capability.enter_ca_mode);
    terminal.puts(Capability.keypad_xmit);
    terminal.flush();
    this.input = new BindingReader(terminal.reader());
    this.keys = keyMap(terminal);
    this.display = new Display(terminal, true);
  }

  /** Takes over the system terminal; fails when there is none that can be driven. */
  public static Picker open() throws IOException {
    // No native signal handlers: jgenkit's own Ctrl-C/SIGTERM handling stays in charge.
    Terminal t = TerminalBuilder.builder().system(true).nativeSignals(false)
        .encoding(StandardCharsets.UTF_8).dumb(false).build();
    if (t.getType() == null || t.getType().startsWith(Terminal.TYPE_DUMB)) {
      t.close();
      throw new IOException("the terminal cannot be driven (type " + t.getType() + ")");
    }
    return new Picker(t);
  }

  /** The key bindings; see {@link Key.Kind}. */
  static KeyMap<Key.Kind> keyMap(Terminal terminal) {
    KeyMap<Key.Kind> k = new KeyMap<>();
    for (char c = ' '; c < 127; c++) {
      k.bind(Key.Kind.TYPE, String.valueOf(c));
    }
    k.setUnicode(Key.Kind.TYPE);
    k.setNomatch(Key.Kind.IGNORE);
    k.setAmbiguousTimeout(100);
    bind(k, terminal, Key.Kind.UP, Capability.key_up, "\033[A", "\033OA", KeyMap.ctrl('P'), KeyMap.ctrl('K'));
    bind(k, terminal, Key.Kind.DOWN, Capability.key_down, "\033[B", "\033OB", KeyMap.ctrl('N'));
    bind(k, terminal, Key.Kind.PAGE_UP, Capability.key_ppage, "\033[5~", KeyMap.ctrl('B'));
    bind(k, terminal, Key.Kind.PAGE_DOWN, Capability.key_npage, "\033[6~", KeyMap.ctrl('F'));
    bind(k, terminal, Key.Kind.FIRST, Capability.key_home, "\033[H", "\033OH", "\033[1~");
    bind(k, terminal, Key.Kind.LAST, Capability.key_end, "\033[F", "\033OF", "\033[4~");
    bind(k, terminal, Key.Kind.TOGGLE, null, "\t");
    bind(k, terminal, Key.Kind.TOGGLE_UP, Capability.key_btab, "\033[Z");
    bind(k, terminal, Key.Kind.TOGGLE_ALL, null, KeyMap.ctrl('A'));
    bind(k, terminal, Key.Kind.ACCEPT, null, "\r", "\n");
    bind(k, terminal, Key.Kind.QUIT, null, KeyMap.esc(), KeyMap.ctrl('C'), KeyMap.ctrl('G'), KeyMap.ctrl('Q'));
    bind(k, terminal, Key.Kind.BACKSPACE, Capability.key_backspace, KeyMap.del(), KeyMap.ctrl('H'));
    bind(k, terminal, Key.Kind.DELETE_WORD, null, KeyMap.ctrl('W'), KeyMap.alt(KeyMap.del()));
    bind(k, terminal, Key.Kind.CLEAR_QUERY, null, KeyMap.ctrl('U'));
    return k;
  }

  private static void bind(KeyMap<Key.Kind> k, Terminal t, Key.Kind kind, Capability cap, String... seqs) {
    if (cap != null) {
      String s = KeyMap.key(t, cap);
      if (s != null && !s.isEmpty()) {
        k.bind(kind, s);
      }
    }
    for (String s : seqs) {
      k.bind(kind, s);
    }
  }

  /**
   * Lets the user work on {@code state} until they press Enter (with something to run) or quit;
   * returns the state with its {@link PickerState#outcome() outcome}.
   */
  public PickerState pick(PickerState state, String title, Function<PickerItem, String> body, boolean color) {
    display.clear();
    Size size = terminal.getSize();
    PickerState s = draw(state.picking(), title, body, color, size);
    while (s.outcome() == PickerState.Outcome.PICKING) {
      int c = input.peekCharacter(POLL_MILLIS);
      if (c == NonBlockingReader.READ_EXPIRED) {
        Size now = terminal.getSize();
        if (!now.equals(size)) {
          size = now;
          display.clear();
          s = draw(s, title, body, color, size);
        }
        continue;
      }
      Key.Kind kind = c == NonBlockingReader.EOF ? Key.Kind.QUIT : input.readBinding(keys);
      Key key = kind == null ? Key.of(Key.Kind.QUIT)
          : kind == Key.Kind.TYPE ? Key.type(input.getLastBinding()) : Key.of(kind);
      s = s.on(key);
      if (s.outcome() == PickerState.Outcome.PICKING) {
        s = draw(s, title, body, color, size);
      }
    }
    return s;
  }

  private PickerState draw(
      PickerState state, String title, Function<PickerItem, String> body, boolean color, Size size) {
    int rows = Math.max(4, size.getRows());
    int cols = Math.max(20, size.getColumns());
    PickerState s = state.resize(PickerView.layout(cols, rows).listRows());
    PickerView.Screen screen = PickerView.render(s, title, body, cols, rows, color);
    Size drawn = Size.of(cols, rows);
    display.resize(drawn);
    display.update(screen.lines(), drawn.cursorPos(screen.cursorRow(), screen.cursorColumn()));
    terminal.flush();
    return s;
  }

  /**
   * Leaves the picker screen for a run: a cleared screen to print on, typed keys not echoed,
   * Ctrl-C a signal again.
   */
  public PrintWriter beginRun() {
    terminal.puts(Capability.clear_screen);
    terminal.flush();
    signals(true);
    return terminal.writer();
  }

  /** Ends a run: shows {@code prompt}, waits for any key, and comes back to the picker. */
  public void endRun(String prompt) {
    signals(false);
    PrintWriter w = terminal.writer();
    w.println();
    w.print(prompt);
    w.flush();
    // Keys typed while the run went on do not count as the answer.
    while (input.peekCharacter(1) >= 0) {
      input.readCharacter();
    }
    int c = input.peekCharacter(Long.MAX_VALUE / 2);
    if (c >= 0) {
      input.readBinding(keys);
    }
    terminal.puts(Capability.clear_screen);
    terminal.flush();
    display.clear();
  }

  private void signals(boolean on) {
    Attributes a = terminal.getAttributes();
    a.setLocalFlag(Attributes.LocalFlag.ISIG, on);
    a.setLocalFlag(Attributes.LocalFlag.ECHO, false);
    a.setLocalFlag(Attributes.LocalFlag.ICANON, false);
    terminal.setAttributes(a);
  }

  /** Gives the terminal back as it was (idempotent; also from an interrupt hook's thread). */
  public void restoreTerminal() {
    if (!restored.compareAndSet(false, true)) {
      return;
    }
    try {
      terminal.puts(Capability.keypad_local);
      terminal.puts(Capability.exit_ca_mode);
      terminal.flush();
      terminal.setAttributes(original);
    } catch (RuntimeException e) {
      // the terminal is gone: nothing to restore
    }
  }

  @Override
  public void close() throws IOException {
    restoreTerminal();
    terminal.close();
  }
}
