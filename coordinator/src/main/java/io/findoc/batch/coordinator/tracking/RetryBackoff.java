package io.findoc.batch.coordinator.tracking;

import io.findoc.batch.coordinator.config.CoordinatorProperties;
import io.findoc.batch.coordinator.store.JobStore;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter: after attempt {@code n} fails, the next waits between half and
 * all of {@code initial * 2^(n-1)}, capped at {@code max}, so retries of many tasks that failed
 * together spread out. The coordinator's {@code findoc.retry} settings apply unless the job's
 * {@code retry} policy set its own ({@link #forJob}).
 */
final class RetryBackoff {

  private final Duration initial;
  private final Duration max;

  RetryBackoff(CoordinatorProperties.Retry settings) {
    this(settings.initialBackoff(), settings.maxBackoff());
  }

  RetryBackoff(Duration initial, Duration max) {
    this.initial = initial;
    this.max = max;
  }

  /** The backoff of a job: its own initial and max backoff where it set them, these otherwise. */
  RetryBackoff forJob(JobStore.JobAttempts job) {
    if (job == null || (job.initialBackoffMs() == null && job.maxBackoffMs() == null)) {
      return this;
    }
    Duration jobInitial =
        job.initialBackoffMs() == null ? initial : Duration.ofMillis(job.initialBackoffMs());
    Duration jobMax = job.maxBackoffMs() == null ? max : Duration.ofMillis(job.maxBackoffMs());
    return new RetryBackoff(jobInitial, jobMax.compareTo(jobInitial) < 0 ? jobInitial : jobMax);
  }

  Duration after(int failedAttempt) {
    int doublings = Math.min(Math.max(failedAttempt - 1, 0), 30);
    long ceiling = Math.min(max.toMillis(), initial.toMillis() << doublings);
    if (ceiling <= 0) {
      ceiling = max.toMillis();
    }
    long jittered = ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
    return Duration.ofMillis(jittered);
  }
}
