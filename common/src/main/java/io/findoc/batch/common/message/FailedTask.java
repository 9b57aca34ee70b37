package io.findoc.batch.common.message;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.findoc.batch.common.id.JobId;
import java.time.Instant;

/**
 * A task that failed for good (permanently, or out of attempts), as the coordinator writes it to
 * the dead-letter topic, keyed by job id, with the header {@code findoc-dlt-reason: task-failed};
 * or the compensation of a task, when its job rolled back, that failed for good: {@code
 * compensation: true}, header {@code findoc-dlt-reason: compensation-failed}.
 *
 * @param version the message format version, {@link #VERSION} for this record
 * @param documentId the client's id of the task's document
 * @param attempts how many attempts ran: the last attempt's number
 * @param error the last attempt's failure
 * @param worker the worker that reported it
 * @param compensation whether the compensation failed, not the task; {@code attempts} and {@code
 *     error} are then the compensation's
 */
public record FailedTask(
    int version,
    JobId jobId,
    int taskNumber,
    String documentId,
    int attempts,
    TaskError error,
    String worker,
    Instant failedAt,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) Boolean compensation) {

  public static final int VERSION = 1;

  /** The dead-letter reason header of failed tasks. */
  public static final String REASON = "task-failed";

  /** The dead-letter reason header of failed compensations. */
  public static final String COMPENSATION_REASON = "compensation-failed";

  public FailedTask {
    // Records written before compensations were dead-lettered have no flag: they are tasks.
    compensation = Boolean.TRUE.equals(compensation);
  }
}
