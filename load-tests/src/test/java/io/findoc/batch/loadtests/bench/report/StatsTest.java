package io.findoc.batch.loadtests.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StatsTest {

  @Test
  void medianOfAnOddCountIsTheMiddleValue() {
    assertThat(Stats.of(9, 1, 5).median()).isEqualTo(5);
  }

  @Test
  void medianOfAnEvenCountIsTheMeanOfTheTwoMiddleValues() {
    assertThat(Stats.of(4, 1, 3, 2).median()).isEqualTo(2.5);
  }

  @Test
  void spreadIsTheRangeOverTheMedian() {
    assertThat(Stats.of(90, 100, 110).spread()).isEqualTo(0.2);
  }

  @Test
  void percentilesTakeTheNearestRank() {
    double[] values = new double[100];
    for (int i = 0; i < 100; i++) {
      values[i] = i + 1;
    }
    Stats stats = Stats.of(values);
    assertThat(stats.percentile(50)).isEqualTo(50);
    assertThat(stats.percentile(99)).isEqualTo(99);
    assertThat(stats.percentile(100)).isEqualTo(100);
    assertThat(Stats.of(7).percentile(99)).isEqualTo(7);
  }

  @Test
  void noValuesAreRefused() {
    assertThatThrownBy(Stats::of).isInstanceOf(IllegalArgumentException.class);
  }
}
