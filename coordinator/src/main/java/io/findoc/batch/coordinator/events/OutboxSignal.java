package io.findoc.batch.coordinator.events;

import io.findoc.batch.common.agent.WakeUpSignal;
import org.springframework.stereotype.Component;

/**
 * Wakes the {@link OutboxRelay}: a transaction that wrote job events committed (raised through
 * {@code store.OutboxWakeUp}), so they leave now, not at the next poll.
 */
@Component
public class OutboxSignal extends WakeUpSignal {}
