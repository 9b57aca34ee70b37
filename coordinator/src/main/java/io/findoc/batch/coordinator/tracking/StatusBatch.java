package io.findoc.batch.coordinator.tracking;

import io.findoc.batch.common.message.StatusKind;
import io.findoc.batch.common.message.StatusMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The reports of one poll, reduced to the furthest report per attempt: a final report replaces the
 * same attempt's {@code STARTED} (it repeats the start time), so a task that started and finished
 * within one batch changes its row once. Repeated reports are counted, not applied.
 */
final class StatusBatch {

  private record AttemptKey(UUID job, int number, int attempt) {}

  private final Map<AttemptKey, StatusMessage> furthest = new LinkedHashMap<>();
  private int repeated;

  void add(StatusMessage report) {
    AttemptKey key = new AttemptKey(report.jobId().value(), report.taskNumber(), report.attempt());
    StatusMessage known = furthest.get(key);
    if (known == null || (!known.kind().isFinal() && report.kind().isFinal())) {
      furthest.put(key, report);
    } else {
      repeated++;
    }
  }

  /** Reports that were dropped because the batch had the same or a further one. */
  int repeated() {
    return repeated;
  }

  int size() {
    return furthest.size();
  }

  List<StatusMessage> of(StatusKind kind) {
    List<StatusMessage> reports = new ArrayList<>();
    for (StatusMessage report : furthest.values()) {
      if (report.kind() == kind) {
        reports.add(report);
      }
    }
    return reports;
  }
}
