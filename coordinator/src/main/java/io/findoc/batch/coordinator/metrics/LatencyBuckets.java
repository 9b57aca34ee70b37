package io.findoc.batch.coordinator.metrics;

/**
 * Fixed log-scale latency buckets, the same in every coordinator so that histograms add up: bucket
 * {@code i} holds durations up to 2^(i/2) milliseconds (a step of √2, so a percentile read from the
 * buckets is off by at most that step, less with the interpolation); bucket 0 holds everything up
 * to its bound, the last one everything above the one before it.
 */
public final class LatencyBuckets {

  /** How many buckets there are. */
  public static final int COUNT = 50;

  private LatencyBuckets() {}

  /** The bucket of a duration in milliseconds. */
  public static int of(double millis) {
    if (!(millis > 1)) {
      return 0;
    }
    int bucket = (int) Math.ceil(2 * Math.log(millis) / Math.log(2));
    return Math.min(bucket, COUNT - 1);
  }

  /** The largest duration, in milliseconds, that bucket {@code i} holds. */
  public static double upperMillis(int i) {
    return Math.pow(2, i / 2.0);
  }

  /**
   * The {@code q}-quantile (0 to 1) of the durations counted in {@code counts}, in milliseconds,
   * interpolated linearly within its bucket; null if nothing was counted.
   */
  public static Double quantile(long[] counts, double q) {
    long total = 0;
    for (long count : counts) {
      total += count;
    }
    if (total == 0) {
      return null;
    }
    double rank = q * total;
    long below = 0;
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] > 0 && below + counts[i] >= rank) {
        double lower = i == 0 ? 0 : upperMillis(i - 1);
        double fraction = (rank - below) / counts[i];
        return lower + Math.max(0, fraction) * (upperMillis(i) - lower);
      }
      below += counts[i];
    }
    return upperMillis(counts.length - 1);
  }
}
