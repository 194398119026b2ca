package dev.jgenkit.runners.validate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link WhatwgUrl} against Node's {@code new URL(s)} (recorded with Node 20). */
class WhatwgUrlValidationTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://example.com/a.png",
        "http:example.com",
        "http:/example.com",
        "http:///example.com",
        "https://example.com/a b|c[d]^`{}",
        "https://exa_mple.com/",
        "https://user:pa ss@example.com/",
        "https://example.com:65535/",
        "https://example.com:/",
        "https://1.2.3.4/",
        "https://0x7f.1/",
        "https://4294967295/",
        "https://[::1]/",
        "https://[::ffff:1.2.3.4]:8080/x",
        "https://bücher.de/",
        "https://ex%41mple.com/",
        "https://example.com\\path",
        "http+unix://%2Fsock/x",
        "httpx://",
        "httpx:anything goes here",
        "  https://example.com  ",
        "https://ex\tample.com/",
        "https://us@er@example.com/",
        "https://@example.com"
      })
  void acceptsWhatNewUrlAccepts(String url) {
    assertThat(WhatwgUrl.isValid(url)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://",
        "https://",
        "http",
        "httpx",
        "http//example.com",
        "https://exa mple.com/",
        "https://user@",
        "https://example.com:65536/",
        "https://example.com:8a/",
        "https://:80/",
        "https://999.1.1.1/",
        "https://foo.0x/",
        "https://foo.09/",
        "https://4294967296/",
        "https://1.2.3.4.5/",
        "https://[::1/",
        "https://[1:2]/",
        "https://[fe80::1%25eth0]/",
        "https://ex%25ample.com/",
        "https://exa<mple.com/",
        "httpx://a b/",
        "httpx://:80",
        "https://example.com:80:80/"
      })
  void rejectsWhatNewUrlRejects(String url) {
    assertThat(WhatwgUrl.isValid(url)).isFalse();
  }
}
