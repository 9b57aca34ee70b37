package io.findoc.batch.coordinator.submission;

import io.findoc.batch.coordinator.dispatch.CompletionRate;
import io.findoc.batch.coordinator.store.JobStore;
import java.time.Duration;

/**
 * The most unfinished tasks a tenant may have, so that one tenant cannot bury the others' work
 * under its own. Checked before a submission is read and again, with its documents counted, before
 * it commits.
 */
final class QueueLimit {

  private static final Duration LONGEST_WAIT = Duration.ofHours(1);

  private final long limit;
  private final CompletionRate completions;

  QueueLimit(long limit, CompletionRate completions) {
    this.limit = limit;
    this.completions = completions;
  }

  /**
   * @throws QueueLimitExceededException if the tenant's unfinished tasks and {@code adding} new
   *     ones exceed the limit, or it is at the limit already
   */
  void check(JobStore jobs, String tenant, long adding) {
    long unfinished = jobs.countUnfinishedTasksOfTenant(tenant);
    long excess = unfinished + Math.max(adding, 1) - limit;
    if (excess > 0) {
      throw new QueueLimitExceededException(unfinished, adding, limit, waitFor(excess));
    }
  }

  private Duration waitFor(long excess) {
    double perSecond = Math.max(1, completions.perSecond());
    long seconds = (long) Math.ceil(excess / perSecond);
    return Duration.ofSeconds(Math.max(1, Math.min(LONGEST_WAIT.toSeconds(), seconds)));
  }
}
