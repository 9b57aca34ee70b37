package io.findoc.batch.coordinator.api;

import io.findoc.batch.common.message.Priority;

/**
 * The body of {@code PATCH /api/batch/jobs/{id}}: what may change of a submitted job.
 *
 * @param priority the priority of the job's tasks not yet dispatched
 */
public record JobChange(Priority priority) {}
