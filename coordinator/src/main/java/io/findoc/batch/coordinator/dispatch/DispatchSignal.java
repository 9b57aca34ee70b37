package io.findoc.batch.coordinator.dispatch;

import io.findoc.batch.common.agent.WakeUpSignal;
import org.springframework.stereotype.Component;

/**
 * Wakes the {@link TaskDispatcher} early: a submission brought new tasks, or finished tasks freed
 * credit.
 */
@Component
public class DispatchSignal extends WakeUpSignal {}
