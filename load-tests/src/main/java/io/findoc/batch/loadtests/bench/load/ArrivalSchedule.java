package io.findoc.batch.loadtests.bench.load;

import java.time.Duration;
import java.time.Instant;

/**
 * When each submission of an open-model load is due: one every {@code period} from {@code start},
 * the first {@code warmUp} of them before the measurement window, the next {@code measured} in it.
 * The times are fixed before the first send, so a slow answer never moves a later arrival (the
 * coordinated omission of a closed loop); a sender that falls behind sends late, and the latency of
 * that submission still counts from the time it was due.
 *
 * @param start the wall-clock time the first submission is due
 * @param period between two submissions
 * @param warmUp submissions before the window
 * @param measured submissions in the window
 */
public record ArrivalSchedule(Instant start, Duration period, int warmUp, int measured) {

  public ArrivalSchedule {
    if (period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("the period must be positive, got " + period);
    }
    if (warmUp < 0 || measured < 1) {
      throw new IllegalArgumentException(
          "needs at least one measured submission, got " + warmUp + " + " + measured);
    }
  }

  /** A schedule at {@code perSecond} submissions for {@code warmUp} then {@code window}. */
  public static ArrivalSchedule at(
      double perSecond, Duration warmUp, Duration window, Instant start) {
    if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
      throw new IllegalArgumentException("the rate must be positive, got " + perSecond);
    }
    long periodNanos = Math.max(1, Math.round(1e9 / perSecond));
    int before = (int) (warmUp.toNanos() / periodNanos);
    int in = (int) Math.max(1, window.toNanos() / periodNanos);
    return new ArrivalSchedule(start, Duration.ofNanos(periodNanos), before, in);
  }

  /** Every submission, warm-up and window. */
  public int total() {
    return warmUp + measured;
  }

  /** From {@code start} to when submission {@code i} (from 0) is due. */
  public Duration offset(int i) {
    if (i < 0 || i >= total()) {
      throw new IndexOutOfBoundsException("submission " + i + " of " + total());
    }
    return period.multipliedBy(i);
  }

  /** When submission {@code i} is due, on the wall clock. */
  public Instant due(int i) {
    return start.plus(offset(i));
  }

  /** Whether submission {@code i} falls in the measurement window. */
  public boolean inWindow(int i) {
    return i >= warmUp && i < total();
  }
}
