package io.findoc.batch.coordinator.tracking;

import static java.util.concurrent.TimeUnit.MILLISECONDS;

import io.findoc.batch.common.json.JsonSerde;
import io.findoc.batch.common.json.UnreadableMessageException;
import io.findoc.batch.common.message.StatusMessage;
import io.findoc.batch.common.message.StatusReportRules;
import io.findoc.batch.common.topic.DeadLetterPublisher;
import io.findoc.batch.common.topic.DeadLetters;
import io.findoc.batch.coordinator.dispatch.DispatchSignal;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.stereotype.Component;

/**
 * Consumes the status topic in batches (in the {@code status-aggregator} container, see {@link
 * StatusIntakeConfiguration}); the container commits the offsets after this method returns. No
 * report can stop the intake:
 *
 * <ul>
 *   <li>a record that is not JSON of a {@link StatusMessage} is <em>unreadable</em>, one that
 *       breaks a {@link StatusReportRules rule} is <em>invalid</em>: neither reaches the database;
 *   <li>the others are applied in one transaction; if the database refuses the batch for what one
 *       of its reports says ({@link BatchFailures#tiedToReports}), the batch is split in halves and
 *       each half applied on its own, down to the single report, which is <em>refused</em>;
 *   <li>unreadable, invalid and refused records go to the dead-letter topic with the reason and
 *       their origin in headers ({@link DeadLetters}), after the rest of the batch committed.
 * </ul>
 *
 * Every report is counted under one {@link ReportOutcome} in {@code
 * findoc.status.reports{outcome}}: applied, heartbeat, folded, closed, duplicate, late, unreadable,
 * invalid or refused. {@code findoc.status.intake.age} is the age of each batch's oldest report
 * when the batch is applied: the status topic's share of the time until progress shows a task.
 *
 * <p>A batch that fails because the database or the broker is not there (an outage) is thrown back
 * to the container, which applies it again after a backoff: nothing is skipped then, and offsets
 * stay until it applies.
 */
@Component
public class StatusAggregator implements BatchMessageListener<String, byte[]> {

  private static final Logger LOG = LoggerFactory.getLogger(StatusAggregator.class);

  private final StatusApplier applier;
  private final DeadLetterPublisher deadLetters;
  private final DispatchSignal dispatchSignal;
  private final IntakeDelay delay;

  /** Results are taken as slices of the records' bytes, not copied. */
  private final JsonSerde<StatusMessage> serde = JsonSerde.slicingRawJson(StatusMessage.class);

  private final Map<ReportOutcome, Counter> reports = new EnumMap<>(ReportOutcome.class);
  private final Timer appliedBatches;
  private final Timer failedBatches;
  private final Timer intakeAge;

  /** A report read from its record. */
  private record Received(ConsumerRecord<String, byte[]> record, StatusMessage report) {}

  /** A record that goes to the dead-letter topic, and why. */
  private record Rejected(
      ConsumerRecord<String, byte[]> record, String reason, ReportOutcome outcome) {}

  public StatusAggregator(
      StatusApplier applier,
      DeadLetterPublisher deadLetters,
      DispatchSignal dispatchSignal,
      IntakeDelay delay,
      MeterRegistry meters) {
    this.applier = applier;
    this.deadLetters = deadLetters;
    this.dispatchSignal = dispatchSignal;
    this.delay = delay;
    for (ReportOutcome outcome : ReportOutcome.values()) {
      reports.put(outcome, meters.counter("findoc.status.reports", "outcome", outcome.tag()));
    }
    this.appliedBatches = meters.timer("findoc.status.batch.apply", "outcome", "applied");
    this.failedBatches = meters.timer("findoc.status.batch.apply", "outcome", "failed");
    this.intakeAge = meters.timer("findoc.status.intake.age");
  }

  @Override
  public void onMessage(List<ConsumerRecord<String, byte[]>> records) {
    List<Received> received = new ArrayList<>(records.size());
    List<Rejected> rejected = new ArrayList<>();
    for (ConsumerRecord<String, byte[]> record : records) {
      read(record, received, rejected);
    }
    Instant oldest = oldest(records);
    ReportTally tally;
    try {
      tally = applySplitting(valid(received, rejected), rejected);
    } catch (RuntimeException outage) {
      delay.failed(oldest);
      throw outage;
    }
    // After the commits: a batch tried again after an outage dead-letters nothing twice.
    for (Rejected record : rejected) {
      deadLetters.publish(record.record(), record.reason());
      tally.add(record.outcome(), 1);
    }
    delay.applied(oldest);
    intakeAge.record(Math.max(0, System.currentTimeMillis() - oldest.toEpochMilli()), MILLISECONDS);
    tally.counts().forEach((outcome, n) -> this.reports.get(outcome).increment(n));
    if (tally.of(ReportOutcome.APPLIED) > 0) {
      dispatchSignal.wakeUp();
    }
  }

  /** When the oldest of {@code records} was produced. */
  private static Instant oldest(List<ConsumerRecord<String, byte[]>> records) {
    long oldest = Long.MAX_VALUE;
    for (ConsumerRecord<String, byte[]> record : records) {
      oldest = Math.min(oldest, record.timestamp());
    }
    return Instant.ofEpochMilli(oldest == Long.MAX_VALUE ? System.currentTimeMillis() : oldest);
  }

  private void read(
      ConsumerRecord<String, byte[]> record, List<Received> reports, List<Rejected> rejected) {
    if (record.value() == null) {
      rejected.add(new Rejected(record, "the record has no value", ReportOutcome.UNREADABLE));
      return;
    }
    try {
      reports.add(new Received(record, serde.deserialize(record.topic(), record.value())));
    } catch (UnreadableMessageException e) {
      LOG.warn(
          "Unreadable status report at {}; it goes to the dead-letter topic.",
          DeadLetters.origin(record),
          e);
      rejected.add(new Rejected(record, e.getMessage(), ReportOutcome.UNREADABLE));
    }
  }

  /** The reports that keep every rule; the others join {@code rejected}. */
  private List<Received> valid(List<Received> reports, List<Rejected> rejected) {
    List<Received> valid = new ArrayList<>(reports.size());
    for (Received received : reports) {
      Optional<String> violation = StatusReportRules.violation(received.report());
      if (violation.isEmpty()) {
        valid.add(received);
      } else {
        String reason = "invalid status report: " + violation.get();
        LOG.warn(
            "Status report at {} is invalid ({}); it goes to the dead-letter topic, the rest of"
                + " its batch is applied.",
            DeadLetters.origin(received.record()),
            violation.get());
        rejected.add(new Rejected(received.record(), reason, ReportOutcome.INVALID));
      }
    }
    return valid;
  }

  /**
   * Applies {@code part} in one transaction, or, if the database refused it for what its reports
   * say, each half on its own; a single report refused joins {@code rejected}.
   */
  private ReportTally applySplitting(List<Received> part, List<Rejected> rejected) {
    if (part.isEmpty()) {
      return new ReportTally();
    }
    long start = System.nanoTime();
    try {
      ReportTally result = applier.apply(part.stream().map(Received::report).toList());
      appliedBatches.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
      return result;
    } catch (RuntimeException e) {
      failedBatches.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
      if (!BatchFailures.tiedToReports(e)) {
        LOG.warn(
            "A batch of {} status reports could not be applied ({}); nothing of it was committed,"
                + " its offsets stay, and the whole batch is tried again.",
            part.size(),
            BatchFailures.describe(e));
        throw e;
      }
      if (part.size() == 1) {
        Received alone = part.get(0);
        LOG.warn(
            "Status report at {} was refused by the database; it goes to the dead-letter topic,"
                + " the rest of its batch is applied.",
            DeadLetters.origin(alone.record()),
            e);
        rejected.add(
            new Rejected(
                alone.record(),
                "refused by the database: " + BatchFailures.describe(e),
                ReportOutcome.REFUSED));
        return new ReportTally();
      }
      int half = part.size() / 2;
      LOG.info(
          "A batch of {} status reports was refused for what one of them says; its halves are"
              + " applied on their own.",
          part.size());
      return applySplitting(part.subList(0, half), rejected)
          .add(applySplitting(part.subList(half, part.size()), rejected));
    }
  }
}
