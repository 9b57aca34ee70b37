package io.findoc.batch.coordinator.submission;

import io.findoc.batch.common.message.Priority;
import io.findoc.batch.coordinator.webhooks.JobWebhook;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The job's own fields in the body of {@code POST /api/batch/jobs}. The body's {@code documents}
 * (one task each, in order; each with a unique {@code id} and one source) are not here: {@link
 * SubmissionReader} streams them into the database as it reads them.
 *
 * @param name a human-readable name; required
 * @param priority {@code high}, {@code normal} (default) or {@code low}
 * @param processor the processor that runs every document; the configured default if absent
 * @param options passed to the processor with every task
 * @param metadata the client's own data, stored and returned as given
 * @param retry how often a task may be attempted, and the backoff between attempts
 * @param failurePolicy when failed tasks fail the job, and what then happens ({@link
 *     FailurePolicyRules})
 * @param taskOrder {@code fifo} (default) or {@code lifo}: which tasks go first
 * @param dependsOn jobs of the same tenant that must complete before this one starts; it waits in
 *     WAITING, and is cancelled if one of them ends otherwise
 * @param deadline when the client wants the job finished (an ISO-8601 instant in the future); the
 *     SLA figures and the job's deadline status compare its finish with it
 * @param webhooks endpoints that get this job's events, each with a secret of its own
 * @param taskEvents whether the job's tasks write {@code batch.task.*} events even without a
 *     webhook that wants them (for consumers of the job-events topic); default false
 */
public record JobSubmission(
    String name,
    Priority priority,
    String processor,
    Map<String, Object> options,
    Map<String, Object> metadata,
    RetrySettings retry,
    TaskOrder taskOrder,
    List<UUID> dependsOn,
    Instant deadline,
    List<JobWebhook> webhooks,
    Boolean taskEvents,
    FailurePolicySettings failurePolicy) {

  /**
   * @param maxAttempts attempts per task, 1 to 100; the configured default if absent
   * @param initialBackoff the wait before the second attempt: an ISO-8601 duration ({@code "PT2S"})
   *     or milliseconds; {@code findoc.retry.initial-backoff} if absent
   * @param maxBackoff the longest wait between attempts, likewise; {@code findoc.retry.max-backoff}
   *     if absent
   */
  public record RetrySettings(Integer maxAttempts, Object initialBackoff, Object maxBackoff) {}

  /**
   * @param threshold the failed tasks at which the job fails: {@code {"count": n}} or {@code
   *     {"ratio": r}}; without one the job fails only when no task succeeded
   * @param failFast at the threshold, cancel the unfinished tasks and fail the job at once
   * @param onFailure {@code "complete"} (default: a failed job stays as it is) or {@code
   *     "rollback"} (compensate every task that had succeeded)
   */
  public record FailurePolicySettings(Threshold threshold, Boolean failFast, String onFailure) {}

  /**
   * @param count failed tasks, at least 1
   * @param ratio failed tasks as a share of the total, over 0 and at most 1
   */
  public record Threshold(Integer count, Double ratio) {}
}
