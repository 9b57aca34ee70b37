package io.findoc.batch.coordinator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import io.findoc.batch.common.state.TaskState;
import io.findoc.batch.coordinator.store.AttemptStore;
import io.findoc.batch.coordinator.store.TaskRow;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A task as the API shows it. {@code document} (the source as submitted) and {@code attempts}
 * (every attempt, see {@link AttemptView}) are shown for a single task only, not in lists.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TaskView(
    UUID jobId,
    int number,
    String documentId,
    @Schema(types = "object", description = "the document's source as submitted") @JsonRawValue
        String document,
    TaskState state,
    int attempt,
    Instant notBefore,
    Instant queuedAt,
    Instant startedAt,
    Instant finishedAt,
    String worker,
    @Schema(types = "object", description = "the processor's result") @JsonRawValue String result,
    Error error,
    List<AttemptView> attempts,
    Compensation compensation) {

  /** Why the task failed, or why its last attempt did. */
  public record Error(String code, String message) {}

  /**
   * The compensation of a succeeded task of a job that rolled back: its {@code CompensationState},
   * attempt, and the error of its last failed attempt.
   */
  public record Compensation(String state, int attempt, Error error) {}

  static TaskView summary(TaskRow task) {
    return of(task, null, null);
  }

  /** The task with its document and every attempt, oldest first. */
  public static TaskView detail(TaskRow task, List<AttemptStore.SupersededAttempt> superseded) {
    return of(task, task.document(), AttemptView.of(task, superseded));
  }

  private static TaskView of(TaskRow task, String document, List<AttemptView> attempts) {
    return new TaskView(
        task.jobId(),
        task.number(),
        task.documentRef(),
        document,
        task.state(),
        task.attempt(),
        task.notBefore(),
        task.queuedAt(),
        task.startedAt(),
        task.finishedAt(),
        task.worker(),
        task.result(),
        task.errorCode() == null ? null : new Error(task.errorCode(), task.errorMessage()),
        attempts,
        task.compensation() == null
            ? null
            : new Compensation(
                task.compensation(),
                task.compensationAttempt(),
                task.compensationErrorCode() == null
                    ? null
                    : new Error(task.compensationErrorCode(), task.compensationErrorMessage())));
  }
}
