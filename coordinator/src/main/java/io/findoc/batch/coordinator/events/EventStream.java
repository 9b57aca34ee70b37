package io.findoc.batch.coordinator.events;

import io.findoc.batch.coordinator.store.RelayedEvent;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One open event stream of a tenant: the events handed to it wait in a queue of at most {@code
 * capacity} and are written in order on a sender thread, so a slow client holds up neither the
 * reads nor the other streams. A client that falls {@code capacity} events behind is ended (it
 * resumes with {@code Last-Event-ID}); so is one whose connection failed.
 */
final class EventStream {

  /** What the queue holds besides events: a keep-alive comment. */
  private static final Object KEEP_ALIVE = new Object();

  private final SseEmitter emitter;
  private final Executor senders;
  private final int capacity;
  private final Queue<Object> queue = new ArrayDeque<>();
  private boolean sending;
  private volatile boolean closed;
  private volatile long lastOfferNanos = System.nanoTime();

  EventStream(SseEmitter emitter, Executor senders, int capacity) {
    this.emitter = emitter;
    this.senders = senders;
    this.capacity = capacity;
  }

  /** Queues the event; ends the stream if its client is {@code capacity} events behind. */
  void offer(RelayedEvent event) {
    put(event);
  }

  /** Queues a comment that keeps an idle connection open, if nothing was sent for {@code idle}. */
  void keepAlive(long nowNanos, long idleNanos) {
    if (nowNanos - lastOfferNanos > idleNanos) {
      put(KEEP_ALIVE);
    }
  }

  private void put(Object item) {
    boolean start;
    synchronized (this) {
      if (closed) {
        return;
      }
      if (queue.size() >= capacity) {
        closed = true;
        queue.clear();
        queue.add(SseEmitter.event().comment("too far behind: resume with Last-Event-ID"));
      } else {
        queue.add(item);
      }
      lastOfferNanos = System.nanoTime();
      start = !sending;
      sending = true;
    }
    if (start) {
      try {
        senders.execute(this::drain);
      } catch (RejectedExecutionException e) {
        // The coordinator is stopping.
        clientGone();
      }
    }
  }

  private void drain() {
    while (true) {
      Object next;
      synchronized (this) {
        next = queue.poll();
        if (next == null) {
          sending = false;
          if (closed) {
            complete();
          }
          return;
        }
      }
      try {
        if (next == KEEP_ALIVE) {
          emitter.send(SseEmitter.event().comment("keep-alive"));
        } else if (next instanceof RelayedEvent event) {
          emitter.send(
              SseEmitter.event()
                  .name(event.type())
                  .id(Long.toString(event.seq()))
                  .data(JobEventView.of(event)));
        } else {
          emitter.send((SseEmitter.SseEventBuilder) next);
        }
      } catch (IOException | RuntimeException e) {
        // The client went away: Spring completes the emitter.
        clientGone();
        return;
      }
    }
  }

  private void complete() {
    try {
      emitter.complete();
    } catch (RuntimeException e) {
      // Completed already.
    }
  }

  /** Ends the stream after what it has queued. */
  void end() {
    boolean start;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      start = !sending;
    }
    if (start) {
      complete();
    }
  }

  /** The client went away: nothing more is written. */
  void clientGone() {
    synchronized (this) {
      closed = true;
      queue.clear();
    }
  }

  boolean isClosed() {
    return closed;
  }
}
