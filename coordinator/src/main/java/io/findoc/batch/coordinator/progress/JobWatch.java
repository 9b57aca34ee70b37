package io.findoc.batch.coordinator.progress;

import io.findoc.batch.common.message.Priority;
import io.findoc.batch.common.state.JobState;
import io.findoc.batch.coordinator.store.JobCounts;
import io.findoc.batch.coordinator.store.JobRow;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

/**
 * The watchers of one job and what they were last shown. Each read of the job is offered to every
 * watcher when something a watcher sees changed (state, priority, counts, rollback), or when
 * nothing was sent for the refresh time; a watcher that joins gets the last event at once.
 */
final class JobWatch {

  /** What an event shows of a job, less the figures that move with the clock alone. */
  private record Shown(
      JobState state, Priority priority, JobCounts counts, JobRow.Rollback rollback) {

    static Shown of(JobRow job) {
      return new Shown(job.state(), job.priority(), job.counts(), job.rollback());
    }
  }

  private record Event(String id, JobView view, boolean last) {}

  /** Guarded by this watch's monitor, as is everything else here. */
  private final Set<Watcher> watchers = new HashSet<>();

  private Shown lastShown;
  private Event lastEvent;
  private long lastSentNanos;

  synchronized void add(Watcher watcher) {
    watchers.add(watcher);
    if (lastEvent != null) {
      watcher.offer(lastEvent.id(), lastEvent.view(), lastEvent.last());
    }
  }

  /**
   * Offers the job as read at {@code at} to every watcher, if it changed or {@code refresh} passed
   * since the last event.
   *
   * @return whether an event was offered
   */
  synchronized boolean show(JobRow job, Instant at, long nowNanos, Duration refresh) {
    Shown shown = Shown.of(job);
    if (shown.equals(lastShown) && nowNanos - lastSentNanos < refresh.toNanos()) {
      return false;
    }
    lastShown = shown;
    lastSentNanos = nowNanos;
    lastEvent =
        new Event(Long.toString(at.toEpochMilli()), JobView.of(job, at), job.state().isFinished());
    for (Watcher watcher : watchers) {
      watcher.offer(lastEvent.id(), lastEvent.view(), lastEvent.last());
    }
    return true;
  }

  /**
   * Forgets the watchers whose stream ended and drops those whose client has not taken an event for
   * {@code slowClientTimeout}.
   *
   * @return how many were dropped as slow
   */
  synchronized int prune(long nowNanos, Duration slowClientTimeout) {
    int dropped = 0;
    for (Iterator<Watcher> each = watchers.iterator(); each.hasNext(); ) {
      Watcher watcher = each.next();
      if (watcher.isStuck(nowNanos, slowClientTimeout)) {
        watcher.end();
        dropped++;
      }
      if (watcher.isClosed()) {
        each.remove();
      }
    }
    return dropped;
  }

  /** How many watchers have had one write under way for longer than {@code slow}. */
  synchronized int writingLongerThan(long nowNanos, Duration slow) {
    return (int) watchers.stream().filter(w -> w.isStuck(nowNanos, slow)).count();
  }

  /** Ends every stream: the job is gone, or the coordinator stops. */
  synchronized void end() {
    watchers.forEach(Watcher::end);
    watchers.clear();
  }

  synchronized boolean isEmpty() {
    return watchers.isEmpty();
  }

  synchronized int size() {
    return watchers.size();
  }
}
