package io.findoc.batch.coordinator.events;

import io.findoc.batch.common.agent.DaemonThreads;
import io.findoc.batch.common.agent.PeriodicAgent;
import io.findoc.batch.coordinator.config.CoordinatorProperties;
import io.findoc.batch.coordinator.store.EventStore;
import io.findoc.batch.coordinator.store.RelayedEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open event streams of tenants ({@code GET /api/batch/events/stream}): every job event of the
 * tenant, as the webhooks and the Kafka topic get them, once relayed. Every {@code
 * findoc.progress.interval} one query reads the events relayed since the last read for all the
 * tenants that have a stream open (none while no stream is open), and each event is queued to its
 * tenant's streams; so the database is read the same whatever the number of streams. The position
 * read up to is {@code (relayed_at, seq)}: the relay's rounds commit one after the other with later
 * times, so no event can appear behind it (see {@code findRelayedAfter.sql}); it is kept in memory,
 * so every coordinator streams every event whichever coordinator relayed it.
 *
 * <p>A stream opened with {@code Last-Event-ID} (an event's seq, the SSE id of each event) is first
 * sent the tenant's events after that one up to the shared position, then joins the others: no
 * event is lost or sent twice between the two, since rounds and openings take turns. An idle stream
 * gets a comment every {@code findoc.progress.refresh}, which also finds clients gone. Meters:
 * {@code findoc.events.streams} (open) and {@code findoc.events.stream-reads} (queries).
 */
@Component
public class JobEventStreams extends PeriodicAgent implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(JobEventStreams.class);

  /** The most events a read takes; the next round reads on. */
  static final int READ_LIMIT = 5_000;

  /** The most events a stream may be behind before it is ended (it resumes). */
  static final int STREAM_CAPACITY = 10_000;

  private final Jdbi jdbi;
  private final CoordinatorProperties.Progress settings;
  private final Map<String, Set<EventStream>> byTenant = new ConcurrentHashMap<>();
  private final ExecutorService senders =
      Executors.newCachedThreadPool(DaemonThreads.numbered("event-sender-"));
  private final Counter reads;
  private final Object turn = new Object();
  private Instant positionAt = Instant.EPOCH;
  private long positionSeq;
  private boolean readFailing;

  public JobEventStreams(Jdbi jdbi, CoordinatorProperties properties, MeterRegistry meters) {
    super("event-streams", properties.progress().interval());
    this.jdbi = jdbi;
    this.settings = properties.progress();
    this.reads = meters.counter("findoc.events.stream-reads");
    meters.gauge(
        "findoc.events.streams",
        byTenant,
        streams -> streams.values().stream().mapToInt(Set::size).sum());
  }

  /** Where a stream starts. */
  public sealed interface Start {}

  /** With the events to come. */
  public record Now() implements Start {}

  /** After the tenant's event {@code seq} (its SSE id). */
  public record After(long seq) implements Start {}

  /**
   * Opens a stream of the tenant's job events. After an event no longer kept (older than {@code
   * findoc.events.retention}), the stream starts with the events to come, and says so in a comment.
   */
  public SseEmitter open(String tenant, Start start, Duration timeout) {
    SseEmitter emitter = new SseEmitter(timeout.toMillis());
    EventStream stream = new EventStream(emitter, senders, STREAM_CAPACITY);
    emitter.onCompletion(stream::clientGone);
    emitter.onTimeout(stream::clientGone);
    emitter.onError(e -> stream.clientGone());
    try {
      // Sent at once, so that the client has the answer's headers before the first event.
      emitter.send(SseEmitter.event().comment("job events of tenant " + tenant));
    } catch (IOException e) {
      stream.clientGone();
      return emitter;
    }
    synchronized (turn) {
      if (byTenant.isEmpty()) {
        // Nothing was read while no stream was open: the shared position starts now.
        jdbi.withExtension(EventStore.class, EventStore::findRelayedHead)
            .ifPresentOrElse(this::moveTo, () -> moveTo(Instant.EPOCH, 0));
      }
      if (start instanceof After after) {
        replay(tenant, after.seq(), stream, emitter);
      }
      byTenant.computeIfAbsent(tenant, t -> new CopyOnWriteArraySet<>()).add(stream);
    }
    return emitter;
  }

  /** Queues the tenant's events after {@code seq} up to the shared position. */
  private void replay(String tenant, long seq, EventStream stream, SseEmitter emitter) {
    Optional<RelayedEvent> from =
        jdbi.withExtension(EventStore.class, events -> events.findRelayed(seq, tenant));
    if (from.isEmpty()) {
      try {
        emitter.send(
            SseEmitter.event()
                .comment("event " + seq + " is not kept (or not this tenant's): from now on"));
      } catch (IOException e) {
        stream.clientGone();
      }
      return;
    }
    Instant at = from.get().relayedAt();
    long after = seq;
    while (!stream.isClosed()) {
      Instant fromAt = at;
      long fromSeq = after;
      List<RelayedEvent> page =
          jdbi.withExtension(
              EventStore.class,
              events -> events.findRelayedAfter(new String[] {tenant}, fromAt, fromSeq, 1000));
      for (RelayedEvent event : page) {
        if (!atOrBeforePosition(event)) {
          return;
        }
        stream.offer(event);
        at = event.relayedAt();
        after = event.seq();
      }
      if (page.size() < 1000) {
        return;
      }
    }
  }

  private boolean atOrBeforePosition(RelayedEvent event) {
    int byTime = event.relayedAt().compareTo(positionAt);
    return byTime < 0 || (byTime == 0 && event.seq() <= positionSeq);
  }

  /** One round: forget ended streams, read the events relayed since the last, queue them. */
  void readAll() {
    synchronized (turn) {
      byTenant.values().forEach(streams -> streams.removeIf(EventStream::isClosed));
      byTenant.values().removeIf(Set::isEmpty);
      if (byTenant.isEmpty()) {
        return;
      }
      List<RelayedEvent> events = read(byTenant.keySet().toArray(String[]::new));
      for (RelayedEvent event : events) {
        for (EventStream stream : byTenant.getOrDefault(event.tenantId(), Set.of())) {
          stream.offer(event);
        }
      }
      if (!events.isEmpty()) {
        moveTo(events.get(events.size() - 1));
      }
      long now = System.nanoTime();
      long idle = settings.refresh().toNanos();
      byTenant.values().forEach(streams -> streams.forEach(s -> s.keepAlive(now, idle)));
    }
  }

  private List<RelayedEvent> read(String[] tenants) {
    try {
      reads.increment();
      List<RelayedEvent> events =
          jdbi.withExtension(
              EventStore.class,
              store -> store.findRelayedAfter(tenants, positionAt, positionSeq, READ_LIMIT));
      if (readFailing) {
        LOG.info("The job events can be read for the event streams again.");
        readFailing = false;
      }
      return events;
    } catch (RuntimeException e) {
      if (!readFailing) {
        LOG.warn(
            "Could not read the job events for the event streams; they stay open and wait,"
                + " trying every {}.",
            settings.interval(),
            e);
        readFailing = true;
      }
      return List.of();
    }
  }

  private void moveTo(RelayedEvent event) {
    moveTo(event.relayedAt(), event.seq());
  }

  private void moveTo(Instant at, long seq) {
    positionAt = at;
    positionSeq = seq;
  }

  @Override
  protected void runPass() {
    readAll();
  }

  @Override
  public synchronized void stop() {
    super.stop();
    synchronized (turn) {
      byTenant.values().forEach(streams -> streams.forEach(EventStream::end));
      byTenant.clear();
    }
    senders.shutdown();
  }
}
