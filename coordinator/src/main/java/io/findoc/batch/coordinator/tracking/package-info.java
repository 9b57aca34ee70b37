/**
 * Applying what workers report: the {@link io.findoc.batch.coordinator.tracking.StatusAggregator}
 * reads the status topic in batches, and the {@link
 * io.findoc.batch.coordinator.tracking.StatusApplier} applies each batch (guarded task transitions,
 * job counters, job state) in one transaction before the offsets move.
 */
package io.findoc.batch.coordinator.tracking;
