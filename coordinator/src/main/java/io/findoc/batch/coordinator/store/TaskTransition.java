package io.findoc.batch.coordinator.store;

import io.findoc.batch.common.state.TaskState;
import java.util.UUID;

/** One task row that a guarded UPDATE changed, with the state it left. */
public record TaskTransition(UUID jobId, int number, TaskState previousState) {}
