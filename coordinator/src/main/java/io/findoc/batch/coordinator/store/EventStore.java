package io.findoc.batch.coordinator.store;

import io.findoc.batch.common.event.EventType;
import io.findoc.batch.common.state.JobState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The job-event outbox: events are written in the transaction of the change they report, and the
 * {@code OutboxRelay} publishes them in order and fans them out to the webhook endpoints. Every
 * {@code insert...} that writes an event wakes the relay once its transaction commits ({@link
 * OutboxWakeUp}); the {@code write...} statements behind them do not.
 */
@UseClasspathSqlLocator
@RegisterConstructorMapper(EventRow.class)
public interface EventStore extends SqlObject {

  /**
   * Writes a job event with the job's state and counts as they are now in this transaction; {@code
   * from} (may be null) is the state the job left, {@code reason} (may be null) why it moved.
   */
  default void insertJobEvent(UUID jobId, EventType type, JobState from, String reason) {
    writeJobEvent(jobId, type.wireName(), from == null ? null : from.name(), reason);
    OutboxWakeUp.register(getHandle());
  }

  /** The statement of {@link #insertJobEvent}, without the relay's wake-up. */
  @SqlUpdate("insertJobEvent")
  void writeJobEvent(
      @Bind("id") UUID jobId,
      @Bind("type") String type,
      @Bind("from") String from,
      @Bind("reason") String reason);

  /** Marks the job as one whose tasks write {@code batch.task.*} events. */
  @SqlUpdate
  void enableTaskEvents(@Bind("id") UUID jobId);

  /** Whether the tenant has an enabled endpoint for all its jobs subscribed to a task event. */
  @SqlQuery
  boolean tenantWantsTaskEvents(@Bind("tenantId") String tenantId);

  /** Those of the jobs whose tasks write events. */
  @SqlQuery
  Set<UUID> findWithTaskEvents(@Bind("ids") UUID[] jobIds);

  /**
   * Writes one task event per (job, task number, type), in the given order, with the task as it is
   * now in this transaction; rows of jobs without task events are skipped. Returns how many it
   * wrote.
   */
  default int insertTaskEvents(UUID[] jobIds, int[] numbers, String[] types) {
    int written = writeTaskEvents(jobIds, numbers, types);
    if (written > 0) {
      OutboxWakeUp.register(getHandle());
    }
    return written;
  }

  /** The statement of {@link #insertTaskEvents}, without the relay's wake-up. */
  @SqlUpdate("insertTaskEvents")
  int writeTaskEvents(
      @Bind("jobIds") UUID[] jobIds, @Bind("numbers") int[] numbers, @Bind("types") String[] types);

  /**
   * Writes a {@code batch.job.progress} event for each of the unfinished jobs that reached a new
   * step of {@code stepPercent} percent done and last wrote one at least {@code interval} ago (a
   * PostgreSQL interval); returns how many it wrote.
   */
  default int insertProgressEvents(UUID[] jobIds, int stepPercent, String interval) {
    int written = writeProgressEvents(jobIds, stepPercent, interval);
    if (written > 0) {
      OutboxWakeUp.register(getHandle());
    }
    return written;
  }

  /** The statement of {@link #insertProgressEvents}, without the relay's wake-up. */
  @SqlUpdate("insertProgressEvents")
  int writeProgressEvents(
      @Bind("ids") UUID[] jobIds,
      @Bind("stepPercent") int stepPercent,
      @Bind("interval") String interval);

  /**
   * Takes the relay's advisory lock for this transaction: true if this coordinator relays now (one
   * relay at a time keeps every job's events in order across replicas).
   */
  @SqlQuery
  boolean tryRelayLock();

  /** The oldest events not yet relayed, in order, locked for this transaction. */
  @SqlQuery
  List<EventRow> claimToRelay(@Bind("limit") int limit);

  /**
   * Marks the events relayed and creates a delivery for each enabled webhook endpoint that wants
   * it; returns the number of deliveries created.
   */
  @SqlUpdate
  int markRelayed(@Bind("seqs") long[] seqs);

  /**
   * Deletes up to {@code limit} events relayed more than {@code age} ago, with their deliveries,
   * except those a delivery still waits to send.
   */
  @SqlUpdate
  int deleteRelayedBefore(@Bind("age") String age, @Bind("limit") int limit);

  /**
   * Up to {@code limit} relayed events of the {@code tenants} after the position {@code (afterAt,
   * afterSeq)}, in relay order; see {@link RelayedEvent}.
   */
  @SqlQuery
  @RegisterConstructorMapper(RelayedEvent.class)
  List<RelayedEvent> findRelayedAfter(
      @Bind("tenants") String[] tenants,
      @Bind("afterAt") Instant afterAt,
      @Bind("afterSeq") long afterSeq,
      @Bind("limit") int limit);

  /** The event relayed last, if any. */
  @SqlQuery
  @RegisterConstructorMapper(RelayedEvent.class)
  Optional<RelayedEvent> findRelayedHead();

  /** The tenant's relayed event {@code seq}, if it is kept still. */
  @SqlQuery
  @RegisterConstructorMapper(RelayedEvent.class)
  Optional<RelayedEvent> findRelayed(@Bind("seq") long seq, @Bind("tenant") String tenant);

  /**
   * The job's latest events, newest first, at most {@code limit}: the job page's list, read
   * backwards through {@code job_event_of_job} however many events the job wrote. Relayed events
   * are kept for the retention only.
   */
  @SqlQuery
  List<EventRow> findLatestForJob(@Bind("jobId") UUID jobId, @Bind("limit") int limit);

  /** Events of a job in order: for tests and support. */
  @SqlQuery
  List<EventRow> findForJob(@Bind("jobId") UUID jobId);
}
