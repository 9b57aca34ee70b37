package io.findoc.batch.coordinator.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.findoc.batch.common.message.Priority;
import io.findoc.batch.coordinator.config.CoordinatorProperties;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DispatchCreditTest {

  private final DispatchCredit credit = withBatchSize(5000);

  private static DispatchCredit withBatchSize(int batchSize) {
    return new DispatchCredit(
        new CoordinatorProperties.Dispatch(
            batchSize,
            Duration.ofSeconds(2),
            500,
            20_000,
            Duration.ofMillis(200),
            Duration.ofSeconds(30)));
  }

  @Test
  void theTargetIsTheQueueTimeOfWorkWithinTheBounds() {
    assertThat(credit.target(0)).isEqualTo(500);
    assertThat(credit.target(1000)).isEqualTo(2000);
    assertThat(credit.target(50_000)).isEqualTo(20_000);
  }

  @Test
  void eachPriorityFillsUpToTheTargetHighestFirstWithinTheRound() {
    Map<Priority, Integer> round =
        credit.forRound(
            6000,
            Map.of(Priority.HIGH, 0L, Priority.NORMAL, 5_000L, Priority.LOW, 1_000L),
            EnumSet.allOf(Priority.class));

    assertThat(round)
        .containsEntry(Priority.HIGH, 5000)
        .containsEntry(Priority.NORMAL, 0)
        .containsEntry(Priority.LOW, 0);
  }

  @Test
  void onlyPrioritiesWithTasksWaitingGetCredit() {
    Map<Priority, Integer> round =
        credit.forRound(
            5000,
            Map.of(Priority.HIGH, 0L, Priority.NORMAL, 0L, Priority.LOW, 0L),
            EnumSet.of(Priority.NORMAL));

    assertThat(round)
        .containsEntry(Priority.HIGH, 0)
        .containsEntry(Priority.NORMAL, 5000)
        .containsEntry(Priority.LOW, 0);
  }

  @Test
  void allPrioritiesTogetherStayUnderTheMaximum() {
    Map<Priority, Integer> round =
        credit.forRound(
            20_000,
            Map.of(Priority.HIGH, 0L, Priority.NORMAL, 19_000L, Priority.LOW, 0L),
            EnumSet.allOf(Priority.class));

    assertThat(round.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(1000);
    assertThat(round).containsEntry(Priority.HIGH, 1000);
  }

  @Test
  void aPriorityIsToppedUpOnlyOnceAQuarterOfItsTargetIsMissing() {
    Map<Priority, Long> nearlyFull =
        Map.of(Priority.HIGH, 0L, Priority.NORMAL, 1_900L, Priority.LOW, 0L);
    Map<Priority, Long> quarterDown =
        Map.of(Priority.HIGH, 0L, Priority.NORMAL, 1_500L, Priority.LOW, 0L);

    assertThat(credit.forRound(2000, nearlyFull, EnumSet.of(Priority.NORMAL)))
        .containsEntry(Priority.NORMAL, 0);
    assertThat(credit.forRound(2000, quarterDown, EnumSet.of(Priority.NORMAL)))
        .containsEntry(Priority.NORMAL, 500);
  }

  @Test
  void aPriorityWithNothingQueuedIsToppedUpAtOnce() {
    Map<Priority, Integer> round =
        credit.forRound(
            20_000,
            Map.of(Priority.HIGH, 0L, Priority.NORMAL, 19_000L, Priority.LOW, 0L),
            EnumSet.of(Priority.HIGH, Priority.NORMAL));

    assertThat(round).containsEntry(Priority.HIGH, 1000).containsEntry(Priority.NORMAL, 0);
  }

  @Test
  void theRefillThresholdIsAtMostOneRound() {
    // Target 20,000: a quarter would be 5,000, but one round is at most the batch size.
    DispatchCredit smallRounds = withBatchSize(1000);

    assertThat(
            smallRounds.forRound(
                20_000,
                Map.of(Priority.HIGH, 0L, Priority.NORMAL, 19_000L, Priority.LOW, 0L),
                EnumSet.of(Priority.NORMAL)))
        .containsEntry(Priority.NORMAL, 1000);
  }
}
