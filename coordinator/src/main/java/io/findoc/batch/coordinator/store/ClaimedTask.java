package io.findoc.batch.coordinator.store;

import io.findoc.batch.common.state.TaskState;
import java.util.UUID;

/** A task the dispatcher has just moved to QUEUED, with the state it came from. */
public record ClaimedTask(
    UUID jobId, int number, int attempt, String document, TaskState previousState) {}
