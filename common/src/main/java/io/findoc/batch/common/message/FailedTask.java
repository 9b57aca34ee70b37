package io.findoc.batch.common.message;

import io.findoc.batch.common.id.JobId;
import java.time.Instant;

/**
 * A task that failed for good (permanently, or out of attempts), as the coordinator writes it to
 * the dead-letter topic, keyed by job id, with the header {@code findoc-dlt-reason: task-failed}.
 *
 * @param version the message format version, {@link #VERSION} for this record
 * @param documentId the client's id of the task's document
 * @param attempts how many attempts ran: the last attempt's number
 * @param error the last attempt's failure
 * @param worker the worker that reported it
 */
public record FailedTask(
    int version,
    JobId jobId,
    int taskNumber,
    String documentId,
    int attempts,
    TaskError error,
    String worker,
    Instant failedAt) {

  public static final int VERSION = 1;

  /** The dead-letter reason header of these records. */
  public static final String REASON = "task-failed";
}
