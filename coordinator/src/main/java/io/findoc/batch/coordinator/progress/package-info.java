/** Job progress: estimates (throughput, ETA, deadline status) and the Server-Sent Events stream. */
package io.findoc.batch.coordinator.progress;
