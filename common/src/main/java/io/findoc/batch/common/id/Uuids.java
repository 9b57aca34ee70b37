package io.findoc.batch.common.id;

import java.util.UUID;

/**
 * Reads UUIDs in their canonical text form ({@code 8-4-4-4-12} hexadecimal digits) without {@link
 * UUID#fromString}: every status report names its job by one, and every row a batch statement
 * returns has one, and the JDK's reader was a tenth of the coordinator's time. Any other text goes
 * to {@link UUID#fromString}, which accepts (or refuses) it as before.
 */
public final class Uuids {

  private static final byte[] NIBBLES = new byte[128];

  static {
    java.util.Arrays.fill(NIBBLES, (byte) -1);
    for (int i = 0; i < 10; i++) {
      NIBBLES['0' + i] = (byte) i;
    }
    for (int i = 0; i < 6; i++) {
      NIBBLES['a' + i] = (byte) (10 + i);
      NIBBLES['A' + i] = (byte) (10 + i);
    }
  }

  private Uuids() {}

  /**
   * The UUID {@code text} names.
   *
   * @throws IllegalArgumentException as {@link UUID#fromString} does, if it names none
   * @throws NullPointerException if {@code text} is null
   */
  public static UUID parse(String text) {
    if (text.length() == 36
        && text.charAt(8) == '-'
        && text.charAt(13) == '-'
        && text.charAt(18) == '-'
        && text.charAt(23) == '-') {
      long a = hex(text, 0, 8);
      long b = hex(text, 9, 4);
      long c = hex(text, 14, 4);
      long d = hex(text, 19, 4);
      long e = hex(text, 24, 12);
      if ((a | b | c | d | e) >= 0) {
        return new UUID(a << 32 | b << 16 | c, d << 48 | e);
      }
    }
    return UUID.fromString(text);
  }

  /** The {@code count} hexadecimal digits at {@code at}, or -1 if one is not such a digit. */
  private static long hex(String text, int at, int count) {
    long value = 0;
    for (int i = at; i < at + count; i++) {
      char ch = text.charAt(i);
      int nibble = ch < 128 ? NIBBLES[ch] : -1;
      if (nibble < 0) {
        return -1;
      }
      value = value << 4 | nibble;
    }
    return value;
  }
}
