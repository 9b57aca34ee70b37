package io.findoc.batch.worker.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IntakeBudgetTest {

  private static final long MS = 1_000_000;

  @Test
  void quickTasksGetTheWholeBudget() {
    assertThat(IntakeThrottle.budgetFor(20_000, 8, 256)).isEqualTo(256);
  }

  @Test
  void tasksOfAMillisecondKeepTheirThreadsBusyForTheRefillTime() {
    // 2 running, and 25 ms of work queued per thread.
    assertThat(IntakeThrottle.budgetFor(MS, 2, 256)).isEqualTo(2 * (1 + 25));
  }

  @Test
  void slowTasksKeepAboutTwoPerThreadQueued() {
    assertThat(IntakeThrottle.budgetFor(1_000 * MS, 2, 256)).isEqualTo(2 * (1 + 2));
    assertThat(IntakeThrottle.budgetFor(60_000 * MS, 8, 256)).isEqualTo(8 * 3);
  }
}
