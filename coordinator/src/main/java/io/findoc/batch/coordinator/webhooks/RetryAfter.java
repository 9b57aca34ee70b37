package io.findoc.batch.coordinator.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads a {@code Retry-After} header: a number of seconds, or an HTTP date. */
final class RetryAfter {

  /** The longest wait honoured; a longer one is cut to it (the horizon still applies). */
  static final Duration LONGEST = Duration.ofDays(1);

  private RetryAfter() {}

  /** The wait the header asks for from {@code now}; empty if absent or unreadable. */
  static Optional<Duration> parse(String header, Instant now) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    String value = header.trim();
    try {
      long seconds = Long.parseLong(value);
      return seconds < 0 ? Optional.empty() : Optional.of(capped(Duration.ofSeconds(seconds)));
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration wait = Duration.between(now, at);
        return Optional.of(capped(wait.isNegative() ? Duration.ZERO : wait));
      } catch (DateTimeParseException notDate) {
        return Optional.empty();
      }
    }
  }

  private static Duration capped(Duration wait) {
    return wait.compareTo(LONGEST) > 0 ? LONGEST : wait;
  }
}
