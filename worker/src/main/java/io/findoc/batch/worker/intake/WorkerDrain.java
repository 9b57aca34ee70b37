package io.findoc.batch.worker.intake;

import io.findoc.batch.common.message.WorkerIntake;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * An operator's drain of this worker, as the control topic says ({@link JobControls}): it takes no
 * new task at once, finishes those it has, then stops its intake containers, which leave their
 * consumer groups so the other workers take over its partitions. Undone, it starts them again. The
 * process stays up either way; its heartbeat says which ({@link #intake()}).
 */
@Component
public class WorkerDrain implements DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(WorkerDrain.class);

  private final IntakeThrottle throttle;
  private final ExecutorService steps =
      Executors.newSingleThreadExecutor(
          task -> {
            Thread thread = new Thread(task, "worker-drain");
            thread.setDaemon(true);
            return thread;
          });
  private volatile WorkerIntake intake = WorkerIntake.TAKING;
  private Future<?> draining;

  public WorkerDrain(IntakeThrottle throttle) {
    this.throttle = throttle;
  }

  /** Whether this worker takes tasks, drains, or is drained. */
  public WorkerIntake intake() {
    return intake;
  }

  /**
   * Takes no new task from now on; once those taken are reported, leaves the task topics. Called
   * again while draining or drained, it does nothing.
   */
  public synchronized void drain() {
    if (intake != WorkerIntake.TAKING) {
      return;
    }
    intake = WorkerIntake.DRAINING;
    throttle.stopTaking();
    LOG.info("Drained by an operator: taking no new task, finishing those taken.");
    draining =
        steps.submit(
            () -> {
              try {
                throttle.awaitIdle();
              } catch (InterruptedException e) {
                return; // undone before the tasks finished
              }
              throttle.stopContainers();
              drained();
            });
  }

  /** Takes tasks again; called while taking, it does nothing. */
  public synchronized void undrain() {
    if (intake == WorkerIntake.TAKING) {
      return;
    }
    if (draining != null) {
      draining.cancel(true);
    }
    steps.submit(
        () -> {
          throttle.startTaking();
          taking();
        });
  }

  private synchronized void drained() {
    if (intake == WorkerIntake.DRAINING) {
      intake = WorkerIntake.DRAINED;
      LOG.info("Drained: every task taken is reported; the intake containers are stopped.");
    }
  }

  private synchronized void taking() {
    intake = WorkerIntake.TAKING;
    draining = null;
    LOG.info("Undrained by an operator: taking tasks again.");
  }

  @Override
  public void destroy() {
    steps.shutdownNow();
  }
}
