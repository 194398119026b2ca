package dev.jgenkit.reports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTest {
  @Test
  void durationsAreMillisecondsBelowOneSecondElseSecondsWithOneDecimal() {
    assertThat(Text.duration(0)).isEqualTo("0 ms");
    assertThat(Text.duration(999)).isEqualTo("999 ms");
    assertThat(Text.duration(1000)).isEqualTo("1.0 s");
    assertThat(Text.duration(1249)).isEqualTo("1.2 s");
    assertThat(Text.duration(1250)).isEqualTo("1.3 s");
    assertThat(Text.duration(120_000)).isEqualTo("120.0 s");
  }

  @Test
  void junitSecondsHaveThreeDecimals() {
    assertThat(Text.seconds(12)).isEqualTo("0.012");
    assertThat(Text.seconds(120_000)).isEqualTo("120.000");
  }

  @Test
  void xmlSafeEscapesOnlyCharactersXml10Forbids() {
    // given
    String text = "a\u0000b\u0008c\td\ne\rf\uFFFEg\uD800h\uD83D\uDE00i";

    // when
    String safe = Text.xmlSafe(text);

    // then
    assertThat(safe).isEqualTo("a\\u0000b\\u0008c\td\ne\rf\\uFFFEg\\uD800h\uD83D\uDE00i");
  }

  @Test
  void escapeControlsNeutralisesTerminalEscapes() {
    assertThat(Text.escapeControls("red\u001b[31m\tx\u009b\n"))
        .isEqualTo("red\\u001B[31m x\\u009B\\u000A");
    assertThat(Text.escapeControls("a\r\nb\rc\u0007", true)).isEqualTo("a\nb\nc\\u0007");
  }

  @Test
  void truncateCountsCodePointsAndAddsTheEllipsis() {
    assertThat(Text.truncate("abcdef", 6, "…")).isEqualTo("abcdef");
    assertThat(Text.truncate("abcdefg", 6, "…")).isEqualTo("abcde…");
    assertThat(Text.truncate("abcdefg", 6, "...")).isEqualTo("abc...");
    assertThat(Text.truncate("\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00", 2, "…"))
        .isEqualTo("\uD83D\uDE00…");
  }

  @Test
  void joinLinesCollapsesBreaksAndTheIndentationAroundThem() {
    assertThat(Text.joinLines("Error: boom\n    at a\r\n    at b\n"))
        .isEqualTo("Error: boom at a at b");
  }

  @Test
  void displayWidthCountsTerminalColumns() {
    assertThat(Text.displayWidth("Phase 1")).isEqualTo(7);
    assertThat(Text.displayWidth("✅")).isEqualTo(2);
    assertThat(Text.displayWidth("❌")).isEqualTo(2);
    assertThat(Text.displayWidth("⏭")).isEqualTo(1);
    assertThat(Text.displayWidth("⏭\uFE0F")).isEqualTo(1);
    assertThat(Text.displayWidth("·✓○")).isEqualTo(3);
    assertThat(Text.displayWidth("日本")).isEqualTo(4);
    assertThat(Text.padRightColumns("✅", 4)).isEqualTo("✅  ");
  }
}
