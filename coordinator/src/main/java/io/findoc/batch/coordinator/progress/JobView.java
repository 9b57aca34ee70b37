package io.findoc.batch.coordinator.progress;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import io.findoc.batch.common.message.Priority;
import io.findoc.batch.common.state.JobState;
import io.findoc.batch.coordinator.store.JobCounts;
import io.findoc.batch.coordinator.store.JobRow;
import io.findoc.batch.coordinator.submission.TaskOrder;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/**
 * A job as the API shows it; {@code stateReason} says why it is in its state where that is not
 * obvious (who cancelled it, which dependency failed), otherwise it is left out; {@code progress}
 * adds throughput, ETA and the deadline status ({@link JobEstimate}).
 */
public record JobView(
    UUID id,
    String name,
    String tenant,
    JobState state,
    @JsonInclude(JsonInclude.Include.NON_NULL) String stateReason,
    Priority priority,
    String processor,
    @Schema(types = "object", description = "the processor's options as submitted") @JsonRawValue
        String options,
    @Schema(types = "object", description = "the submission's metadata") @JsonRawValue
        String metadata,
    int maxAttempts,
    TaskOrder taskOrder,
    Counts counts,
    double percentDone,
    Instant createdAt,
    Instant startedAt,
    Instant finishedAt,
    @JsonInclude(JsonInclude.Include.NON_NULL) Instant deadline,
    JobEstimate progress,
    @JsonInclude(JsonInclude.Include.NON_NULL) JobRow.Rollback rollback) {

  /** Tasks per state; they add up to {@code total}. */
  public record Counts(
      int total,
      int pending,
      int queued,
      int running,
      int retryWait,
      int succeeded,
      int failed,
      int cancelled,
      int skipped) {

    static Counts of(JobCounts c) {
      return new Counts(
          c.total(),
          c.pending(),
          c.queued(),
          c.running(),
          c.retryWait(),
          c.succeeded(),
          c.failed(),
          c.cancelled(),
          c.skipped());
    }
  }

  public static JobView of(JobRow job) {
    return of(job, Instant.now());
  }

  /** The job as it stands at {@code now}. */
  public static JobView of(JobRow job, Instant now) {
    JobCounts counts = job.counts();
    double percent = Math.floor(10_000.0 * counts.terminal() / counts.total()) / 100.0;
    return new JobView(
        job.id(),
        job.name(),
        job.tenantId(),
        job.state(),
        job.stateReason(),
        job.priority(),
        job.processor(),
        job.options(),
        job.metadata(),
        job.maxAttempts(),
        TaskOrder.valueOf(job.taskOrder()),
        Counts.of(counts),
        percent,
        job.createdAt(),
        job.startedAt(),
        job.finishedAt(),
        job.deadline(),
        JobEstimate.of(job, now),
        rolledBack(job) ? job.rollback() : null);
  }

  /** Whether the job's failure policy started a rollback: then its compensations are shown. */
  private static boolean rolledBack(JobRow job) {
    return job.rollback() != null
        && (job.rollback().compensations() > 0
            || job.state() == JobState.ROLLING_BACK
            || job.state() == JobState.ROLLED_BACK);
  }
}
