package io.findoc.batch.coordinator.events;

import io.findoc.batch.common.agent.PeriodicAgent;
import io.findoc.batch.coordinator.config.CoordinatorProperties;
import io.findoc.batch.coordinator.store.AttachedStores;
import io.findoc.batch.coordinator.store.EventRow;
import io.findoc.batch.coordinator.store.EventStore;
import io.findoc.batch.coordinator.webhooks.DeliverySignal;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes the outbox: each round takes the relay's advisory lock (one relay at a time over all
 * coordinators, so every job's events leave in the order they were written), claims the oldest
 * events not relayed, publishes them to the job-events topic as CloudEvents, waits for the broker's
 * acknowledgements, then marks them relayed and creates their webhook deliveries in the same
 * transaction. A round that fails rolls back and its events are published again: a consumer may see
 * an event twice (same id), never miss one. Relayed events older than the retention are deleted.
 *
 * <p>It runs when a transaction of this coordinator that wrote events commits ({@link
 * OutboxSignal}), and every {@code relay-interval} as a fallback; after a round that created
 * webhook deliveries it wakes the deliverer ({@link DeliverySignal}). A pass that finds another
 * coordinator relaying tries again every {@code BUSY_RETRY}, {@code BUSY_RETRIES} times at most:
 * that round may have begun before this coordinator's events committed, and would leave them to the
 * next poll.
 */
@Component
public class OutboxRelay extends PeriodicAgent implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
  private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration CLEANUP_PERIOD = Duration.ofMinutes(1);
  private static final int CLEANUP_BATCH = 10_000;
  private static final Duration BUSY_RETRY = Duration.ofMillis(50);
  private static final int BUSY_RETRIES = 20;

  /** What {@link #runOnce()} returns when another coordinator holds the relay lock. */
  public static final int ANOTHER_RELAYS = -1;

  private final Jdbi jdbi;
  private final KafkaTemplate<String, byte[]> kafka;
  private final CloudEventRecords records;
  private final int batchSize;
  private final String retention;
  private final Clock clock;
  private final Counter published;
  private final DeliverySignal deliveries;
  private Instant nextCleanup = Instant.MIN;

  public OutboxRelay(
      Jdbi jdbi,
      KafkaTemplate<String, byte[]> kafka,
      CoordinatorProperties properties,
      Clock clock,
      MeterRegistry meters,
      OutboxSignal signal,
      DeliverySignal deliveries) {
    super("outbox-relay", properties.events().relayInterval(), signal);
    this.jdbi = jdbi;
    this.deliveries = deliveries;
    this.kafka = kafka;
    this.records =
        new CloudEventRecords(properties.topics().jobEvents(), properties.events().source());
    this.batchSize = properties.events().relayBatchSize();
    this.retention = properties.events().retention().toSeconds() + " seconds";
    this.clock = clock;
    this.published = meters.counter("findoc.events.published");
  }

  @Override
  protected void runPass() {
    int busy = 0;
    for (int relayed = runOnce(); relayed == batchSize || relayed == ANOTHER_RELAYS; ) {
      if (relayed == ANOTHER_RELAYS) {
        // Its round may have begun before our events committed: try again shortly, not a poll
        // later.
        if (++busy > BUSY_RETRIES || !pause(BUSY_RETRY)) {
          break;
        }
      }
      relayed = runOnce();
    }
    if (clock.instant().isAfter(nextCleanup)) {
      nextCleanup = clock.instant().plus(CLEANUP_PERIOD);
      int deleted =
          jdbi.withExtension(
              EventStore.class, events -> events.deleteRelayedBefore(retention, CLEANUP_BATCH));
      if (deleted > 0) {
        LOG.info("Deleted {} job events relayed more than {} ago.", deleted, retention);
      }
    }
  }

  /**
   * One round; returns how many events it relayed, or {@link #ANOTHER_RELAYS} if another
   * coordinator holds the relay lock.
   */
  public int runOnce() {
    return jdbi.inTransaction(
        handle -> {
          EventStore events = AttachedStores.of(handle, EventStore.class);
          if (!events.tryRelayLock()) {
            return ANOTHER_RELAYS;
          }
          List<EventRow> batch = events.claimToRelay(batchSize);
          if (batch.isEmpty()) {
            return 0;
          }
          publish(batch);
          if (events.markRelayed(batch.stream().mapToLong(EventRow::seq).toArray()) > 0) {
            handle.afterCommit(deliveries::wakeUp);
          }
          published.increment(batch.size());
          return batch.size();
        });
  }

  private static boolean pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void publish(List<EventRow> batch) {
    List<CompletableFuture<?>> sends = new ArrayList<>(batch.size());
    for (EventRow event : batch) {
      sends.add(kafka.send(records.of(event)));
    }
    try {
      CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
          .get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new EventsNotPublishedException(batch.size(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EventsNotPublishedException(batch.size(), e);
    }
  }
}
