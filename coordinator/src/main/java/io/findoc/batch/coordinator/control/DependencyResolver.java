package io.findoc.batch.coordinator.control;

import io.findoc.batch.coordinator.dispatch.DispatchSignal;
import io.findoc.batch.coordinator.store.JobStore;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Moves WAITING jobs on: to QUEUED once every job they depend on has COMPLETED (and wakes the
 * dispatcher), to CANCELLED, with the reason, once one of them ended otherwise. It looks every half
 * second; several coordinators may run it, as jobs are claimed with {@code SKIP LOCKED} and
 * cancellation is idempotent.
 */
@Component
public class DependencyResolver implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(DependencyResolver.class);
  private static final Duration PERIOD = Duration.ofMillis(500);
  private static final int BATCH = 100;
  private static final String ACTOR = "coordinator";

  private final JobStore jobs;
  private final JobOperations operations;
  private final DispatchSignal dispatchSignal;
  private ScheduledExecutorService timer;

  public DependencyResolver(
      JobStore jobs, JobOperations operations, DispatchSignal dispatchSignal) {
    this.jobs = jobs;
    this.operations = operations;
    this.dispatchSignal = dispatchSignal;
  }

  /** One pass; returns how many jobs it moved. */
  public int resolveOnce() {
    List<UUID> released = jobs.releaseWaiting();
    if (!released.isEmpty()) {
      dispatchSignal.wakeUp();
    }
    List<JobStore.BlockedJob> blocked = jobs.findWaitingOnFailedJobs(BATCH);
    for (JobStore.BlockedJob job : blocked) {
      operations.cancel(
          job.id(),
          ACTOR,
          "job " + job.prerequisite() + ", which it depends on, ended " + job.prerequisiteState());
    }
    return released.size() + blocked.size();
  }

  private void runSafely() {
    try {
      resolveOnce();
    } catch (RuntimeException e) {
      LOG.warn("Resolving job dependencies failed; trying again in {}.", PERIOD, e);
    }
  }

  @Override
  public synchronized void start() {
    if (timer == null) {
      timer =
          Executors.newSingleThreadScheduledExecutor(
              runnable -> {
                Thread thread = new Thread(runnable, "dependency-resolver");
                thread.setDaemon(true);
                return thread;
              });
      timer.scheduleWithFixedDelay(
          this::runSafely, PERIOD.toMillis(), PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  @Override
  public synchronized void stop() {
    if (timer != null) {
      timer.shutdownNow();
      timer = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return timer != null;
  }
}
