package io.findoc.batch.coordinator.webhooks;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * An endpoint's signing secret as Standard Webhooks writes it: {@code whsec_} and the base64 of 32
 * random bytes. The key of the HMAC is the decoded bytes.
 */
public final class WebhookSecret {

  static final String PREFIX = "whsec_";
  private static final int BYTES = 32;
  private static final SecureRandom RANDOM = new SecureRandom();

  private WebhookSecret() {}

  /** A new random secret. */
  public static String generate() {
    byte[] key = new byte[BYTES];
    RANDOM.nextBytes(key);
    return PREFIX + Base64.getEncoder().encodeToString(key);
  }

  /** The HMAC key of a secret, with or without its prefix. */
  static byte[] key(String secret) {
    String encoded = secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret;
    return Base64.getDecoder().decode(encoded);
  }
}
