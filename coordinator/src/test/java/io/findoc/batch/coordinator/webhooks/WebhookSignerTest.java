package io.findoc.batch.coordinator.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSignerTest {

  @Test
  void signsLikeTheStandardWebhooksReferenceVector() {
    // The example of the Standard Webhooks specification's reference libraries.
    String signature =
        WebhookSigner.signature(
            "msg_p5jXN8AQM9LWM0D4loKWxJek",
            1614265330,
            "{\"test\": 2432232314}",
            List.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));

    assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  }

  @Test
  void aRotatedSecretAddsASecondSignature() {
    String signature =
        WebhookSigner.signature(
            "id", 1, "{}", List.of(WebhookSecret.generate(), WebhookSecret.generate()));

    assertThat(signature.split(" ")).hasSize(2).allMatch(s -> s.startsWith("v1,"));
  }

  @Test
  void secretsHaveThePrefixAndThirtyTwoRandomBytes() {
    String secret = WebhookSecret.generate();

    assertThat(secret).startsWith("whsec_");
    assertThat(WebhookSecret.key(secret)).hasSize(32);
    assertThat(WebhookSecret.generate()).isNotEqualTo(secret);
  }
}
