/**
 * Job events: written to the outbox in the transaction of the change they report ({@link
 * io.findoc.batch.coordinator.events.JobEvents}), published as CloudEvents to the job-events topic
 * and handed to the webhook deliveries by the {@link
 * io.findoc.batch.coordinator.events.OutboxRelay}.
 */
package io.findoc.batch.coordinator.events;
