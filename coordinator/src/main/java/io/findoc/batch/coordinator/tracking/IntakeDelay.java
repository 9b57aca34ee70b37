package io.findoc.batch.coordinator.tracking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.event.ListenerContainerIdleEvent;
import org.springframework.stereotype.Component;

/**
 * How far behind this coordinator's status intake is, in time: the lease reapers give every lease
 * that much longer before they judge it lost, so that a heartbeat still waiting on the status topic
 * (a backlog, a database outage the intake is retrying through) is applied first. Without it, a
 * database outage longer than the lease handed every running task out again once the database was
 * back, while its first attempt still ran.
 *
 * <p>The delay is the age of the oldest record of the last batch applied; while a batch fails (an
 * outage), the age of its oldest record, growing; from start-up until the intake has applied a
 * batch or found the topic idle, the time since start-up. The status topic's partitions are shared
 * by the coordinators: each knows the delay of its own partitions only, so a coordinator cut off
 * from the database alone (others still reach it) does not hold back the others' reapers. Records
 * carry their producer's timestamp: a writer of the status topic who forges old ones delays lease
 * expiry by that much for one batch.
 *
 * <p>Before the group notices that a coordinator died, no coordinator knows that its partitions'
 * heartbeats go unread: a lease must outlast the group's session timeout ({@link LeaseSettings}),
 * and once the partitions are assigned again, {@link #assigned} covers the time they were orphaned.
 */
@Component
public class IntakeDelay {

  private final Clock clock;
  private Instant unknownSince;
  private Instant failingSince;
  private Duration lastDelay = Duration.ZERO;

  public IntakeDelay(Clock clock) {
    this.clock = clock;
    this.unknownSince = clock.instant();
  }

  /**
   * Partitions were assigned to this coordinator's intake (at start-up, or because a coordinator
   * came or went). Those of a coordinator that died were read by nobody until the group gave up on
   * it, for up to {@code orphanedAtMost} (its session timeout): until the intake has applied a
   * batch or found the topic idle, the delay counts from that long before now.
   */
  public synchronized void assigned(Duration orphanedAtMost) {
    Instant from = clock.instant().minus(orphanedAtMost);
    if (unknownSince == null || from.isBefore(unknownSince)) {
      unknownSince = from;
    }
  }

  /** A batch whose oldest record was produced at {@code oldest} was applied. */
  public synchronized void applied(Instant oldest) {
    lastDelay = since(oldest);
    failingSince = null;
    unknownSince = null;
  }

  /** A batch whose oldest record was produced at {@code oldest} failed and will be tried again. */
  public synchronized void failed(Instant oldest) {
    if (failingSince == null || oldest.isBefore(failingSince)) {
      failingSince = oldest;
    }
  }

  /** The intake found nothing to apply for a while: it is not behind, unless a batch is failing. */
  public synchronized void idle() {
    unknownSince = null;
    if (failingSince == null) {
      lastDelay = Duration.ZERO;
    }
  }

  /** How much longer than its lease a running attempt keeps its task now. */
  public synchronized Duration grace() {
    if (failingSince != null) {
      return since(failingSince);
    }
    return unknownSince != null ? since(unknownSince) : lastDelay;
  }

  private Duration since(Instant then) {
    Duration delay = Duration.between(then, clock.instant());
    return delay.isNegative() ? Duration.ZERO : delay;
  }

  @EventListener
  void onIdle(ListenerContainerIdleEvent event) {
    if (event.getListenerId().startsWith(StatusIntakeConfiguration.STATUS_AGGREGATOR)) {
      idle();
    }
  }

  /** {@link #grace()} as a PostgreSQL interval. */
  public String graceInterval() {
    return grace().toMillis() + " milliseconds";
  }
}
