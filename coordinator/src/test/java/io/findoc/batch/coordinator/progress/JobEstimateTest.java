package io.findoc.batch.coordinator.progress;

import static org.assertj.core.api.Assertions.assertThat;

import io.findoc.batch.common.state.JobState;
import io.findoc.batch.coordinator.store.JobRow;
import io.findoc.batch.coordinator.testing.JobRows;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JobEstimateTest {

  private static final Instant START = Instant.parse("2025-01-01T12:00:00Z");

  private static JobRow running(int total, int succeeded, Instant deadline) {
    return JobRows.of(UUID.randomUUID(), JobState.RUNNING, total, succeeded, START, deadline);
  }

  @Test
  void throughputAndEtaComeFromTheRateSinceTheJobStarted() {
    JobEstimate estimate = JobEstimate.of(running(1000, 100, null), START.plusSeconds(10));
    assertThat(estimate.throughputPerSecond()).isEqualTo(10.0);
    assertThat(estimate.etaSeconds()).isEqualTo(90);
    assertThat(estimate.percentDone()).isEqualTo(10.0);
    assertThat(estimate.deadlineStatus()).isNull();
  }

  @Test
  void aJobThatAtItsRateFinishesAfterItsDeadlineIsAtRisk() {
    Instant now = START.plusSeconds(10);
    assertThat(JobEstimate.of(running(1000, 100, now.plusSeconds(60)), now).deadlineStatus())
        .isEqualTo(DeadlineStatus.AT_RISK);
    assertThat(JobEstimate.of(running(1000, 100, now.plusSeconds(120)), now).deadlineStatus())
        .isEqualTo(DeadlineStatus.ON_TRACK);
    assertThat(JobEstimate.of(running(1000, 100, now.minusSeconds(1)), now).deadlineStatus())
        .isEqualTo(DeadlineStatus.MISSED);
  }
}
