package io.findoc.batch.coordinator.tracking;

import io.findoc.batch.common.message.StatusMessage;
import io.findoc.batch.coordinator.store.TaskStore;
import io.findoc.batch.coordinator.store.TaskTransition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The task reports of a batch that changed nothing, told apart once the batch is applied: a
 * <em>duplicate</em> names the task's current attempt (its report was applied before), a
 * <em>late</em> report an older attempt (fenced out) or no task at all. The task rows are read only
 * when some report changed nothing, which an undisturbed run never has.
 */
final class UnchangedReports {

  private record TaskKey(UUID job, int number) {}

  /** A report that changed nothing, or one of several of its task of which one applied. */
  private record Candidate(StatusMessage report, boolean ofAMovedTask, boolean bumpsAttempt) {}

  private final List<Candidate> candidates = new ArrayList<>();
  private int refolded;

  /**
   * Notes which of {@code reports} changed nothing, given the tasks they {@code moved}; {@code
   * bumpsAttempt} says whether the move gave the task its next attempt number (a retry). Returns
   * {@code moved}.
   */
  List<TaskTransition> note(
      List<StatusMessage> reports, List<TaskTransition> moved, boolean bumpsAttempt) {
    // A guarded statement moves each task row at most once, so as many moves as reports means
    // every report moved its own task.
    if (reports.size() == moved.size()) {
      return moved;
    }
    Set<TaskKey> movedTasks = new HashSet<>();
    for (TaskTransition transition : moved) {
      movedTasks.add(new TaskKey(transition.jobId(), transition.number()));
    }
    Map<TaskKey, List<StatusMessage>> byTask = new LinkedHashMap<>();
    for (StatusMessage report : reports) {
      byTask.computeIfAbsent(key(report), k -> new ArrayList<>()).add(report);
    }
    byTask.forEach(
        (task, ofTask) -> {
          boolean taskMoved = movedTasks.contains(task);
          if (!taskMoved || ofTask.size() > 1) {
            ofTask.forEach(r -> candidates.add(new Candidate(r, taskMoved, bumpsAttempt)));
          }
        });
    return moved;
  }

  /**
   * Counts the reports that changed nothing as duplicates or late, with the reports of {@code
   * batch} folded into them (a start folded into a duplicate final report is a duplicate too).
   */
  ReportTally tally(TaskStore tasks, StatusBatch batch) {
    ReportTally tally = new ReportTally();
    if (candidates.isEmpty()) {
      return tally;
    }
    Map<TaskKey, Integer> current = new HashMap<>();
    for (TaskStore.CurrentAttempt attempt :
        tasks.findCurrentAttempts(
            candidates.stream().map(c -> c.report().jobId().value()).toArray(UUID[]::new),
            candidates.stream().mapToInt(c -> c.report().taskNumber()).toArray())) {
      current.put(new TaskKey(attempt.jobId(), attempt.number()), attempt.attempt());
    }
    for (Candidate candidate : candidates) {
      Integer attempt = current.get(key(candidate.report()));
      int reported = candidate.report().attempt();
      int folded = batch.foldedInto(candidate.report());
      ReportOutcome outcome;
      if (candidate.ofAMovedTask()) {
        // Of several reports of one task one applied: the one of the attempt the move left.
        int applied = attempt == null ? -1 : attempt - (candidate.bumpsAttempt() ? 1 : 0);
        outcome = reported == applied ? null : ReportOutcome.LATE;
      } else if (attempt != null && attempt == reported) {
        outcome = ReportOutcome.DUPLICATE;
      } else {
        outcome = ReportOutcome.LATE;
      }
      if (outcome != null) {
        tally.add(outcome, 1 + folded);
        refolded += folded;
      }
    }
    return tally;
  }

  /** The folded reports {@link #tally} counted as duplicates or late. */
  int refolded() {
    return refolded;
  }

  private static TaskKey key(StatusMessage report) {
    return new TaskKey(report.jobId().value(), report.taskNumber());
  }
}
