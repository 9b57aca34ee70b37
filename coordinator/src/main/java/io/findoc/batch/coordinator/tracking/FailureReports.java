package io.findoc.batch.coordinator.tracking;

import io.findoc.batch.common.message.StatusMessage;
import io.findoc.batch.coordinator.store.JobStore;
import io.findoc.batch.coordinator.store.TaskStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Failure reports, of task or compensation attempts, split by their jobs' retry policies: a
 * retryable error with attempts left (the job's {@code maxAttempts}) is retried after the job's
 * backoff; any other failure is final.
 */
final class FailureReports {

  private final Map<UUID, JobStore.JobAttempts> policies;
  private final List<StatusMessage> retries = new ArrayList<>();
  private final List<StatusMessage> finalFailures = new ArrayList<>();

  /** Splits {@code failures}, reading their jobs' policies from {@code jobs}. */
  FailureReports(List<StatusMessage> failures, JobStore jobs) {
    UUID[] jobIds = failures.stream().map(f -> f.jobId().value()).distinct().toArray(UUID[]::new);
    policies =
        jobs.findMaxAttempts(jobIds).stream()
            .collect(Collectors.toMap(JobStore.JobAttempts::id, Function.identity()));
    for (StatusMessage failure : failures) {
      JobStore.JobAttempts policy = policies.get(failure.jobId().value());
      boolean attemptsLeft = policy != null && failure.attempt() < policy.maxAttempts();
      if (failure.error() != null && failure.error().retryable() && attemptsLeft) {
        retries.add(failure);
      } else {
        finalFailures.add(failure);
      }
    }
  }

  /** The failures to retry. */
  List<StatusMessage> retries() {
    return retries;
  }

  /** The failures for good. */
  List<StatusMessage> finalFailures() {
    return finalFailures;
  }

  /** The retries as the statements take them, each due its job's backoff after {@code now}. */
  TaskStore.Reports retriesDue(RetryBackoff backoff, Instant now) {
    return ReportArrays.withNotBefore(
        retries, r -> now.plus(backoff.forJob(policies.get(r.jobId().value())).after(r.attempt())));
  }
}
