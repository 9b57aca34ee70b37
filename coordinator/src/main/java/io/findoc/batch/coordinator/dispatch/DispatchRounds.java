package io.findoc.batch.coordinator.dispatch;

import io.findoc.batch.coordinator.config.CoordinatorInstance;
import io.findoc.batch.coordinator.config.CoordinatorProperties;
import io.findoc.batch.coordinator.store.AttachedStores;
import io.findoc.batch.coordinator.store.ClaimedTask;
import io.findoc.batch.coordinator.store.DispatchRoundStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The rounds of the {@link TaskDispatcher} between their claim and the broker's acknowledgement. A
 * round's claim commits first, with a record of the attempts it claimed ({@link #open}); then it is
 * published, holding no row lock, so workers' reports of its first tasks apply at once instead of
 * waiting for its last acknowledgement; then its record goes ({@link #publish}). A record still
 * there at its retry time, because its coordinator died or the broker refused the messages, is
 * taken over by any coordinator, which publishes again those of its attempts that are still QUEUED
 * ({@link #publishDue}): a message may so reach the workers twice, never zero times.
 */
@Component
public class DispatchRounds {

  private static final Logger LOG = LoggerFactory.getLogger(DispatchRounds.class);

  /** How long after a failed publication the round is tried again. */
  static final Duration RETRY_DELAY = Duration.ofSeconds(1);

  private final DispatchRoundStore rounds;
  private final TaskPublisher publisher;
  private final String publishTime;
  private final String claimedBy;
  private final Counter takenOver;

  public DispatchRounds(
      Jdbi jdbi, TaskPublisher publisher, CoordinatorProperties properties, MeterRegistry meters) {
    this.rounds = jdbi.onDemand(DispatchRoundStore.class);
    this.publisher = publisher;
    // The publisher gives up after send-timeout; the margin keeps others off a round in time.
    this.publishTime = interval(properties.dispatch().sendTimeout().plusSeconds(5));
    this.claimedBy = CoordinatorInstance.name();
    this.takenOver = meters.counter("findoc.dispatch.rounds.retried");
  }

  /** Records, in the claim's transaction, the attempts a round claimed; returns the round's id. */
  long open(Handle claim, List<ClaimedTask> claimed) {
    UUID[] jobIds = new UUID[claimed.size()];
    int[] numbers = new int[claimed.size()];
    int[] attempts = new int[claimed.size()];
    for (int i = 0; i < claimed.size(); i++) {
      ClaimedTask task = claimed.get(i);
      jobIds[i] = task.jobId();
      numbers[i] = task.number();
      attempts[i] = task.attempt();
    }
    return AttachedStores.of(claim, DispatchRoundStore.class)
        .open(claimedBy, publishTime, jobIds, numbers, attempts);
  }

  /**
   * Publishes a committed round and forgets it.
   *
   * @throws DispatchFailedException if the broker did not take every message; the round is then due
   *     again after {@link #RETRY_DELAY}
   */
  void publish(long round, List<ClaimedTask> tasks) {
    try {
      publisher.publishAll(tasks, false);
    } catch (DispatchFailedException e) {
      rounds.postpone(round, interval(RETRY_DELAY));
      throw e;
    }
    rounds.close(round);
  }

  /**
   * Publishes again the oldest round past its retry time, if there is one.
   *
   * @return how many of its tasks were published again
   */
  int publishDue() {
    Optional<Long> due = rounds.takeDue(claimedBy, publishTime);
    if (due.isEmpty()) {
      return 0;
    }
    List<ClaimedTask> queued = rounds.stillQueued(due.get());
    LOG.info(
        "Dispatch round {} was not published in time; publishing its {} tasks still queued again.",
        due.get(),
        queued.size());
    takenOver.increment();
    publish(due.get(), queued);
    return queued.size();
  }

  private static String interval(Duration duration) {
    return duration.toMillis() + " milliseconds";
  }
}
