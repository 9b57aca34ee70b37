package io.findoc.batch.loadtests.client;

import java.time.Instant;

/**
 * One {@code progress} event of a job's stream, as a watcher received it.
 *
 * @param arrivedAt when its data line reached the watcher (this machine's clock)
 * @param state the job's state in it
 * @param done tasks in a final state in it
 * @param total the job's tasks
 * @param estimatedFinishAt when the job finishes by its estimate; null without one
 */
public record ProgressEvent(
    Instant arrivedAt, String state, int done, int total, Instant estimatedFinishAt) {}
