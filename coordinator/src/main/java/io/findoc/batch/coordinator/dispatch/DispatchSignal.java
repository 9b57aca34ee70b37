package io.findoc.batch.coordinator.dispatch;

import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Wakes the dispatcher early: a submission brought new tasks, or finished tasks freed credit. A
 * wake-up given while the dispatcher is busy is kept for its next wait.
 */
@Component
public class DispatchSignal {

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
