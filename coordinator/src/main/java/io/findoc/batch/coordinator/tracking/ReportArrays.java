package io.findoc.batch.coordinator.tracking;

import io.findoc.batch.common.json.IsoInstant;
import io.findoc.batch.common.message.StatusKind;
import io.findoc.batch.common.message.StatusMessage;
import io.findoc.batch.coordinator.store.TaskStore;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** Turns reports into the parallel arrays that the batched task statements unnest. */
final class ReportArrays {

  private ReportArrays() {}

  static TaskStore.Reports of(List<StatusMessage> reports) {
    return withNotBefore(reports, report -> null);
  }

  static TaskStore.Reports withNotBefore(
      List<StatusMessage> reports, Function<StatusMessage, Instant> notBefore) {
    int n = reports.size();
    UUID[] jobIds = new UUID[n];
    int[] numbers = new int[n];
    int[] attempts = new int[n];
    String[] workers = new String[n];
    String[] startedAts = new String[n];
    String[] finishedAts = new String[n];
    String[] results = new String[n];
    String[] errorCodes = new String[n];
    String[] errorMessages = new String[n];
    String[] notBefores = new String[n];
    String[] errorTraces = new String[n];
    for (int i = 0; i < n; i++) {
      StatusMessage report = reports.get(i);
      jobIds[i] = report.jobId().value();
      numbers[i] = report.taskNumber();
      attempts[i] = report.attempt();
      workers[i] = report.worker();
      startedAts[i] = text(report.startedAt());
      finishedAts[i] = text(report.finishedAt());
      results[i] = report.result() == null ? null : report.result().text();
      if (report.error() != null) {
        errorCodes[i] = report.error().code();
        errorMessages[i] = report.error().message();
        errorTraces[i] = report.error().trace();
      } else if (report.kind() == StatusKind.FAILED) {
        errorCodes[i] = "UNSPECIFIED_FAILURE";
        errorMessages[i] = "the worker reported a failure without saying why";
      }
      notBefores[i] = text(notBefore.apply(report));
    }
    return new TaskStore.Reports(
        jobIds,
        numbers,
        attempts,
        workers,
        startedAts,
        finishedAts,
        results,
        errorCodes,
        errorMessages,
        notBefores,
        errorTraces);
  }

  private static String text(Instant instant) {
    return instant == null ? null : IsoInstant.format(instant);
  }
}
