package io.findoc.batch.coordinator.progress;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One open progress stream. It holds at most one event not yet sent: a newer event replaces it,
 * since each event is the whole job as it stands. Events are written on the sender threads, so a
 * slow connection holds up neither the reads nor the other watchers, and costs no memory beyond
 * that one event; a write that takes longer than the slow-client timeout gets the watcher dropped
 * ({@link #isStuck}).
 */
final class Watcher {

  private record Outgoing(String id, Object data, boolean last) {}

  private final EventSink sink;
  private final Executor senders;
  private final AtomicReference<Outgoing> mailbox = new AtomicReference<>();
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private volatile long writingSinceNanos;
  private volatile boolean writing;
  private volatile boolean closed;

  Watcher(EventSink sink, Executor senders) {
    this.sink = sink;
    this.senders = senders;
  }

  /**
   * Hands the watcher the job as it stands; an earlier event it has not been sent yet is dropped.
   *
   * @param last the job finished: the stream ends after this event
   */
  void offer(String id, Object data, boolean last) {
    if (closed) {
      return;
    }
    mailbox.set(new Outgoing(id, data, last));
    schedule();
  }

  private void schedule() {
    if (scheduled.compareAndSet(false, true)) {
      try {
        senders.execute(this::deliver);
      } catch (RejectedExecutionException e) {
        // The coordinator is stopping.
        closed = true;
      }
    }
  }

  private void deliver() {
    try {
      Outgoing next;
      while (!closed && (next = mailbox.getAndSet(null)) != null) {
        write(next);
      }
    } finally {
      scheduled.set(false);
      if (!closed && mailbox.get() != null) {
        schedule();
      }
    }
  }

  private void write(Outgoing event) {
    writingSinceNanos = System.nanoTime();
    writing = true;
    try {
      sink.send(event.id(), event.data());
      if (event.last()) {
        closed = true;
        sink.complete();
      }
    } catch (IOException | RuntimeException e) {
      // The client went away: Spring completes the emitter.
      closed = true;
    } finally {
      writing = false;
    }
  }

  /** Whether one write has been under way for longer than {@code limit}: a client not reading. */
  boolean isStuck(long nowNanos, Duration limit) {
    return writing && nowNanos - writingSinceNanos > limit.toNanos();
  }

  boolean isClosed() {
    return closed;
  }

  /** No more events: the stream ended, its client went away, or it is dropped. */
  void close() {
    closed = true;
    mailbox.set(null);
  }
}
