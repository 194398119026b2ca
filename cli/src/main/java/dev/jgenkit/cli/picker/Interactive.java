package dev.jgenkit.cli.picker;

import dev.jgenkit.cli.CliEnvironment;
import dev.jgenkit.cli.ExitCode;
import dev.jgenkit.reports.ConsoleStyle;
import dev.jgenkit.runners.TestModelEngine;
import dev.jgenkit.runners.samples.SampleFlowsEngine;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * The interactive loop: pick, run the pick with the normal engine, show the results until a key is
 * pressed, pick again with the query, selection and verdicts kept; quit with the exit code of the
 * last run (0 if none). The selection that ran, or the one left at quitting, is remembered for the
 * next session.
 */
public final class Interactive {
  static final String RETURN_PROMPT = "Press any key to return to the picker";

  private Interactive() {}

  /**
   * The one-line refusal of {@code -i} without a terminal (or with CI set), naming the
   * non-interactive way to select.
   */
  public static String refusal(String command) {
    String flags = command.equals("sample-flows")
        ? "jgenkit sample-flows [SAMPLE|GLOB...] [--phase N] [--plan FILE]"
        : "jgenkit test-model --from-file SPEC [-- CMD ARGS...] (or MODEL [--supports LIST])";
    return "-i needs an interactive terminal (no TTY here, or CI is set); select on the command line"
        + " instead: " + flags;
  }

  /** {@code jgenkit test-model -i}: the picker over {@code request}'s tests. */
  public static int testModel(
      TestModelEngine.Request request,
      Path reportDir,
      CliEnvironment env,
      Function<Runnable, AutoCloseable> onInterrupt)
      throws IOException, InterruptedException {
    ConsoleStyle style = new ConsoleStyle(env.color(), true);
    return run(new TestModelSession(request, reportDir, style, onInterrupt),
        SelectionMemory.forEnvironment(env.env()), env.workingDir().toString(), env.color(), onInterrupt);
  }

  /** {@code jgenkit sample-flows -i}: the picker over {@code request}'s samples and their flows. */
  public static int sampleFlows(
      SampleFlowsEngine.Request request,
      Path samplesDir,
      Path reportDir,
      CliEnvironment env,
      Function<Runnable, AutoCloseable> onInterrupt)
      throws IOException, InterruptedException {
    ConsoleStyle style = new ConsoleStyle(env.color(), true);
    return run(new SampleFlowsSession(request, samplesDir, reportDir, style, onInterrupt),
        SelectionMemory.forEnvironment(env.env()), env.workingDir().toString(), env.color(), onInterrupt);
  }

  /**
   * Runs {@code session} in the terminal until the user quits, then closes it (stopping its
   * runtime).
   *
   * @param onInterrupt registers a hook for Ctrl-C/SIGTERM (the terminal is given back first)
   * @throws IOException when the terminal cannot be opened
   */
  @SuppressWarnings("try") // the terminal is given back on an interrupt while the picker is open
  public static int run(
      PickerSession session,
      SelectionMemory memory,
      String cwd,
      boolean color,
      Function<Runnable, AutoCloseable> onInterrupt)
      throws IOException, InterruptedException {
    try (session) {
      SelectionMemory.Remembered before = memory.load(session.memoryKey());
      session.restore(before);
      PickerState state = initial(session.items(), before);
      int exit = 0;
      List<String> lastRun = before.selected();
      try (Picker picker = Picker.open();
          AutoCloseable restore = onInterrupt.apply(picker::restoreTerminal)) {
        while (true) {
          state = picker.pick(state, session.title(), session::preview, color);
          if (state.outcome() != PickerState.Outcome.RUN) {
            break;
          }
          List<PickerItem> chosen = state.toRun();
          lastRun = chosen.stream().map(PickerItem::key).toList();
          remember(memory, session, cwd, lastRun, state);
          PrintWriter out = picker.beginRun();
          PickerSession.Outcome outcome = session.run(chosen, out);
          exit = outcome.exitCode();
          if (exit == ExitCode.INTERRUPTED) {
            return exit; // Ctrl-C/SIGTERM during the run: jgenkit is on its way out
          }
          state = state.withResults(outcome.results()).withItems(session.items()).picking();
          picker.endRun(RETURN_PROMPT);
        }
      } catch (IOException | InterruptedException | RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      remember(memory, session, cwd, state.selected().isEmpty() ? lastRun
          : state.toRun().stream().map(PickerItem::key).toList(), state);
      return exit;
    }
  }

  /** The first state: every item, the remembered selection preselected and highlighted. */
  static PickerState initial(List<PickerItem> items, SelectionMemory.Remembered before) {
    PickerState state = PickerState.of(items, 1).withSelection(before.selected());
    if (before.highlighted().isPresent()) {
      return state.highlight(before.highlighted().get());
    }
    return before.selected().isEmpty() ? state : state.highlight(before.selected().get(0));
  }

  private static void remember(
      SelectionMemory memory, PickerSession session, String cwd, List<String> selected, PickerState state) {
    memory.save(session.memoryKey(), new SelectionMemory.Remembered(selected,
        state.highlighted().map(PickerItem::key), session.knownFlows(), session.reopenArgs(), cwd,
        Instant.now()));
  }
}
