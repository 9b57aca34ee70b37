package io.findoc.batch.worker.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResourceCeilingTest {

  private final ResourceCeiling ceiling = new ResourceCeiling(0.8, 0.8);

  @Test
  void oneBusySampleDoesNotHoldIntakeButASustainedOneDoes() {
    assertThat(ceiling.sample(0.2, 0.1)).isFalse();
    assertThat(ceiling.sample(0.95, 0.1)).isFalse();
    assertThat(ceiling.sample(0.95, 0.1)).isFalse();
    assertThat(ceiling.sample(0.95, 0.1)).isTrue();
  }

  @Test
  void intakeResumesOnceTheAverageIsBelowTheCeiling() {
    ceiling.sample(0.95, 0.1);
    ceiling.sample(0.95, 0.1);
    assertThat(ceiling.sample(0.95, 0.1)).isTrue();
    assertThat(ceiling.sample(0.3, 0.1)).isFalse();
    assertThat(ceiling.holding()).isFalse();
  }

  @Test
  void aFullHeapHoldsIntakeAtOnce() {
    assertThat(ceiling.sample(0.1, 0.85)).isTrue();
    assertThat(ceiling.sample(0.1, 0.5)).isFalse();
  }

  @Test
  void anUnknownCpuCountsAsIdle() {
    assertThat(ceiling.sample(-1, 0.1)).isFalse();
  }
}
