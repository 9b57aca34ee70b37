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
 * slow connection holds up neither the reads nor the other watchers' events, and costs no memory
 * beyond that one event. A stream ends by its last event (the job finished), by {@link #end} (its
 * job is gone, the coordinator stops, its client takes no event: {@link #isStuck}), or when its
 * client goes away ({@link #clientGone}); the connection is completed on a sender thread, after any
 * write under way, since a write and the completion cannot overlap.
 */
final class Watcher {

  /** An event to write; with no data, only the end of the stream. */
  private record Outgoing(String id, Object data, boolean last) {

    static final Outgoing END = new Outgoing(null, null, true);
  }

  private final EventSink sink;
  private final Executor senders;
  private final AtomicReference<Outgoing> mailbox = new AtomicReference<>();
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private volatile long writingSinceNanos;
  private volatile boolean writing;

  /** Takes no more events: its last one is in the mailbox or sent. */
  private volatile boolean closed;

  /** Writes nothing more: the stream was completed or its connection failed. */
  private volatile boolean done;

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
    put(new Outgoing(id, data, last));
  }

  /** Ends the stream without another event. */
  void end() {
    put(Outgoing.END);
  }

  private synchronized void put(Outgoing event) {
    if (closed) {
      return;
    }
    closed = event.last();
    mailbox.set(event);
    schedule();
  }

  /** The client went away (the emitter completed, timed out or failed): nothing more to write. */
  void clientGone() {
    closed = true;
    done = true;
    mailbox.set(null);
  }

  private void schedule() {
    if (scheduled.compareAndSet(false, true)) {
      try {
        senders.execute(this::deliver);
      } catch (RejectedExecutionException e) {
        // The coordinator is stopping.
        scheduled.set(false);
        clientGone();
      }
    }
  }

  private void deliver() {
    try {
      Outgoing next;
      while (!done && (next = mailbox.getAndSet(null)) != null) {
        write(next);
      }
    } finally {
      scheduled.set(false);
      if (!done && mailbox.get() != null) {
        schedule();
      }
    }
  }

  private void write(Outgoing event) {
    writingSinceNanos = System.nanoTime();
    writing = true;
    try {
      if (event.data() != null) {
        sink.send(event.id(), event.data());
      }
      if (event.last()) {
        done = true;
        sink.complete();
      }
    } catch (IOException | RuntimeException e) {
      // The client went away: Spring completes the emitter.
      clientGone();
    } finally {
      writing = false;
    }
  }

  /** Whether one write has been under way for longer than {@code limit}: a client not reading. */
  boolean isStuck(long nowNanos, Duration limit) {
    return writing && nowNanos - writingSinceNanos > limit.toNanos();
  }

  /** Whether it takes no more events (it finishes what it has on its own). */
  boolean isClosed() {
    return closed;
  }
}
