package io.findoc.batch.coordinator.dispatch;

import io.findoc.batch.common.message.Priority;
import io.findoc.batch.coordinator.config.CoordinatorProperties;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * How many tasks each priority may hand to Kafka in a round. Tasks dispatched and not yet started
 * (QUEUED) are what pause and cancel would have to chase and what a newly submitted job queues
 * behind, so each priority keeps about {@code queue-time} of work queued: the observed completion
 * rate times that time, within {@code min-in-flight} and {@code max-in-flight}. All priorities
 * together never exceed {@code max-in-flight}, and one round never exceeds {@code batch-size};
 * higher priorities are served first.
 *
 * <p>A priority is topped up once it has fallen a quarter of its target below it (or a whole {@code
 * batch-size}, if that is less), not after every finished task: with slow tasks, finishing a few at
 * a time, a round per report would cost the coordinator a claim, a round record and a publication
 * for two or three tasks each, the CPU the workers need. A priority with nothing queued is always
 * topped up, so a new job of an idle priority starts at once.
 */
final class DispatchCredit {

  /** How far below the target a priority falls before it is topped up. */
  private static final int REFILL_FRACTION = 4;

  private final CoordinatorProperties.Dispatch settings;

  DispatchCredit(CoordinatorProperties.Dispatch settings) {
    this.settings = settings;
  }

  /** The queued tasks each priority should have, given the completion rate. */
  int target(double completionsPerSecond) {
    double wanted = completionsPerSecond * settings.queueTime().toMillis() / 1000.0;
    return (int) Math.max(settings.minInFlight(), Math.min(settings.maxInFlight(), wanted));
  }

  /**
   * @param target the queued tasks each priority should have, from {@link #target}
   * @param queued tasks QUEUED now, per priority
   * @param waiting the priorities that have tasks to hand out; the others get no credit
   */
  Map<Priority, Integer> forRound(int target, Map<Priority, Long> queued, Set<Priority> waiting) {
    long allQueued = queued.values().stream().mapToLong(Long::longValue).sum();
    long left = Math.min(settings.batchSize(), settings.maxInFlight() - allQueued);
    Map<Priority, Integer> credit = new EnumMap<>(Priority.class);
    for (Priority priority : Priority.values()) {
      if (!waiting.contains(priority)) {
        credit.put(priority, 0);
        continue;
      }
      long own = Math.max(0, target - queued.getOrDefault(priority, 0L));
      if (own < refillThreshold(target)) {
        credit.put(priority, 0);
        continue;
      }
      int granted = (int) Math.max(0, Math.min(own, left));
      credit.put(priority, granted);
      left -= granted;
    }
    return credit;
  }

  private int refillThreshold(int target) {
    return Math.max(1, Math.min(settings.batchSize(), target / REFILL_FRACTION));
  }
}
