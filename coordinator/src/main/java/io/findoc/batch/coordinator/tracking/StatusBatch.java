package io.findoc.batch.coordinator.tracking;

import io.findoc.batch.common.message.StatusKind;
import io.findoc.batch.common.message.StatusMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The reports of one poll, reduced to the furthest report per attempt: a final report replaces the
 * same attempt's {@code STARTED} or {@code HEARTBEAT} (it repeats the start time), a {@code
 * STARTED} replaces a {@code HEARTBEAT}, so a task that started and finished within one batch
 * changes its row once. Reports made unnecessary that way are <em>folded</em>; a second report of
 * what the batch already has (the same kind again, a start after the end, a second final report) is
 * <em>repeated</em>. Both are counted, neither applied.
 */
final class StatusBatch {

  private record AttemptKey(UUID job, int number, int attempt) {}

  private final Map<AttemptKey, StatusMessage> furthest = new LinkedHashMap<>();
  private final Map<AttemptKey, Integer> foldedInto = new HashMap<>();
  private int repeated;
  private int folded;

  void add(StatusMessage report) {
    AttemptKey key = new AttemptKey(report.jobId().value(), report.taskNumber(), report.attempt());
    StatusMessage known = furthest.get(key);
    if (known == null) {
      furthest.put(key, report);
    } else if (report.kind() == StatusKind.HEARTBEAT) {
      fold(key);
    } else if (rank(report.kind()) > rank(known.kind())) {
      furthest.put(key, report);
      fold(key);
    } else {
      repeated++;
    }
  }

  private void fold(AttemptKey key) {
    folded++;
    foldedInto.merge(key, 1, Integer::sum);
  }

  /** Heartbeat, start, final report: how far an attempt's report goes. */
  private static int rank(StatusKind kind) {
    return switch (kind) {
      case HEARTBEAT -> 0;
      case STARTED -> 1;
      default -> 2;
    };
  }

  /** Reports that were dropped because the batch had the same or a further one. */
  int repeated() {
    return repeated;
  }

  /** Starts and heartbeats made unnecessary by a further report of their attempt. */
  int folded() {
    return folded;
  }

  /**
   * How many reports were folded into {@code kept}, the furthest report of its attempt: if it
   * changes nothing, they changed nothing either.
   */
  int foldedInto(StatusMessage kept) {
    return foldedInto.getOrDefault(
        new AttemptKey(kept.jobId().value(), kept.taskNumber(), kept.attempt()), 0);
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
