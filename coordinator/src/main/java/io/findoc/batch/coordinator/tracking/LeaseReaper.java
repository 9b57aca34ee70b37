package io.findoc.batch.coordinator.tracking;

import io.findoc.batch.common.state.TaskState;
import io.findoc.batch.coordinator.PeriodicAgent;
import io.findoc.batch.coordinator.config.CoordinatorProperties;
import io.findoc.batch.coordinator.dispatch.DispatchSignal;
import io.findoc.batch.coordinator.store.AttachedStores;
import io.findoc.batch.coordinator.store.CountDeltas;
import io.findoc.batch.coordinator.store.JobCountStore;
import io.findoc.batch.coordinator.store.JobStore;
import io.findoc.batch.coordinator.store.TaskStore;
import io.findoc.batch.coordinator.store.TaskTransition;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Hands out again the tasks whose running attempt lost its lease (its worker died, hangs, or was
 * cut off: no heartbeat for {@code findoc.lease.duration}, in database time): each becomes PENDING
 * as a new attempt, so the old attempt's late result is fenced out, or FAILED with {@code
 * LEASE_EXPIRED} after its job's last attempt. Counts, job states and dead letters move in the same
 * transaction. Several coordinators may run it: rows are claimed with {@code SKIP LOCKED}.
 */
@Component
public class LeaseReaper extends PeriodicAgent {

  private static final Logger LOG = LoggerFactory.getLogger(LeaseReaper.class);
  private static final int BATCH = 1000;

  private final Jdbi jdbi;
  private final FailedTaskPublisher deadLetters;
  private final DispatchSignal dispatchSignal;
  private final Counter expired;

  public LeaseReaper(
      Jdbi jdbi,
      FailedTaskPublisher deadLetters,
      DispatchSignal dispatchSignal,
      CoordinatorProperties properties,
      MeterRegistry meters) {
    super("lease-reaper", properties.lease().reapPeriod());
    this.jdbi = jdbi;
    this.deadLetters = deadLetters;
    this.dispatchSignal = dispatchSignal;
    this.expired = meters.counter("findoc.lease.expired");
  }

  /** One pass; returns how many expired attempts it handled. */
  public int reapOnce() {
    int reaped =
        jdbi.inTransaction(
            handle -> {
              TaskStore tasks = AttachedStores.of(handle, TaskStore.class);
              JobStore jobs = AttachedStores.of(handle, JobStore.class);
              List<TaskStore.ExpiredLease> leases = tasks.reapExpiredLeases(BATCH);
              if (leases.isEmpty()) {
                return 0;
              }
              CountDeltas deltas = new CountDeltas();
              List<TaskTransition> failed = new ArrayList<>();
              for (TaskStore.ExpiredLease lease : leases) {
                deltas.move(lease.jobId(), TaskState.RUNNING, lease.state());
                if (lease.state() == TaskState.FAILED) {
                  failed.add(new TaskTransition(lease.jobId(), lease.number(), TaskState.RUNNING));
                }
              }
              for (TaskTransition skipped : Dependants.update(List.of(), failed, tasks, jobs)) {
                deltas.move(skipped.jobId(), skipped.previousState(), TaskState.SKIPPED);
              }
              if (!failed.isEmpty()) {
                deadLetters.publish(
                    tasks.findFailures(
                        failed.stream().map(TaskTransition::jobId).toArray(UUID[]::new),
                        failed.stream().mapToInt(TaskTransition::number).toArray()));
              }
              JobSettlement.settle(
                  handle,
                  AttachedStores.of(handle, JobCountStore.class).addCounts(deltas),
                  StatusApplier.ACTOR);
              return leases.size();
            });
    if (reaped > 0) {
      expired.increment(reaped);
      LOG.info("{} running attempts lost their lease; their tasks are handed out again.", reaped);
      dispatchSignal.wakeUp();
    }
    return reaped;
  }

  @Override
  protected void runPass() {
    while (reapOnce() == BATCH) {
      // A full batch: there may be more.
    }
  }
}
