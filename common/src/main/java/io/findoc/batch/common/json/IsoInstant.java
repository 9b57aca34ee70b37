package io.findoc.batch.common.json;

import java.time.Instant;
import java.time.LocalDate;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;

/**
 * Instants in messages as ISO-8601 text in UTC, the text {@link Instant#toString()} gives ({@code
 * 2026-12-07T23:30:22.963302738Z}), written and read without {@code DateTimeFormatter}: a status
 * report carries two, and the formatter's parse was half of the coordinator's cost of reading one.
 * The text is the same as Jackson's own for an {@link Instant}; what the fast reader does not take
 * (another form, an offset, a number, a year past 9999) goes to Jackson's own reader, so every
 * message read before is read the same.
 */
public final class IsoInstant {

  private static final long SECONDS_PER_DAY = 86_400;

  private IsoInstant() {}

  /** {@code instant} as {@link Instant#toString()} writes it. */
  public static String format(Instant instant) {
    long seconds = instant.getEpochSecond();
    long day = Math.floorDiv(seconds, SECONDS_PER_DAY);
    int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
    if (day < -719_528 || day > 2_932_896) {
      // Before 0000-01-01 or after 9999-12-31: the formatter's signs and widths.
      return instant.toString();
    }
    LocalDate date = LocalDate.ofEpochDay(day);
    char[] text = new char[30];
    int year = date.getYear();
    digits(text, 0, year / 100);
    digits(text, 2, year % 100);
    text[4] = '-';
    digits(text, 5, date.getMonthValue());
    text[7] = '-';
    digits(text, 8, date.getDayOfMonth());
    text[10] = 'T';
    digits(text, 11, secondOfDay / 3600);
    text[13] = ':';
    digits(text, 14, secondOfDay / 60 % 60);
    text[16] = ':';
    digits(text, 17, secondOfDay % 60);
    int end = 19;
    int nanos = instant.getNano();
    if (nanos > 0) {
      text[end++] = '.';
      // Groups of three digits, as many as the value needs (as the formatter writes them).
      int groups = nanos % 1_000_000 == 0 ? 1 : nanos % 1_000 == 0 ? 2 : 3;
      int value = groups == 1 ? nanos / 1_000_000 : groups == 2 ? nanos / 1_000 : nanos;
      int width = groups * 3;
      for (int i = width - 1; i >= 0; i--) {
        text[end + i] = (char) ('0' + value % 10);
        value /= 10;
      }
      end += width;
    }
    text[end++] = 'Z';
    return new String(text, 0, end);
  }

  /**
   * The instant {@code text} names if it has the form {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z} and a
   * valid date and time, otherwise null (for a slower reader to judge).
   */
  public static Instant parseOrNull(String text) {
    int length = text.length();
    if (length < 20
        || length > 30
        || text.charAt(4) != '-'
        || text.charAt(7) != '-'
        || text.charAt(10) != 'T'
        || text.charAt(13) != ':'
        || text.charAt(16) != ':'
        || text.charAt(length - 1) != 'Z') {
      return null;
    }
    int year = number(text, 0, 4);
    int month = number(text, 5, 2);
    int dayOfMonth = number(text, 8, 2);
    int hour = number(text, 11, 2);
    int minute = number(text, 14, 2);
    int second = number(text, 17, 2);
    if (year < 0
        || month < 1
        || month > 12
        || dayOfMonth < 1
        || dayOfMonth > 31
        || hour < 0
        || hour > 23
        || minute < 0
        || minute > 59
        || second < 0
        || second > 59) {
      return null;
    }
    int nanos = 0;
    if (length > 20) {
      int digits = length - 21;
      if (text.charAt(19) != '.' || digits < 1 || digits > 9) {
        return null;
      }
      int fraction = number(text, 20, digits);
      if (fraction < 0) {
        return null;
      }
      nanos = fraction;
      for (int i = digits; i < 9; i++) {
        nanos *= 10;
      }
    } else if (length != 20) {
      return null;
    }
    if (dayOfMonth > LocalDate.of(year, month, 1).lengthOfMonth()) {
      return null;
    }
    long day = LocalDate.of(year, month, dayOfMonth).toEpochDay();
    return Instant.ofEpochSecond(
        day * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second, nanos);
  }

  private static void digits(char[] text, int at, int twoDigits) {
    text[at] = (char) ('0' + twoDigits / 10);
    text[at + 1] = (char) ('0' + twoDigits % 10);
  }

  /** The decimal number of {@code count} digits at {@code at}, or -1 if one is not a digit. */
  private static int number(String text, int at, int count) {
    int value = 0;
    for (int i = at; i < at + count; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  /** Writes an instant as {@link #format}. */
  public static final class Writer extends ValueSerializer<Instant> {
    @Override
    public void serialize(Instant value, JsonGenerator generator, SerializationContext context) {
      generator.writeString(format(value));
    }
  }

  /** Reads an instant by {@link #parseOrNull}, or else as Jackson reads one. */
  public static final class Reader extends ValueDeserializer<Instant> {
    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) {
      if (parser.currentToken() == JsonToken.VALUE_STRING) {
        Instant fast = parseOrNull(parser.getString());
        if (fast != null) {
          return fast;
        }
      }
      return InstantDeserializer.INSTANT.deserialize(parser, context);
    }

    @Override
    public Class<?> handledType() {
      return Instant.class;
    }
  }
}
