package io.findoc.batch.coordinator.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LatencyBucketsTest {

  @Test
  void eachDurationFallsInTheBucketWhoseBoundHoldsIt() {
    assertThat(LatencyBuckets.of(0)).isZero();
    assertThat(LatencyBuckets.of(1)).isZero();
    assertThat(LatencyBuckets.of(2)).isEqualTo(2);
    assertThat(LatencyBuckets.of(3)).isEqualTo(4);
    assertThat(LatencyBuckets.upperMillis(LatencyBuckets.of(1000))).isGreaterThanOrEqualTo(1000);
    assertThat(LatencyBuckets.upperMillis(LatencyBuckets.of(1000) - 1)).isLessThan(1000);
    assertThat(LatencyBuckets.of(1e12)).isEqualTo(LatencyBuckets.COUNT - 1);
  }

  @Test
  void quantilesComeFromTheSummedBucketsWithinTheirStep() {
    long[] counts = new long[LatencyBuckets.COUNT];
    for (int ms = 1; ms <= 1000; ms++) {
      counts[LatencyBuckets.of(ms)]++;
    }
    assertThat(LatencyBuckets.quantile(counts, 0.5)).isCloseTo(500, within(500 * 0.42));
    assertThat(LatencyBuckets.quantile(counts, 0.99)).isCloseTo(990, within(990 * 0.42));
    assertThat(LatencyBuckets.quantile(new long[LatencyBuckets.COUNT], 0.5)).isNull();
  }
}
