package io.findoc.batch.coordinator.tracking;

import io.findoc.batch.common.agent.PeriodicAgent;
import io.findoc.batch.common.state.CompensationState;
import io.findoc.batch.coordinator.config.CoordinatorProperties;
import io.findoc.batch.coordinator.store.AttachedStores;
import io.findoc.batch.coordinator.store.CompensationStore;
import io.findoc.batch.coordinator.store.TaskStore;
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
 * The {@link LeaseReaper} of compensations: a RUNNING compensation whose worker stopped sending
 * heartbeats for {@code findoc.lease.duration} (database time) goes back to PENDING as a new
 * compensation attempt, so the old attempt's late result is fenced out and the {@code
 * CompensationDispatcher} hands it out again; after its job's last attempt it FAILS with {@code
 * LEASE_EXPIRED} and goes to the dead-letter topic. The job's compensation counters and its end of
 * rollback move in the same transaction. Several coordinators may run it: rows are claimed with
 * {@code SKIP LOCKED}. Meter: {@code findoc.compensation.lease.expired}.
 */
@Component
public class CompensationLeaseReaper extends PeriodicAgent implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(CompensationLeaseReaper.class);
  private static final int BATCH = 1000;

  private final Jdbi jdbi;
  private final FailedTaskPublisher deadLetters;
  private final IntakeDelay intakeDelay;
  private final Counter expired;

  public CompensationLeaseReaper(
      Jdbi jdbi,
      FailedTaskPublisher deadLetters,
      IntakeDelay intakeDelay,
      CoordinatorProperties properties,
      MeterRegistry meters) {
    super("compensation-lease-reaper", properties.lease().reapPeriod());
    this.jdbi = jdbi;
    this.deadLetters = deadLetters;
    this.intakeDelay = intakeDelay;
    this.expired = meters.counter("findoc.compensation.lease.expired");
  }

  /** One pass; returns how many expired compensation attempts it handled. */
  public int reapOnce() {
    int reaped =
        jdbi.inTransaction(
            handle -> {
              List<CompensationStore.ExpiredLease> leases =
                  AttachedStores.of(handle, CompensationStore.class)
                      .reapExpiredLeases(BATCH, intakeDelay.graceInterval(), null);
              EndedCompensations ended = new EndedCompensations();
              List<TaskStore.Failure> failed = new ArrayList<>();
              for (CompensationStore.ExpiredLease lease : leases) {
                // The statement chose the state; the transition table has the last word.
                if (CompensationState.RUNNING.moveTo(lease.state()) == CompensationState.FAILED) {
                  ended.failed(lease.jobId());
                  failed.add(lease.failure());
                }
              }
              if (!failed.isEmpty()) {
                deadLetters.publishCompensations(failed);
              }
              ended.settle(handle, StatusApplier.ACTOR);
              return leases.size();
            });
    if (reaped > 0) {
      expired.increment(reaped);
      LOG.info(
          "{} running compensations lost their lease; they are handed out again or, after their"
              + " job's last attempt, failed.",
          reaped);
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
