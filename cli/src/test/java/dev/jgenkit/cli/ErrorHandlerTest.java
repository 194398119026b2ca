package dev.jgenkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The single error boundary: bugs exit 4 with a hint, user errors with their own code. */
class ErrorHandlerTest {
  @Command(name = "boom")
  static final class Boom implements Callable<Integer> {
    @Override
    public Integer call() {
      throw new IllegalStateException("unexpected state");
    }
  }

  @Command(name = "refuse")
  static final class Refuse implements Callable<Integer> {
    @Override
    public Integer call() {
      throw new UserException(ExitCode.RUNTIME_UNAVAILABLE, "no runtime at http://x");
    }
  }

  private static String[] run(Object command, String... args) {
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(command);
    CommonOptions.addTo(cl.getCommandSpec());
    cl.setErr(new PrintWriter(err, true));
    cl.setExecutionExceptionHandler(new ErrorHandler());
    cl.setExitCodeExceptionMapper(ErrorHandler::exitCodeOf);
    int code = cl.execute(args);
    return new String[] {String.valueOf(code), err.toString()};
  }

  @Test
  void aBugExitsFourWithOneLineAndAHintButNoStackTrace() {
    // when
    String[] r = run(new Boom());

    // then
    assertThat(r[0]).isEqualTo("4");
    assertThat(r[1]).startsWith("jgenkit: internal error: java.lang.IllegalStateException: unexpected state")
        .contains("--stacktrace")
        .doesNotContain("\tat ");
  }

  @Test
  void withStacktraceTheTraceIsPrinted() {
    String[] r = run(new Boom(), "--stacktrace");

    assertThat(r[0]).isEqualTo("4");
    assertThat(r[1]).contains("\tat dev.jgenkit.cli.ErrorHandlerTest$Boom.call");
  }

  @Test
  void aUserErrorExitsWithItsOwnCode() {
    String[] r = run(new Refuse());

    assertThat(r[0]).isEqualTo("3");
    assertThat(r[1]).isEqualTo("jgenkit: no runtime at http://x" + System.lineSeparator());
  }
}
