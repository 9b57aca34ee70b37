package io.findoc.batch.worker.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.findoc.batch.common.message.Priority;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WeightedQueueTest {

  private static final Map<Priority, Integer> DEFAULT_WEIGHTS =
      Map.of(Priority.HIGH, 6, Priority.NORMAL, 3, Priority.LOW, 1);

  private final WeightedQueue<Integer> queue = new WeightedQueue<>(DEFAULT_WEIGHTS);

  @Test
  void backloggedPrioritiesShareThePicksByWeightExactly() {
    fill(Priority.HIGH, 1000);
    fill(Priority.NORMAL, 1000);
    fill(Priority.LOW, 1000);

    Map<Priority, Integer> picks = pick(1000);

    assertThat(picks)
        .containsEntry(Priority.HIGH, 600)
        .containsEntry(Priority.NORMAL, 300)
        .containsEntry(Priority.LOW, 100);
  }

  @Test
  void picksAreInterleavedRatherThanInRuns() {
    fill(Priority.HIGH, 10);
    fill(Priority.NORMAL, 10);
    fill(Priority.LOW, 10);

    List<Priority> firstTen = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      firstTen.add(priorityOf(queue.poll()));
    }

    assertThat(firstTen).containsSubsequence(Priority.HIGH, Priority.NORMAL, Priority.HIGH);
    assertThat(firstTen.subList(0, 6)).contains(Priority.NORMAL).doesNotContain(Priority.LOW);
    assertThat(firstTen).filteredOn(p -> p == Priority.LOW).hasSize(1);
  }

  @Test
  void priorityAloneWithBacklogGetsEveryPick() {
    fill(Priority.LOW, 50);

    assertThat(pick(50)).containsEntry(Priority.LOW, 50).hasSize(1);
  }

  @Test
  void twoBackloggedPrioritiesShareByTheirOwnWeights() {
    fill(Priority.NORMAL, 100);
    fill(Priority.LOW, 100);

    assertThat(pick(100)).containsEntry(Priority.NORMAL, 75).containsEntry(Priority.LOW, 25);
  }

  @Test
  void eachPriorityIsTakenInArrivalOrder() {
    queue.add(Priority.HIGH, 1);
    queue.add(Priority.HIGH, 2);
    queue.add(Priority.HIGH, 3);

    assertThat(List.of(queue.poll(), queue.poll(), queue.poll())).containsExactly(1, 2, 3);
    assertThat(queue.poll()).isNull();
  }

  @Test
  void weightBelowOneIsRefused() {
    assertThatThrownBy(
            () ->
                new WeightedQueue<>(Map.of(Priority.HIGH, 6, Priority.NORMAL, 3, Priority.LOW, 0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("low");
  }

  /** Queues {@code count} items of the priority, numbered so that the number tells the priority. */
  private void fill(Priority priority, int count) {
    for (int i = 0; i < count; i++) {
      queue.add(priority, priority.ordinal() * 1_000_000 + i);
    }
  }

  private static Priority priorityOf(int item) {
    return Priority.values()[item / 1_000_000];
  }

  private Map<Priority, Integer> pick(int count) {
    Map<Priority, Integer> picks = new EnumMap<>(Priority.class);
    for (int i = 0; i < count; i++) {
      picks.merge(priorityOf(queue.poll()), 1, Integer::sum);
    }
    return picks;
  }
}
