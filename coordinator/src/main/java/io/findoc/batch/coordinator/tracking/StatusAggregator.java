package io.findoc.batch.coordinator.tracking;

import io.findoc.batch.common.json.JsonSerde;
import io.findoc.batch.common.json.UnreadableMessageException;
import io.findoc.batch.common.message.StatusMessage;
import io.findoc.batch.common.topic.DeadLetterPublisher;
import io.findoc.batch.coordinator.dispatch.DispatchSignal;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.stereotype.Component;

/**
 * Consumes the status topic in batches (in the {@code status-aggregator} container, see {@link
 * io.findoc.batch.coordinator.config.KafkaConfiguration}). Each batch is applied in one database
 * transaction; the container commits the offsets after this method returns, so a batch that fails
 * (database down) is retried, never skipped. Unreadable messages go to the dead-letter topic.
 */
@Component
public class StatusAggregator implements BatchMessageListener<String, byte[]> {

  private static final Logger LOG = LoggerFactory.getLogger(StatusAggregator.class);

  private final StatusApplier applier;
  private final DeadLetterPublisher deadLetters;
  private final DispatchSignal dispatchSignal;
  private final JsonSerde<StatusMessage> serde = new JsonSerde<>(StatusMessage.class);
  private final Counter applied;
  private final Counter ignored;
  private final Counter unreadable;
  private final Timer appliedBatches;
  private final Timer failedBatches;

  public StatusAggregator(
      StatusApplier applier,
      DeadLetterPublisher deadLetters,
      DispatchSignal dispatchSignal,
      MeterRegistry meters) {
    this.applier = applier;
    this.deadLetters = deadLetters;
    this.dispatchSignal = dispatchSignal;
    this.applied = meters.counter("findoc.status.reports", "outcome", "applied");
    this.ignored = meters.counter("findoc.status.reports", "outcome", "ignored");
    this.unreadable = meters.counter("findoc.status.reports", "outcome", "unreadable");
    this.appliedBatches = meters.timer("findoc.status.batch.apply", "outcome", "applied");
    this.failedBatches = meters.timer("findoc.status.batch.apply", "outcome", "failed");
  }

  @Override
  public void onMessage(List<ConsumerRecord<String, byte[]>> records) {
    List<StatusMessage> reports = new ArrayList<>(records.size());
    for (ConsumerRecord<String, byte[]> record : records) {
      try {
        StatusMessage report = serde.deserialize(record.topic(), record.value());
        if (report != null) {
          reports.add(report);
        }
      } catch (UnreadableMessageException e) {
        LOG.warn(
            "Unreadable status report at {}-{}@{}; moved to the dead-letter topic.",
            record.topic(),
            record.partition(),
            record.offset(),
            e);
        deadLetters.publish(record, e);
        unreadable.increment();
      }
    }
    if (reports.isEmpty()) {
      return;
    }
    long start = System.nanoTime();
    StatusApplier.Applied result;
    try {
      result = applier.apply(reports);
    } catch (RuntimeException e) {
      failedBatches.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
      LOG.warn(
          "A batch of {} status reports could not be applied; nothing of it was committed, its"
              + " offsets stay, and the whole batch is tried again.",
          reports.size());
      throw e;
    }
    appliedBatches.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    applied.increment(result.applied());
    ignored.increment(result.ignored());
    if (result.applied() > 0) {
      dispatchSignal.wakeUp();
    }
  }
}
