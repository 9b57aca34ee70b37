package io.findoc.batch.coordinator.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FairShareTest {

  @Test
  void equalClaimantsShareEvenlyAndTheRemainderGoesToTheEarliest() {
    assertThat(FairShare.divide(10, new int[] {100, 100, 100})).containsExactly(4, 3, 3);
  }

  @Test
  void whatASmallClaimantLeavesGoesToTheOthers() {
    assertThat(FairShare.divide(5000, new int[] {1_000_000, 10, 1_000_000}))
        .containsExactly(2495, 10, 2495);
  }

  @Test
  void noClaimantGetsMoreThanItAsksAndCapacityMayBeLeftOver() {
    assertThat(FairShare.divide(100, new int[] {3, 0, 7})).containsExactly(3, 0, 7);
  }

  @Test
  void lessCapacityThanClaimantsGivesOneEachToTheEarliest() {
    assertThat(FairShare.divide(2, new int[] {5, 5, 5})).containsExactly(1, 1, 0);
    assertThat(FairShare.divide(0, new int[] {5})).containsExactly(0);
    assertThat(FairShare.divide(-3, new int[] {5})).containsExactly(0);
  }
}
