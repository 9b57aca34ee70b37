package io.findoc.batch.common.message;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.findoc.batch.common.id.JobId;
import io.findoc.batch.common.id.TaskId;

/**
 * A {@link TaskMessage} as the coordinator publishes it: its {@code options} and {@code document}
 * are the JSON text the coordinator stored at submission, written into the message as they are.
 * Dispatching a task thus never parses and re-writes its document. The JSON is a {@code
 * TaskMessage}'s, field for field: workers read it as one ({@code MessageRoundTripTest} holds the
 * two records to that).
 *
 * @param options the job's processor options as a JSON object, or null for none
 * @param document the task's {@link Document} as a JSON object
 */
public record StoredTaskMessage(
    int version,
    JobId jobId,
    int taskNumber,
    int attempt,
    String tenant,
    Priority priority,
    String processor,
    @JsonRawValue String options,
    @JsonRawValue String document,
    boolean compensation) {

  public TaskId taskId() {
    return new TaskId(jobId, taskNumber);
  }
}
