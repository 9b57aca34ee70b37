/**
 * Job progress: a job as clients see it ({@link io.findoc.batch.coordinator.progress.JobView}), its
 * estimates (throughput, ETA, deadline status) and the live streams of it.
 */
package io.findoc.batch.coordinator.progress;
