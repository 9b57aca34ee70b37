package io.findoc.batch.worker.execution;

import io.findoc.batch.common.message.TaskMessage;
import org.slf4j.MDC;

/**
 * The logging context of one attempt: {@code jobId}, {@code taskId}, {@code attempt} and {@code
 * traceId} (the job id as 32 hex digits, a W3C trace id, so every line about a job shares one) in
 * the MDC while it runs; structured logs ({@code FINDOC_LOG_FORMAT}) carry them as fields.
 */
final class AttemptLogContext implements AutoCloseable {

  private AttemptLogContext() {}

  static AttemptLogContext open(TaskMessage task) {
    MDC.put("jobId", task.jobId().toString());
    MDC.put("taskId", task.taskId().toString());
    MDC.put("attempt", Integer.toString(task.attempt()));
    MDC.put("traceId", task.jobId().value().toString().replace("-", ""));
    return new AttemptLogContext();
  }

  @Override
  public void close() {
    MDC.remove("jobId");
    MDC.remove("taskId");
    MDC.remove("attempt");
    MDC.remove("traceId");
  }
}
