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

  /** How many tasks of each priority are queued. */
  private static Map<Priority, Long> queued(long high, long normal, long low) {
    return Map.of(Priority.HIGH, high, Priority.NORMAL, normal, Priority.LOW, low);
  }

  /** The credit a round gives each priority. */
  private static Map<Priority, Integer> credits(int high, int normal, int low) {
    return Map.of(Priority.HIGH, high, Priority.NORMAL, normal, Priority.LOW, low);
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
        credit.forRound(6000, queued(0, 5_000, 1_000), EnumSet.allOf(Priority.class));

    assertThat(round).containsAllEntriesOf(credits(5000, 0, 0));
  }

  @Test
  void onlyPrioritiesWithTasksWaitingGetCredit() {
    Map<Priority, Integer> round =
        credit.forRound(5000, queued(0, 0, 0), EnumSet.of(Priority.NORMAL));

    assertThat(round).containsAllEntriesOf(credits(0, 5000, 0));
  }

  @Test
  void allPrioritiesTogetherStayUnderTheMaximum() {
    Map<Priority, Integer> round =
        credit.forRound(20_000, queued(0, 19_000, 0), EnumSet.allOf(Priority.class));

    assertThat(round.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(1000);
    assertThat(round).containsEntry(Priority.HIGH, 1000);
  }

  @Test
  void aPriorityIsToppedUpOnlyOnceAQuarterOfItsTargetIsMissing() {
    Map<Priority, Long> nearlyFull = queued(0, 1_900, 0);
    Map<Priority, Long> quarterDown = queued(0, 1_500, 0);

    assertThat(credit.forRound(2000, nearlyFull, EnumSet.of(Priority.NORMAL)))
        .containsEntry(Priority.NORMAL, 0);
    assertThat(credit.forRound(2000, quarterDown, EnumSet.of(Priority.NORMAL)))
        .containsEntry(Priority.NORMAL, 500);
  }

  @Test
  void aPriorityWithNothingQueuedIsToppedUpAtOnce() {
    Map<Priority, Integer> round =
        credit.forRound(20_000, queued(0, 19_000, 0), EnumSet.of(Priority.HIGH, Priority.NORMAL));

    assertThat(round).containsEntry(Priority.HIGH, 1000).containsEntry(Priority.NORMAL, 0);
  }

  @Test
  void theRefillThresholdIsAtMostOneRound() {
    // Target 20,000: a quarter would be 5,000, but one round is at most the batch size.
    DispatchCredit smallRounds = withBatchSize(1000);

    assertThat(smallRounds.forRound(20_000, queued(0, 19_000, 0), EnumSet.of(Priority.NORMAL)))
        .containsEntry(Priority.NORMAL, 1000);
  }
}
