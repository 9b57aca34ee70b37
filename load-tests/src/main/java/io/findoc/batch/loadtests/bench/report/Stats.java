package io.findoc.batch.loadtests.bench.report;

import java.util.Arrays;
import java.util.Collection;

/** Median, spread and percentiles of a handful of measurements. */
public final class Stats {

  private final double[] sorted;

  private Stats(double[] values) {
    this.sorted = values.clone();
    Arrays.sort(sorted);
  }

  public static Stats of(double... values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("no values");
    }
    return new Stats(values);
  }

  public static Stats of(Collection<? extends Number> values) {
    return of(values.stream().mapToDouble(Number::doubleValue).toArray());
  }

  public double median() {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  public double min() {
    return sorted[0];
  }

  public double max() {
    return sorted[sorted.length - 1];
  }

  public double mean() {
    return Arrays.stream(sorted).average().orElse(0);
  }

  /** The nearest-rank percentile, {@code p} from 0 to 100. */
  public double percentile(double p) {
    int rank = (int) Math.ceil(p / 100 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  /** The spread as a share of the median: (max - min) / median. */
  public double spread() {
    return median() == 0 ? 0 : (max() - min()) / median();
  }

  public int count() {
    return sorted.length;
  }
}
