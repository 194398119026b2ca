package dev.jgenkit.reports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactionTest {
  @Test
  void shortensLongDataUrlsKeepingTypePrefixAndDecodedSize() {
    // given a 200-char base64 payload: 150 decoded bytes
    String text = "see data:image/png;base64," + SampleRuns.LONG_BASE64 + " here";

    // when
    String shortened = Redaction.shorten(text);

    // then
    assertThat(shortened).isEqualTo("see data:image/png;base64,iVBORw0KGgoAAAAN…(150 bytes) here");
  }

  @Test
  void countsPaddingWhenComputingTheDecodedSize() {
    // given 120 base64 chars ending in "==": 90 - 2 = 88 bytes
    String url = "data:audio/wav;base64," + "QUJD".repeat(29) + "QQ==";

    // when / then
    assertThat(Redaction.shorten(url))
        .isEqualTo("data:audio/wav;base64,QUJDQUJDQUJDQUJD…(88 bytes)");
  }

  @Test
  void keepsMediaTypeParameters() {
    // given
    String url = "data:text/plain;charset=utf-8;base64," + "A".repeat(100);

    // when / then
    assertThat(Redaction.shorten(url))
        .isEqualTo("data:text/plain;charset=utf-8;base64,AAAAAAAAAAAAAAAA…(75 bytes)");
  }

  @Test
  void leavesShortDataUrlsAndOtherTextAlone() {
    // given
    String text = "tiny data:image/gif;base64,R0lGODlhAQABAAAAACw= and data: not a url";

    // when / then
    assertThat(Redaction.shorten(text)).isEqualTo(text);
    assertThat(Redaction.redact(null)).isEmpty();
  }

  @Test
  void shortensEveryDataUrlInTheText() {
    // given
    String url = "data:image/jpeg;base64," + "/9j/".repeat(30);

    // when
    String shortened = Redaction.redact(url + "\n" + url);

    // then
    assertThat(shortened)
        .isEqualTo(
            "data:image/jpeg;base64,/9j//9j//9j//9j/…(90 bytes)\n"
                + "data:image/jpeg;base64,/9j//9j//9j//9j/…(90 bytes)");
  }
}
