package io.findoc.batch.coordinator.tracking;

import io.findoc.batch.common.agent.PeriodicAgent;
import io.findoc.batch.common.state.TaskState;
import io.findoc.batch.coordinator.config.CoordinatorProperties;
import io.findoc.batch.coordinator.dispatch.DispatchSignal;
import io.findoc.batch.coordinator.events.JobEvents;
import io.findoc.batch.coordinator.store.AttachedStores;
import io.findoc.batch.coordinator.store.TaskStore;
import io.findoc.batch.coordinator.store.TaskTransition;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Hands out again the tasks whose running attempt lost its lease (its worker died, hangs, or was
 * cut off: no heartbeat for {@code findoc.lease.duration}, in database time, plus however far the
 * status intake is behind ({@link IntakeDelay}), so that a heartbeat still on the status topic is
 * applied before its lease is judged lost): each becomes PENDING as a new attempt, so the old
 * attempt's late result is fenced out, or FAILED with {@code LEASE_EXPIRED} after its job's last
 * attempt. Counts, dependants, dead letters, task and progress events and job states follow in the
 * same transaction, as for a worker's report ({@link TaskMoves}). Several coordinators may run it:
 * rows are claimed with {@code SKIP LOCKED}.
 */
@Component
public class LeaseReaper extends PeriodicAgent implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(LeaseReaper.class);
  private static final int BATCH = 1000;

  private final Jdbi jdbi;
  private final FailedTaskPublisher deadLetters;
  private final IntakeDelay intakeDelay;
  private final JobEvents events;
  private final DispatchSignal dispatchSignal;
  private final Counter expired;

  public LeaseReaper(
      Jdbi jdbi,
      FailedTaskPublisher deadLetters,
      IntakeDelay intakeDelay,
      JobEvents events,
      DispatchSignal dispatchSignal,
      CoordinatorProperties properties,
      MeterRegistry meters) {
    super("lease-reaper", properties.lease().reapPeriod());
    this.jdbi = jdbi;
    this.deadLetters = deadLetters;
    this.intakeDelay = intakeDelay;
    this.events = events;
    this.dispatchSignal = dispatchSignal;
    this.expired = meters.counter("findoc.lease.expired");
  }

  /** One pass; returns how many expired attempts it handled. */
  public int reapOnce() {
    int reaped =
        jdbi.inTransaction(
            handle -> {
              List<TaskStore.ExpiredLease> leases =
                  AttachedStores.of(handle, TaskStore.class)
                      .reapExpiredLeases(BATCH, intakeDelay.graceInterval(), null);
              if (leases.isEmpty()) {
                return 0;
              }
              List<TaskTransition> failed = new ArrayList<>();
              List<TaskTransition> handedOut = new ArrayList<>();
              for (TaskStore.ExpiredLease lease : leases) {
                TaskTransition transition =
                    new TaskTransition(lease.jobId(), lease.number(), TaskState.RUNNING);
                (lease.state() == TaskState.FAILED ? failed : handedOut).add(transition);
              }
              TaskMoves moves = new TaskMoves(handle);
              moves.failed(failed);
              moves.moved(handedOut, TaskState.PENDING);
              moves.settle(deadLetters, events, StatusApplier.ACTOR);
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
