package io.findoc.batch.coordinator.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The format of API keys: {@code fdk_<12 hex>.<32 base-62 characters>}. The part before the dot is
 * public (lists, logs, the audit trail) and finds the key; the whole key is stored only as its
 * SHA-256 hash and compared in constant time.
 */
public final class ApiKeys {

  private static final String ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private ApiKeys() {}

  /** A new key and its public prefix. */
  public record NewKey(String prefix, String key) {}

  public static NewKey generate() {
    byte[] id = new byte[6];
    RANDOM.nextBytes(id);
    String prefix = "fdk_" + HexFormat.of().formatHex(id);
    StringBuilder secret = new StringBuilder(32);
    for (int i = 0; i < 32; i++) {
      secret.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return new NewKey(prefix, prefix + "." + secret);
  }

  /** The public prefix of a presented key, or null if it has not the key's shape. */
  public static String prefixOf(String key) {
    int dot = key.indexOf('.');
    return dot > 0 && key.startsWith("fdk_") ? key.substring(0, dot) : null;
  }

  public static byte[] hash(String key) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }

  /**
   * Whether {@code key} hashes to {@code expectedHash}, in time independent of where they differ.
   */
  public static boolean matches(String key, byte[] expectedHash) {
    return MessageDigest.isEqual(hash(key), expectedHash);
  }
}
