package io.findoc.batch.coordinator.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookUrlsTest {

  private static WebhookUrls urls(boolean allowLoopback) {
    return new WebhookUrls(WebhookSettings.allowingLoopback(allowLoopback));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1:8080/hook",
        "http://localhost/hook",
        "http://[::1]/hook",
        "http://[::ffff:127.0.0.1]/hook",
        "http://2130706433/hook",
        "http://0x7f.1/hook",
        "http://169.254.169.254/latest/meta-data",
        "http://10.0.0.1/hook",
        "http://192.168.1.10/hook"
      })
  void internalAddressesAreRefusedByDefault(String url) {
    assertThat(urls(false).refusal(url)).isPresent();
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://127.0.0.1:8080/hook", "http://localhost/hook"})
  void loopbackPassesOnlyWhenAllowed(String url) {
    assertThat(urls(true).refusal(url)).isEmpty();
    assertThat(urls(true).refusal("http://169.254.169.254/")).isPresent();
    assertThat(urls(true).refusal("http://10.0.0.1/")).isPresent();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ftp://example.com/",
        "file:///etc/passwd",
        "/relative",
        "http://user:pw@8.8.8.8/"
      })
  void otherSchemesRelativeUrlsAndUserInfoAreRefused(String url) {
    assertThat(urls(true).refusal(url)).isPresent();
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://8.8.8.8/hooks/findoc", "http://93.184.216.34:8443/x"})
  void publicAddressesPass(String url) {
    assertThat(urls(false).refusal(url)).isEmpty();
  }
}
