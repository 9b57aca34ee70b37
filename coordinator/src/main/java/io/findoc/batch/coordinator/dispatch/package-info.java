/**
 * Handing tasks to Kafka: the {@link io.findoc.batch.coordinator.dispatch.TaskDispatcher} claims
 * dispatchable tasks within its credit, publishes them to their priority's topic and marks them
 * QUEUED in the same transaction, committed only after the broker acknowledged every message.
 */
package io.findoc.batch.coordinator.dispatch;
