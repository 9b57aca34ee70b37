package io.findoc.batch.coordinator.progress;

import io.findoc.batch.common.state.JobState;
import io.findoc.batch.coordinator.api.JobView;
import io.findoc.batch.coordinator.store.JobRow;
import io.findoc.batch.coordinator.store.JobStore;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open progress streams: one thread reads each streamed job every {@value #LOOK_MILLIS} ms and
 * sends a {@code progress} event (the job as {@code GET /api/batch/jobs/{id}} shows it) when its
 * state changed, and at least every second; after the event of a finished job the stream ends.
 * Nothing per task: one primary-key read per stream and look.
 */
@Component
public class ProgressStreams implements SmartLifecycle {

  static final long LOOK_MILLIS = 250;
  private static final Duration EVERY = Duration.ofSeconds(1);

  private final JobStore jobs;
  private final Clock clock;
  private final Set<Stream> streams = ConcurrentHashMap.newKeySet();
  private ScheduledExecutorService timer;

  public ProgressStreams(JobStore jobs, Clock clock) {
    this.jobs = jobs;
    this.clock = clock;
  }

  private static final class Stream {
    final UUID jobId;
    final SseEmitter emitter;
    JobState lastState;
    Instant lastSent = Instant.EPOCH;

    Stream(UUID jobId, SseEmitter emitter) {
      this.jobId = jobId;
      this.emitter = emitter;
    }
  }

  /** Opens a stream of the job's progress; sends the first event at once. */
  public SseEmitter open(UUID jobId, Duration timeout) {
    SseEmitter emitter = new SseEmitter(timeout.toMillis());
    Stream stream = new Stream(jobId, emitter);
    emitter.onCompletion(() -> streams.remove(stream));
    emitter.onTimeout(() -> streams.remove(stream));
    emitter.onError(e -> streams.remove(stream));
    streams.add(stream);
    return emitter;
  }

  private void lookAll() {
    for (Stream stream : streams) {
      look(stream);
    }
  }

  private void look(Stream stream) {
    try {
      JobRow job = jobs.find(stream.jobId).orElse(null);
      if (job == null) {
        stream.emitter.complete();
        streams.remove(stream);
        return;
      }
      Instant now = clock.instant();
      boolean changed = job.state() != stream.lastState;
      if (changed || !now.isBefore(stream.lastSent.plus(EVERY))) {
        stream.emitter.send(
            SseEmitter.event()
                .name("progress")
                .id(Long.toString(now.toEpochMilli()))
                .data(JobView.of(job, now)));
        stream.lastState = job.state();
        stream.lastSent = now;
        if (job.state().isFinished()) {
          stream.emitter.complete();
          streams.remove(stream);
        }
      }
    } catch (IOException | IllegalStateException e) {
      // The client went away: Spring completes the emitter, which removes the stream.
      streams.remove(stream);
    } catch (RuntimeException e) {
      stream.emitter.completeWithError(e);
      streams.remove(stream);
    }
  }

  @Override
  public synchronized void start() {
    if (timer == null) {
      timer =
          Executors.newSingleThreadScheduledExecutor(
              runnable -> {
                Thread thread = new Thread(runnable, "progress-streams");
                thread.setDaemon(true);
                return thread;
              });
      timer.scheduleWithFixedDelay(this::lookAll, 0, LOOK_MILLIS, TimeUnit.MILLISECONDS);
    }
  }

  @Override
  public synchronized void stop() {
    if (timer != null) {
      timer.shutdownNow();
      timer = null;
    }
    streams.forEach(stream -> stream.emitter.complete());
    streams.clear();
  }

  @Override
  public synchronized boolean isRunning() {
    return timer != null;
  }
}
