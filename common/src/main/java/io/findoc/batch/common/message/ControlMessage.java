package io.findoc.batch.common.message;

import io.findoc.batch.common.id.JobId;
import java.time.Instant;

/**
 * A signal about one job on the compacted control topic, keyed by job id, which every worker reads
 * from its beginning. The latest record of a job is its standing instruction; a tombstone (a record
 * with no value) lifts it, which is how the coordinator resumes a paused job.
 *
 * @param version the message format version, {@link #VERSION} for this record
 * @param at when the coordinator decided it
 */
public record ControlMessage(int version, JobId jobId, ControlAction action, Instant at) {

  public static final int VERSION = 1;
}
