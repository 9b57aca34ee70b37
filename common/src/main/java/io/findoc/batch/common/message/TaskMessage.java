package io.findoc.batch.common.message;

import io.findoc.batch.common.id.JobId;
import io.findoc.batch.common.id.TaskId;
import java.util.Map;

/**
 * One attempt to run one task, published by the coordinator to the task topic of the job's
 * priority, keyed by {@link TaskId}. Workers report back with {@link StatusMessage}s that repeat
 * {@code attempt}, so results of an older attempt can be told apart and ignored.
 *
 * @param version the message format version, {@link #VERSION} for this record
 * @param tenant the tenant that owns the job
 * @param processor the name of the processor that runs the task ({@code noop}, {@code simulate},
 *     {@code findoc.analyze}, ...)
 * @param options the job's processor options, passed to the processor as they were submitted
 * @param compensation whether this attempt undoes the task's earlier success ({@code
 *     Processor.compensate}) because its job is rolling back, rather than running the task;
 *     compensation attempts are numbered on their own, from 1
 */
public record TaskMessage(
    int version,
    JobId jobId,
    int taskNumber,
    int attempt,
    String tenant,
    Priority priority,
    String processor,
    Map<String, Object> options,
    Document document,
    Boolean compensation) {

  public static final int VERSION = 1;

  public TaskMessage {
    options = options == null ? Map.of() : options;
    // Messages of older coordinators have no flag: they run the task.
    compensation = Boolean.TRUE.equals(compensation);
  }

  /** An attempt that runs the task (not a compensation). */
  public TaskMessage(
      int version,
      JobId jobId,
      int taskNumber,
      int attempt,
      String tenant,
      Priority priority,
      String processor,
      Map<String, Object> options,
      Document document) {
    this(
        version, jobId, taskNumber, attempt, tenant, priority, processor, options, document, false);
  }

  public TaskId taskId() {
    return new TaskId(jobId, taskNumber);
  }
}
