package io.findoc.batch.loadtests.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The answer times of one dashboard page, fragment or download, measured one request after the
 * other: p50, p95 (nearest rank, {@link Stats#percentile}) and max, whether the p95 is under the
 * goal, and the answers that were not 200 (which a page that failed would hide behind a fast time).
 */
public final class PageTimings {

  private final String page;
  private final List<Double> millis = new ArrayList<>();
  private final List<Integer> otherStatuses = new ArrayList<>();

  public PageTimings(String page) {
    this.page = page;
  }

  /** One measured answer. */
  public void add(int status, double answerMillis) {
    millis.add(answerMillis);
    if (status != 200) {
      otherStatuses.add(status);
    }
  }

  public String page() {
    return page;
  }

  public int count() {
    return millis.size();
  }

  public double p50() {
    return Stats.of(millis).percentile(50);
  }

  public double p95() {
    return Stats.of(millis).percentile(95);
  }

  public double max() {
    return Stats.of(millis).max();
  }

  /** The answers that were not 200 OK, in order. */
  public List<Integer> otherStatuses() {
    return List.copyOf(otherStatuses);
  }

  /** Whether the p95 is under {@code goalMillis} and every answer was 200. */
  public boolean meets(double goalMillis) {
    return !millis.isEmpty() && p95() < goalMillis && otherStatuses.isEmpty();
  }

  /** The table's header, matching {@link #row}. */
  public static String header(int pageWidth) {
    return String.format(
        Locale.ROOT,
        "%-" + pageWidth + "s %5s %9s %9s %9s  %s",
        "page",
        "n",
        "p50 ms",
        "p95 ms",
        "max ms",
        "p95 < goal");
  }

  /** One line of the table: page, count, p50, p95, max and the verdict against the goal. */
  public String row(int pageWidth, double goalMillis) {
    String verdict = meets(goalMillis) ? "yes" : "NO";
    if (!otherStatuses.isEmpty()) {
      verdict += " (answers not 200: " + otherStatuses + ")";
    }
    return String.format(
        Locale.ROOT,
        "%-" + pageWidth + "s %5d %9.1f %9.1f %9.1f  %s",
        page,
        count(),
        p50(),
        p95(),
        max(),
        verdict);
  }
}
