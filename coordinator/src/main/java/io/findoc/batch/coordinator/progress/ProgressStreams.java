package io.findoc.batch.coordinator.progress;

import io.findoc.batch.common.agent.DaemonThreads;
import io.findoc.batch.common.agent.PeriodicAgent;
import io.findoc.batch.coordinator.config.CoordinatorProperties;
import io.findoc.batch.coordinator.store.JobRow;
import io.findoc.batch.coordinator.store.JobStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open progress streams. Every {@code findoc.progress.interval} one query reads all the
 * streamed jobs, however many watch each; a job's watchers get an event (the job as {@code GET
 * /api/batch/jobs/{id}} shows it) when its counts or state changed, so at most one per interval,
 * and at least every {@code refresh}. After the event of a finished job its streams end.
 *
 * <p>Events are written by sender threads, one event held per watcher at most ({@link Watcher}); a
 * watcher whose client does not take an event within {@code slow-client-timeout} is dropped.
 * Meters: {@code findoc.progress.streams} (open), {@code findoc.progress.reads} (queries), {@code
 * findoc.progress.events} (events offered per job) and {@code findoc.progress.dropped} (slow
 * watchers dropped).
 */
@Component
public class ProgressStreams extends PeriodicAgent implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(ProgressStreams.class);

  /** A write under way this long holds its sender thread: another one is started beside it. */
  private static final Duration SLOW_WRITE = Duration.ofSeconds(1);

  /** The most sender threads started beside the usual ones for writes that are slow. */
  private static final int MOST_EXTRA_SENDERS = 64;

  private final Function<UUID[], List<JobRow>> reader;
  private final Clock clock;
  private final CoordinatorProperties.Progress settings;
  private final Map<UUID, JobWatch> watched = new ConcurrentHashMap<>();
  private final ThreadPoolExecutor senders;
  private final Counter reads;
  private final Counter events;
  private final Counter dropped;
  private boolean readFailing;

  @Autowired
  public ProgressStreams(
      JobStore jobs, Clock clock, CoordinatorProperties properties, MeterRegistry meters) {
    this(jobs::findAll, clock, properties.progress(), meters);
  }

  ProgressStreams(
      Function<UUID[], List<JobRow>> reader,
      Clock clock,
      CoordinatorProperties.Progress settings,
      MeterRegistry meters) {
    super("progress-streams", settings.interval(), Start.AT_ONCE);
    this.reader = reader;
    this.clock = clock;
    this.settings = settings;
    this.senders =
        new ThreadPoolExecutor(
            settings.senderThreads(),
            settings.senderThreads() + MOST_EXTRA_SENDERS,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            DaemonThreads.numbered("progress-sender-"));
    this.reads = meters.counter("findoc.progress.reads");
    this.events = meters.counter("findoc.progress.events");
    this.dropped = meters.counter("findoc.progress.dropped");
    meters.gauge("findoc.progress.streams", watched, ProgressStreams::open);
  }

  /**
   * Opens a stream of the job's progress: its first event comes at once if the job is streamed
   * already, else with the next read.
   */
  public SseEmitter open(UUID jobId, Duration timeout) {
    SseEmitter emitter = new SseEmitter(timeout.toMillis());
    Watcher watcher = watch(jobId, new EmitterSink(emitter));
    emitter.onCompletion(watcher::clientGone);
    emitter.onTimeout(watcher::clientGone);
    emitter.onError(e -> watcher.clientGone());
    return emitter;
  }

  /** Adds a watcher of the job whose events go to {@code sink}. */
  Watcher watch(UUID jobId, EventSink sink) {
    Watcher watcher = new Watcher(sink, senders);
    watched.compute(
        jobId,
        (id, watch) -> {
          JobWatch joined = watch == null ? new JobWatch() : watch;
          joined.add(watcher);
          return joined;
        });
    return watcher;
  }

  /**
   * One round: forget ended streams, drop slow ones, read the streamed jobs, offer events. A job
   * whose event cannot be made is skipped for this round; the others go on.
   */
  void lookAll(long nowNanos) {
    int slowWriters = 0;
    for (UUID id : watched.keySet()) {
      JobWatch watch = watched.computeIfPresent(id, (key, w) -> prune(key, w, nowNanos));
      slowWriters += watch == null ? 0 : watch.writingLongerThan(nowNanos, SLOW_WRITE);
    }
    // Writers to clients that stopped reading hold their threads until the write times out.
    senders.setCorePoolSize(settings.senderThreads() + Math.min(slowWriters, MOST_EXTRA_SENDERS));
    if (watched.isEmpty()) {
      return;
    }
    UUID[] ids = watched.keySet().toArray(UUID[]::new);
    Map<UUID, JobRow> rows = read(ids);
    if (rows == null) {
      return;
    }
    Instant at = clock.instant();
    for (UUID id : ids) {
      JobWatch watch = watched.get(id);
      if (watch == null) {
        continue;
      }
      JobRow row = rows.get(id);
      try {
        if (row == null) {
          watch.end();
          watched.remove(id, watch);
        } else if (watch.show(row, at, nowNanos, settings.refresh())) {
          events.increment();
        }
      } catch (RuntimeException e) {
        LOG.warn("Could not make the progress event of job {}; its streams wait.", id, e);
      }
    }
  }

  private JobWatch prune(UUID id, JobWatch watch, long nowNanos) {
    int slow = watch.prune(nowNanos, settings.slowClientTimeout());
    if (slow > 0) {
      dropped.increment(slow);
      LOG.info(
          "Dropped {} progress stream(s) of job {}: an event took more than {} to reach them.",
          slow,
          id,
          settings.slowClientTimeout());
    }
    return watch.isEmpty() ? null : watch;
  }

  /** The streamed jobs, or null if the database could not be read (said once per outage). */
  private Map<UUID, JobRow> read(UUID[] ids) {
    Map<UUID, JobRow> rows = new HashMap<>();
    try {
      reads.increment();
      for (JobRow row : reader.apply(ids)) {
        rows.put(row.id(), row);
      }
    } catch (RuntimeException e) {
      if (!readFailing) {
        LOG.warn(
            "Could not read the streamed jobs; their streams stay open and wait, trying every {}.",
            settings.interval(),
            e);
        readFailing = true;
      }
      return null;
    }
    if (readFailing) {
      LOG.info("The streamed jobs can be read again.");
      readFailing = false;
    }
    return rows;
  }

  @Override
  protected void runPass() {
    lookAll(System.nanoTime());
  }

  @Override
  protected void logFailure(RuntimeException e) {
    // A round that failed for an unforeseen reason must not end the rounds to come.
    LOG.warn("A round of the progress streams failed; the next one runs as usual.", e);
  }

  private static double open(Map<UUID, JobWatch> watched) {
    return watched.values().stream().mapToInt(JobWatch::size).sum();
  }

  @Override
  public synchronized void stop() {
    super.stop();
    watched.values().forEach(JobWatch::end);
    watched.clear();
    senders.shutdown();
  }
}
