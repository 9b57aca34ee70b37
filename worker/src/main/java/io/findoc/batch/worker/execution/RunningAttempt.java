package io.findoc.batch.worker.execution;

import io.findoc.batch.common.message.TaskMessage;

/**
 * One attempt on its processor thread, as the {@link TaskRunner} tracks it: the {@link TaskContext}
 * its processor sees, and the one place that interrupts the thread on cancellation. It interrupts
 * only while the processor runs, and clears its interrupt when the processor ends, so a
 * cancellation never reaches the sending of the report or the next attempt on the thread.
 */
final class RunningAttempt implements TaskContext {

  private final TaskMessage task;
  private final Thread thread;
  private volatile boolean cancelled;
  private volatile boolean timedOut;
  private boolean inProcessor;

  /**
   * @param thread the thread that runs the attempt
   */
  RunningAttempt(TaskMessage task, Thread thread) {
    this.task = task;
    this.thread = thread;
  }

  TaskMessage task() {
    return task;
  }

  @Override
  public boolean isCancelled() {
    return cancelled;
  }

  /** The attempt's job was cancelled: tells the processor, interrupting it if it runs. */
  synchronized void cancel() {
    cancelled = true;
    if (inProcessor) {
      thread.interrupt();
    }
  }

  /**
   * The attempt ran past the worker's attempt timeout: stops it as a cancellation does; {@link
   * #timedOut()} tells the two apart.
   */
  synchronized void timeOut() {
    timedOut = true;
    cancel();
  }

  /** Whether the attempt was stopped because it ran too long, not because its job was cancelled. */
  boolean timedOut() {
    return timedOut;
  }

  /**
   * Called on the attempt's thread just before the processor runs; interrupts the thread at once if
   * the attempt was cancelled already.
   */
  synchronized void processorStarting() {
    inProcessor = true;
    if (cancelled) {
      thread.interrupt();
    }
  }

  /**
   * Called on the attempt's thread once the processor returned or threw; clears the interrupt of a
   * cancellation.
   *
   * @return whether the attempt was cancelled before the processor ended
   */
  synchronized boolean processorEnded() {
    inProcessor = false;
    if (cancelled) {
      Thread.interrupted();
    }
    return cancelled;
  }
}
