/**
 * Handing tasks to Kafka: the {@link io.findoc.batch.coordinator.dispatch.TaskDispatcher} claims
 * dispatchable tasks within its credit and marks them QUEUED, commits, then publishes them to their
 * priority's topic; {@link io.findoc.batch.coordinator.dispatch.DispatchRounds} publishes again a
 * round whose coordinator died or whose messages the broker refused. Compensations of rolling-back
 * jobs go out through the {@link io.findoc.batch.coordinator.dispatch.CompensationDispatcher}.
 */
package io.findoc.batch.coordinator.dispatch;
