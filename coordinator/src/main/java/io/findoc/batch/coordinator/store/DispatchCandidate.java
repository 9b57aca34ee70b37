package io.findoc.batch.coordinator.store;

import io.findoc.batch.common.message.Priority;
import java.util.UUID;

/**
 * A job whose tasks the dispatcher may hand out.
 *
 * @param lifo whether its newest tasks go first
 * @param queued its tasks handed to Kafka and not started: the places in the queue it holds
 * @param undispatched its tasks waiting for dispatch (PENDING or RETRY_WAIT, some perhaps blocked
 *     or not yet due): the most it can use of a round
 */
public record DispatchCandidate(
    UUID id, String tenantId, Priority priority, boolean lifo, int queued, int undispatched) {

  /** The most places in the queue it could hold. */
  public int demand() {
    return (int) Math.min(Integer.MAX_VALUE, (long) queued + undispatched);
  }
}
