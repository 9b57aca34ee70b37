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
    Document document) {

  public static final int VERSION = 1;

  public TaskMessage {
    options = options == null ? Map.of() : options;
  }

  public TaskId taskId() {
    return new TaskId(jobId, taskNumber);
  }
}
