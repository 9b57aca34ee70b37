package io.findoc.batch.coordinator.progress;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.findoc.batch.coordinator.store.JobCounts;
import io.findoc.batch.coordinator.store.JobRow;
import java.time.Duration;
import java.time.Instant;

/**
 * A job's progress from its counters: the tasks done (succeeded, failed, cancelled or skipped), its
 * throughput (tasks done per second since it started), the time left at that rate, and how it
 * stands with its deadline. Read from the job row, which the status batches update in the same
 * transaction as the tasks, so the counts are exactly the tasks finished at the last commit.
 *
 * @param done tasks in a final state
 * @param total the job's tasks
 * @param percentDone {@code done} of {@code total}, in percent, rounded down to 0.01
 * @param throughputPerSecond tasks done per second since the job started; null before any
 * @param etaSeconds seconds left at that rate; 0 once finished, null without a rate
 * @param estimatedFinishAt when it finishes at that rate (its finish, once finished)
 * @param deadline when the client wants it finished; null for none
 * @param deadlineStatus how it stands with the deadline; null without one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobEstimate(
    int done,
    int total,
    double percentDone,
    Double throughputPerSecond,
    Long etaSeconds,
    Instant estimatedFinishAt,
    Instant deadline,
    DeadlineStatus deadlineStatus) {

  /** The estimate of {@code job} at {@code now}. */
  public static JobEstimate of(JobRow job, Instant now) {
    JobCounts counts = job.counts();
    int done = counts.terminal();
    double percent = Math.floor(10_000.0 * done / counts.total()) / 100.0;
    boolean finished = job.finishedAt() != null;
    Double rate = null;
    if (job.startedAt() != null && done > 0) {
      Instant end = finished ? job.finishedAt() : now;
      double seconds = Math.max(0.001, Duration.between(job.startedAt(), end).toMillis() / 1000.0);
      rate = Math.round(done / seconds * 100.0) / 100.0;
    }
    Long eta = null;
    Instant finish = null;
    if (finished) {
      eta = 0L;
      finish = job.finishedAt();
    } else if (rate != null && rate > 0) {
      double seconds = (counts.total() - done) / rate;
      eta = (long) Math.ceil(seconds);
      finish = now.plusMillis(Math.round(seconds * 1000));
    }
    return new JobEstimate(
        done,
        counts.total(),
        percent,
        rate,
        eta,
        finish,
        job.deadline(),
        status(job.deadline(), finished, finish, now));
  }

  private static DeadlineStatus status(
      Instant deadline, boolean finished, Instant finish, Instant now) {
    if (deadline == null) {
      return null;
    }
    if (finished) {
      return finish.isAfter(deadline) ? DeadlineStatus.MISSED : DeadlineStatus.MET;
    }
    if (now.isAfter(deadline)) {
      return DeadlineStatus.MISSED;
    }
    if (finish != null && finish.isAfter(deadline)) {
      return DeadlineStatus.AT_RISK;
    }
    return DeadlineStatus.ON_TRACK;
  }
}
