package io.findoc.batch.coordinator.submission;

import io.findoc.batch.common.message.Priority;
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
 * @param retry how often a task may be attempted
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
    Boolean taskEvents) {

  /**
   * @param maxAttempts attempts per task, 1 to 100; the configured default if absent
   */
  public record RetrySettings(Integer maxAttempts) {}
}
