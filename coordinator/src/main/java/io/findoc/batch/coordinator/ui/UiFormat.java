package io.findoc.batch.coordinator.ui;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** How the pages write times, durations, rates and sizes ({@code ${@fmt.eta(...)}}), in UTC. */
@Component("fmt")
public class UiFormat {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  /** An instant as {@code 2025-01-31 12:00:00} (UTC), or a dash. */
  public String time(Instant at) {
    return at == null ? "–" : TIME.format(at);
  }

  /** Seconds as {@code 1h 02m}, {@code 3m 05s} or {@code 42s}, or a dash when unknown. */
  public String eta(Long seconds) {
    if (seconds == null) {
      return "–";
    }
    long s = seconds;
    if (s >= 3600) {
      return String.format(Locale.ROOT, "%dh %02dm", s / 3600, (s % 3600) / 60);
    }
    if (s >= 60) {
      return String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60);
    }
    return s + "s";
  }

  /** Tasks per second with one decimal, or a dash when unknown. */
  public String rate(Double perSecond) {
    return perSecond == null ? "–" : String.format(Locale.ROOT, "%.1f/s", perSecond);
  }

  /** A number with thousands separators. */
  public String count(Number n) {
    return n == null ? "–" : String.format(Locale.ROOT, "%,d", n.longValue());
  }

  /** Bytes as MiB. */
  public String mib(long bytes) {
    return String.format(Locale.ROOT, "%.0f MiB", bytes / 1048576.0);
  }

  /** A share from 0 to 1 as a percentage, or a dash when unknown (negative). */
  public String share(double share) {
    return share < 0 ? "–" : String.format(Locale.ROOT, "%.0f%%", share * 100);
  }

  /** A ratio as a percentage with two decimals, or a dash. */
  public String percent(Double value) {
    return value == null ? "–" : String.format(Locale.ROOT, "%.2f%%", value);
  }
}
