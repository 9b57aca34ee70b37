package io.findoc.batch.cli.watch;

import java.time.Duration;
import java.util.Locale;

/** The words and the bar both views use: counts, percentage, rate and ETA. */
public final class ProgressText {

  private ProgressText() {}

  /** "450/1000 45% | 440 ok, 10 failed, 20 running | 52.3/s | ETA 11s". */
  public static String summary(Progress p, double rate, Duration eta) {
    StringBuilder text =
        new StringBuilder()
            .append(p.done())
            .append('/')
            .append(p.total())
            .append(' ')
            .append(percent(p))
            .append("% | ")
            .append(p.succeeded())
            .append(" ok, ")
            .append(p.failed())
            .append(" failed");
    if (p.cancelled() > 0) {
      text.append(", ").append(p.cancelled()).append(" cancelled");
    }
    if (p.skipped() > 0) {
      text.append(", ").append(p.skipped()).append(" skipped");
    }
    text.append(", ").append(p.running()).append(" running");
    text.append(" | ").append(String.format(Locale.ROOT, "%.1f/s", rate));
    text.append(" | ETA ").append(eta == null ? "?" : duration(eta));
    if (p.jobs() > 1) {
      text.append(" | jobs ").append(p.finishedJobs()).append('/').append(p.jobs());
    }
    return text.toString();
  }

  /** "[#########-----------]" of {@code width} cells between the brackets. */
  public static String bar(Progress p, int width) {
    int filled = p.total() == 0 ? 0 : (int) ((long) width * p.done() / p.total());
    return "[" + "#".repeat(filled) + "-".repeat(width - filled) + "]";
  }

  static int percent(Progress p) {
    return p.total() == 0 ? 0 : (int) (100L * p.done() / p.total());
  }

  /** "42s", "3m05s", "2h10m". */
  public static String duration(Duration d) {
    long s = Math.max(0, d.toSeconds());
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
    return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
  }
}
