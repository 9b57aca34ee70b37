package io.findoc.batch.coordinator.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.findoc.batch.common.message.Priority;
import io.findoc.batch.coordinator.store.DispatchCandidate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DispatchPlannerTest {

  private static DispatchCandidate job(
      String tenant, Priority priority, int queued, int undispatched) {
    return new DispatchCandidate(UUID.randomUUID(), tenant, priority, false, queued, undispatched);
  }

  @Test
  void aSmallJobGetsAllItNeedsBesideAHugeOne() {
    DispatchCandidate huge = job("a", Priority.NORMAL, 0, 1_000_000);
    DispatchCandidate small = job("a", Priority.NORMAL, 0, 10);

    DispatchPlan plan =
        DispatchPlanner.plan(List.of(huge, small), 1000, Map.of(Priority.NORMAL, 1000));

    assertThat(plan.fifo().jobIds()).containsExactly(huge.id(), small.id());
    assertThat(plan.fifo().limits()).containsExactly(990, 10);
  }

  @Test
  void theFirstFreePlacesOfAFullQueueGoToTheJobThatHoldsNone() {
    DispatchCandidate huge = job("a", Priority.NORMAL, 999, 1_000_000);
    DispatchCandidate small = job("a", Priority.NORMAL, 0, 10);

    DispatchPlan plan =
        DispatchPlanner.plan(List.of(huge, small), 1000, Map.of(Priority.NORMAL, 1));

    assertThat(plan.fifo().jobIds()).containsExactly(small.id());
    assertThat(plan.fifo().limits()).containsExactly(1);
  }

  @Test
  void tenantsShareEvenlyWhateverTheirNumberOfJobs() {
    DispatchCandidate a1 = job("a", Priority.NORMAL, 0, 1000);
    DispatchCandidate a2 = job("a", Priority.NORMAL, 0, 1000);
    DispatchCandidate a3 = job("a", Priority.NORMAL, 0, 1000);
    DispatchCandidate b1 = job("b", Priority.NORMAL, 0, 1000);

    DispatchPlan plan =
        DispatchPlanner.plan(List.of(a1, a2, a3, b1), 600, Map.of(Priority.NORMAL, 600));

    assertThat(plan.fifo().jobIds()).containsExactly(a1.id(), a2.id(), a3.id(), b1.id());
    assertThat(plan.fifo().limits()).containsExactly(100, 100, 100, 300);
  }

  @Test
  void eachPrioritySpendsOnlyItsOwnCredit() {
    DispatchCandidate low = job("a", Priority.LOW, 0, 1000);
    DispatchCandidate high = job("a", Priority.HIGH, 0, 1000);

    DispatchPlan plan =
        DispatchPlanner.plan(
            List.of(low, high),
            1000,
            Map.of(Priority.HIGH, 50, Priority.NORMAL, 70, Priority.LOW, 0));

    assertThat(plan.fifo().jobIds()).containsExactly(high.id());
    assertThat(plan.fifo().limits()).containsExactly(50);
  }

  @Test
  void newestFirstJobsArePlannedApart() {
    DispatchCandidate fifo = job("a", Priority.NORMAL, 0, 10);
    DispatchCandidate lifo =
        new DispatchCandidate(UUID.randomUUID(), "a", Priority.NORMAL, true, 0, 10);

    DispatchPlan plan =
        DispatchPlanner.plan(List.of(fifo, lifo), 100, Map.of(Priority.NORMAL, 100));

    assertThat(plan.fifo().jobIds()).containsExactly(fifo.id());
    assertThat(plan.lifo().jobIds()).containsExactly(lifo.id());
    assertThat(plan.lifo().total()).isEqualTo(10);
  }

  @Test
  void noCreditNoPlan() {
    assertThat(DispatchPlanner.plan(List.of(job("a", Priority.LOW, 0, 5)), 100, Map.of()).isEmpty())
        .isTrue();
  }
}
