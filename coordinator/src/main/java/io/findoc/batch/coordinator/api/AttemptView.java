package io.findoc.batch.coordinator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.findoc.batch.common.state.TaskState;
import io.findoc.batch.coordinator.store.AttemptStore;
import io.findoc.batch.coordinator.store.TaskRow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One attempt of a task, as {@code GET .../tasks/{n}} lists them: the superseded ones from {@code
 * task_attempt} (outcome {@code FAILED}, {@code LEASE_EXPIRED}), then the current one from the task
 * row (outcome its state).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AttemptView(
    int attempt,
    String outcome,
    String worker,
    Instant queuedAt,
    Instant startedAt,
    Instant finishedAt,
    Long durationMs,
    Error error) {

  /** Why the attempt failed; {@code trace} is the trimmed stack trace, if the worker had one. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Error(String code, String message, String trace) {}

  /** The superseded attempts, then the task's current one. */
  static List<AttemptView> of(TaskRow task, List<AttemptStore.SupersededAttempt> superseded) {
    List<AttemptView> attempts = new ArrayList<>(superseded.size() + 1);
    for (AttemptStore.SupersededAttempt a : superseded) {
      attempts.add(
          new AttemptView(
              a.attempt(),
              a.outcome(),
              a.worker(),
              a.queuedAt(),
              a.startedAt(),
              a.finishedAt(),
              duration(a.startedAt(), a.finishedAt()),
              a.errorCode() == null
                  ? null
                  : new Error(a.errorCode(), a.errorMessage(), a.errorTrace())));
    }
    attempts.add(current(task));
    return attempts;
  }

  private static AttemptView current(TaskRow task) {
    TaskState state = task.state();
    boolean ran =
        state == TaskState.RUNNING
            || state == TaskState.SUCCEEDED
            || state == TaskState.FAILED
            || (state == TaskState.CANCELLED && task.startedAt() != null);
    boolean waiting = state == TaskState.RETRY_WAIT || state == TaskState.PENDING;
    return new AttemptView(
        task.attempt(),
        state.name(),
        ran ? task.worker() : null,
        waiting ? null : task.queuedAt(),
        ran ? task.startedAt() : null,
        task.finishedAt(),
        ran ? duration(task.startedAt(), task.finishedAt()) : null,
        state == TaskState.FAILED
            ? new Error(task.errorCode(), task.errorMessage(), task.errorTrace())
            : null);
  }

  private static Long duration(Instant start, Instant end) {
    return start == null || end == null ? null : Duration.between(start, end).toMillis();
  }
}
