package io.findoc.batch.loadtests.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class WarmUpTest {

  private final WarmUp warmUp = new WarmUp(12, Duration.ofMinutes(1));

  @Test
  void runsUntilTwoRunsInARowAreNoFasterThanTheFastestBefore() throws Exception {
    Iterator<Double> runs = List.of(20.0, 12.0, 9.0, 7.0, 7.2, 7.1, 1.0).iterator();

    WarmUp.Outcome outcome = warmUp.run(runs::next);

    assertThat(outcome.seconds()).containsExactly(20.0, 12.0, 9.0, 7.0, 7.2, 7.1);
    assertThat(outcome.steady()).isTrue();
  }

  @Test
  void oneRunNoFasterIsNotEnough() throws Exception {
    Iterator<Double> runs = List.of(29.97, 15.32, 10.51, 10.91, 10.6, 1.0).iterator();

    assertThat(warmUp.run(runs::next).seconds()).containsExactly(29.97, 15.32, 10.51, 10.91, 10.6);
  }

  @Test
  void aSlowRunAfterAFastOneCountsAsNoFaster() throws Exception {
    Iterator<Double> runs = List.of(10.0, 8.0, 9.5, 8.3, 1.0).iterator();

    assertThat(warmUp.run(runs::next).seconds()).containsExactly(10.0, 8.0, 9.5, 8.3);
  }

  @Test
  void runsAtLeastThreeTimesEvenIfTheFirstTwoAgree() throws Exception {
    Iterator<Double> runs = List.of(10.0, 10.0, 10.2, 1.0).iterator();

    assertThat(warmUp.run(runs::next).seconds()).containsExactly(10.0, 10.0, 10.2);
  }

  @Test
  void stopsAtTheMostRunsAndSaysItWasNotSteady() throws Exception {
    double[] next = {100};
    WarmUp.Outcome outcome = new WarmUp(4, Duration.ofMinutes(1)).run(() -> next[0] /= 2);

    assertThat(outcome.seconds()).hasSize(4);
    assertThat(outcome.steady()).isFalse();
    assertThat(outcome.describe()).contains("4 warm-up run(s)").contains("not steady");
  }
}
