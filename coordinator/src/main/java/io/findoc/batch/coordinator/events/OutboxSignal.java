package io.findoc.batch.coordinator.events;

import io.findoc.batch.common.agent.WakeUpSignal;
import io.findoc.batch.coordinator.store.OutboxWakeUp;
import org.jdbi.v3.core.Jdbi;
import org.springframework.stereotype.Component;

/**
 * Wakes the {@link OutboxRelay}: a transaction that wrote job events committed (raised through
 * {@link OutboxWakeUp}, which this signal sets on the stores' {@link Jdbi}), so they leave now, not
 * at the next poll.
 */
@Component
public class OutboxSignal extends WakeUpSignal {

  public OutboxSignal(Jdbi jdbi) {
    jdbi.getConfig(OutboxWakeUp.class).afterCommit(this::wakeUp);
  }
}
