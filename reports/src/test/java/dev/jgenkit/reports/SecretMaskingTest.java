package dev.jgenkit.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SecretMaskingTest {
  @AfterEach
  void forget() {
    Redaction.maskSecretsFrom(Map.of());
  }

  @Test
  void masksValuesOfSecretLookingVariablesEvenWhenAModelEchoesThem() {
    // given
    Redaction.maskSecretsFrom(Map.of(
        "GEMINI_API_KEY", "AIzaSyPLANTED-secret-123",
        "HF_TOKEN", "hf_abcdefgh",
        "MY_PASSWORD", "hunter2hunter2",
        "HOME", "/root",
        "SHORT_KEY", "abc"));

    // when
    String text = Redaction.redact("Echo: AIzaSyPLANTED-secret-123 and hf_abcdefgh; pw=hunter2hunter2 in /root abc");

    // then
    assertThat(text).isEqualTo("Echo: *** and ***; pw=*** in /root abc");
  }

  @Test
  void masksAuthorizationHeaderValues() {
    assertThat(Redaction.redact("headers: {\"Authorization\": \"Bearer ya29.token\"}"))
        .isEqualTo("headers: {\"Authorization\": \"***\"}");
    assertThat(Redaction.redact("authorization: Basic dXNlcjpwYXNz, next"))
        .isEqualTo("authorization: ***, next");
  }
}
