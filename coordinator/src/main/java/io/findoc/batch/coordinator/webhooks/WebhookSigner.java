package io.findoc.batch.coordinator.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a webhook as Standard Webhooks specifies: {@code v1,} and the base64 HMAC-SHA256, keyed by
 * the decoded secret, of {@code webhook-id.webhook-timestamp.body}; one signature per secret,
 * separated by spaces (while a rotated secret still signs, receivers accept either).
 */
public final class WebhookSigner {

  private WebhookSigner() {}

  /** The {@code webhook-signature} header for the message, signed with each of {@code secrets}. */
  public static String signature(
      String webhookId, long timestampSeconds, String body, List<String> secrets) {
    byte[] content =
        (webhookId + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8);
    return secrets.stream().map(s -> "v1," + hmac(s, content)).collect(Collectors.joining(" "));
  }

  private static String hmac(String secret, byte[] content) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(WebhookSecret.key(secret), "HmacSHA256"));
      return Base64.getEncoder().encodeToString(mac.doFinal(content));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
