package io.findoc.batch.common.json;

/**
 * What PostgreSQL refuses in {@code text} and {@code jsonb}: a NUL character, and a surrogate
 * without its pair (which has no UTF-8 form).
 */
public final class PostgresText {

  private PostgresText() {}

  /** Why PostgreSQL would refuse {@code value} as {@code field}, or null if it takes it. */
  public static String problem(String field, CharSequence value) {
    return problem(field, value, 0, value.length());
  }

  /** As {@link #problem(String, CharSequence)}, for {@code chars[offset, offset + length)}. */
  public static String problem(String field, char[] chars, int offset, int length) {
    return problem(field, java.nio.CharBuffer.wrap(chars, offset, length), 0, length);
  }

  private static String problem(String field, CharSequence value, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = value.charAt(i);
      if (c == '\0') {
        return field + " has a NUL character at " + (i - from);
      }
      if (Character.isHighSurrogate(c)
          && (i + 1 == to || !Character.isLowSurrogate(value.charAt(i + 1)))) {
        return field + " has an unpaired surrogate at " + (i - from);
      }
      if (Character.isLowSurrogate(c)
          && (i == from || !Character.isHighSurrogate(value.charAt(i - 1)))) {
        return field + " has an unpaired surrogate at " + (i - from);
      }
    }
    return null;
  }
}
