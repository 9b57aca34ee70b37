package io.findoc.batch.loadtests.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.findoc.batch.loadtests.bench.DrainPolicy.Action;
import io.findoc.batch.loadtests.bench.DrainPolicy.Unfinished;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DrainPolicyTest {

  private final DrainPolicy policy = new DrainPolicy(Duration.ofMinutes(5), Duration.ofSeconds(30));

  private static Duration s(long seconds) {
    return Duration.ofSeconds(seconds);
  }

  @Test
  void nothingUnfinishedAndNoLagIsDrained() {
    assertThat(policy.next(List.of(), 0L, s(0), s(0), Set.of()).action()).isEqualTo(Action.DRAINED);
    assertThat(policy.next(List.of(), null, s(0), s(0), Set.of()).action())
        .as("an unknown lag is not waited for")
        .isEqualTo(Action.DRAINED);
  }

  @Test
  void runningJobsAreWaitedForUntilTheTimeout() {
    DrainPolicy.Step step =
        policy.next(List.of(new Unfinished("j1", "RUNNING")), null, s(60), s(0), Set.of());

    assertThat(step.action()).isEqualTo(Action.WAIT);
    assertThat(step.reason()).contains("1 unfinished job(s)").contains("j1 RUNNING");
  }

  @Test
  void pastTheTimeoutLeftoversAreCancelled() {
    List<Unfinished> left =
        List.of(
            new Unfinished("j1", "RUNNING"),
            new Unfinished("j2", "QUEUED"),
            new Unfinished("j3", "WAITING"));

    DrainPolicy.Step step = policy.next(left, null, s(300), s(0), Set.of());

    assertThat(step.action()).isEqualTo(Action.CANCEL);
    assertThat(step.cancel()).extracting(Unfinished::id).containsExactly("j1", "j2", "j3");
  }

  @Test
  void aPausedJobIsCancelledAtOnceSinceItNeverFinishesAlone() {
    DrainPolicy.Step step =
        policy.next(
            List.of(new Unfinished("j1", "RUNNING"), new Unfinished("j2", "PAUSED")),
            null,
            s(1),
            s(0),
            Set.of());

    assertThat(step.action()).isEqualTo(Action.CANCEL);
    assertThat(step.cancel()).extracting(Unfinished::id).containsExactly("j2");
  }

  @Test
  void aJobIsNeverAskedToCancelTwice() {
    DrainPolicy.Step step =
        policy.next(List.of(new Unfinished("j1", "RUNNING")), null, s(310), s(0), Set.of("j1"));

    assertThat(step.action()).isEqualTo(Action.WAIT);
  }

  @Test
  void aRollbackCannotBeCancelledAndIsWaitedForThenGivenUp() {
    List<Unfinished> rolling = List.of(new Unfinished("j1", "ROLLING_BACK"));

    assertThat(policy.next(rolling, null, s(301), s(0), Set.of()).action()).isEqualTo(Action.WAIT);
    assertThat(policy.next(rolling, null, s(330), s(0), Set.of()).action())
        .isEqualTo(Action.GIVE_UP);
  }

  @Test
  void cancelledJobsThatDoNotEndAreGivenUpOnWithAReason() {
    DrainPolicy.Step step =
        policy.next(List.of(new Unfinished("j1", "RUNNING")), null, s(331), s(0), Set.of("j1"));

    assertThat(step.action()).isEqualTo(Action.GIVE_UP);
    assertThat(step.reason()).contains("j1 RUNNING");
  }

  @Test
  void aConsumerLagIsWaitedForUpToTheGraceThenGivenUp() {
    assertThat(policy.next(List.of(), 1200L, s(10), s(5), Set.of()).action())
        .isEqualTo(Action.WAIT);
    DrainPolicy.Step step = policy.next(List.of(), 1200L, s(40), s(30), Set.of());
    assertThat(step.action()).isEqualTo(Action.GIVE_UP);
    assertThat(step.reason()).contains("1200 task messages not consumed");
  }
}
