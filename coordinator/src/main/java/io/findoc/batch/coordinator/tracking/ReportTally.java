package io.findoc.batch.coordinator.tracking;

import java.util.EnumMap;
import java.util.Map;

/** How many reports of a batch ended under each {@link ReportOutcome}. */
public final class ReportTally {

  private final Map<ReportOutcome, Integer> counts = new EnumMap<>(ReportOutcome.class);

  /** Adds {@code n} reports under {@code outcome}. */
  ReportTally add(ReportOutcome outcome, int n) {
    if (n < 0) {
      throw new IllegalArgumentException(n + " reports cannot be counted as " + outcome);
    }
    if (n > 0) {
      counts.merge(outcome, n, Integer::sum);
    }
    return this;
  }

  /** Adds the counts of {@code other}. */
  ReportTally add(ReportTally other) {
    other.counts.forEach(this::add);
    return this;
  }

  /** The reports counted under {@code outcome}. */
  public int of(ReportOutcome outcome) {
    return counts.getOrDefault(outcome, 0);
  }

  /** Every outcome with a count. */
  public Map<ReportOutcome, Integer> counts() {
    return counts;
  }
}
