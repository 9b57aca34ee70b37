package io.findoc.batch.coordinator.dispatch;

import io.findoc.batch.common.agent.PeriodicAgent;
import io.findoc.batch.coordinator.store.AttachedStores;
import io.findoc.batch.coordinator.store.ClaimedTask;
import io.findoc.batch.coordinator.store.CompensationStore;
import java.time.Duration;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Hands out the compensations of rolling-back jobs: claims PENDING (and due RETRY_WAIT)
 * compensations with {@code SKIP LOCKED}, publishes them to the job's task topic as {@code
 * compensation: true} attempts and commits once the broker has them. Unlike the {@link
 * TaskDispatcher}, which commits its claim before it publishes ({@link DispatchRounds}), it holds
 * its claim's row locks while it publishes: a failed round rolls back and is claimed again, and
 * what it did publish is a harmless duplicate. Rollback is rare and off the hot path, so this is a
 * plain periodic agent, every second, outside the dispatcher's credit: a rollback starts within a
 * second of its job's failure.
 */
@Component
public class CompensationDispatcher extends PeriodicAgent implements SmartLifecycle {

  private static final int BATCH = 500;
  private static final Duration PERIOD = Duration.ofSeconds(1);

  private final Jdbi jdbi;
  private final TaskPublisher publisher;

  public CompensationDispatcher(Jdbi jdbi, TaskPublisher publisher) {
    super("compensation-dispatcher", PERIOD);
    this.jdbi = jdbi;
    this.publisher = publisher;
  }

  /** One round; returns how many compensations it handed to Kafka. */
  public int dispatchOnce() {
    return jdbi.inTransaction(
        handle -> {
          List<ClaimedTask> claimed =
              AttachedStores.of(handle, CompensationStore.class).claimCompensations(BATCH, null);
          if (claimed.isEmpty()) {
            return 0;
          }
          publisher.publishAll(claimed, true);
          return claimed.size();
        });
  }

  @Override
  protected void runPass() {
    while (dispatchOnce() == BATCH) {
      // A full batch: there may be more.
    }
  }
}
