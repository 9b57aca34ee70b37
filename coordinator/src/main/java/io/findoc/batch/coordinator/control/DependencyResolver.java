package io.findoc.batch.coordinator.control;

import io.findoc.batch.common.agent.PeriodicAgent;
import io.findoc.batch.coordinator.dispatch.DispatchSignal;
import io.findoc.batch.coordinator.store.JobStore;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Moves WAITING jobs on: to QUEUED once every job they depend on has COMPLETED (and wakes the
 * dispatcher), to CANCELLED, with the reason, once one of them ended otherwise. It looks every half
 * second; several coordinators may run it, as jobs are claimed with {@code SKIP LOCKED} and
 * cancellation is idempotent.
 */
@Component
public class DependencyResolver extends PeriodicAgent implements SmartLifecycle {

  private static final Duration PERIOD = Duration.ofMillis(500);
  private static final int BATCH = 100;
  private static final String ACTOR = "coordinator";

  private final JobStore jobs;
  private final JobOperations operations;
  private final DispatchSignal dispatchSignal;

  public DependencyResolver(
      JobStore jobs, JobOperations operations, DispatchSignal dispatchSignal) {
    super("dependency-resolver", PERIOD);
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

  @Override
  protected void runPass() {
    resolveOnce();
  }
}
