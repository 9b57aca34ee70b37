package io.findoc.batch.coordinator.metrics;

import io.findoc.batch.common.message.StatusMessage;
import io.findoc.batch.coordinator.store.TaskTransition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The reports of one status batch that changed a task, each with the row change it made, collected
 * while the batch is applied and handed to {@link TaskFigures} once it committed. Reports that
 * changed nothing (duplicates, older attempts) are not here, so nothing is counted twice.
 */
public final class AppliedAttempts {

  /** How a report changed its task. */
  public enum Change {
    STARTED,
    SUCCEEDED,
    FAILED,
    RETRIED
  }

  /** A report and the change it made. */
  public record Applied(StatusMessage report, TaskTransition transition, Change change) {}

  private record TaskKey(UUID job, int number) {}

  private final List<Applied> applied = new ArrayList<>();

  /** Records the reports of {@code reports} whose tasks are among {@code changed}. */
  public void add(List<StatusMessage> reports, List<TaskTransition> changed, Change change) {
    if (changed.isEmpty()) {
      return;
    }
    Map<TaskKey, StatusMessage> byTask = new HashMap<>();
    for (StatusMessage report : reports) {
      byTask.put(new TaskKey(report.jobId().value(), report.taskNumber()), report);
    }
    for (TaskTransition transition : changed) {
      StatusMessage report = byTask.get(new TaskKey(transition.jobId(), transition.number()));
      if (report != null) {
        applied.add(new Applied(report, transition, change));
      }
    }
  }

  public List<Applied> all() {
    return applied;
  }

  public boolean isEmpty() {
    return applied.isEmpty();
  }
}
