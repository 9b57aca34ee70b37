package io.findoc.batch.worker.execution;

import io.findoc.batch.common.message.Priority;
import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.Map;

/**
 * Items waiting for a processor thread, in one FIFO queue per priority, taken by weight. When
 * several priorities have items, {@link #poll()} picks by smooth weighted round-robin (the way
 * nginx balances upstreams): with weights 6, 3 and 1, every ten picks take six high, three normal
 * and one low, interleaved rather than in runs, and the same way every time. A priority with
 * nothing queued takes no part, so one alone gets every pick; as every weight is at least 1, low is
 * never starved. Thread-safe.
 */
final class WeightedQueue<T> {

  private final Map<Priority, ArrayDeque<T>> queues = new EnumMap<>(Priority.class);
  private final Map<Priority, Integer> weights = new EnumMap<>(Priority.class);
  private final Map<Priority, Integer> current = new EnumMap<>(Priority.class);

  /**
   * @param weights the weight of each priority, at least 1
   * @throws IllegalArgumentException if a priority has no weight, or one below 1
   */
  WeightedQueue(Map<Priority, Integer> weights) {
    for (Priority priority : Priority.values()) {
      Integer weight = weights.get(priority);
      if (weight == null || weight < 1) {
        throw new IllegalArgumentException(
            "the weight of " + priority.wireName() + " must be at least 1, is " + weight);
      }
      this.weights.put(priority, weight);
      this.current.put(priority, 0);
      this.queues.put(priority, new ArrayDeque<>());
    }
  }

  synchronized void add(Priority priority, T item) {
    queues.get(priority).add(item);
  }

  /** Takes the next item by weight, or returns null if every queue is empty. */
  synchronized T poll() {
    Priority picked = null;
    int total = 0;
    for (Priority priority : Priority.values()) {
      if (queues.get(priority).isEmpty()) {
        continue;
      }
      int weight = weights.get(priority);
      current.merge(priority, weight, Integer::sum);
      total += weight;
      if (picked == null || current.get(priority) > current.get(picked)) {
        picked = priority;
      }
    }
    if (picked == null) {
      return null;
    }
    current.merge(picked, -total, Integer::sum);
    return queues.get(picked).poll();
  }

  synchronized int size(Priority priority) {
    return queues.get(priority).size();
  }
}
