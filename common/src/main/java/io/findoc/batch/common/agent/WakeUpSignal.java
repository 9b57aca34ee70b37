package io.findoc.batch.common.agent;

import java.time.Duration;

/**
 * Wakes a background loop (a {@link PeriodicAgent}, the task dispatcher) before its wait is over:
 * new work was committed in this process (work committed by another coordinator is found by the
 * periodic pass). A wake-up given while the loop is busy is kept for its next wait, so none is
 * lost.
 */
public class WakeUpSignal {

  private boolean raised;

  public synchronized void wakeUp() {
    raised = true;
    notifyAll();
  }

  /** Waits until woken or {@code timeout} has passed; returns at once if already woken. */
  public synchronized void await(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!raised) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        break;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    raised = false;
  }
}
