package io.findoc.batch.coordinator.submission;

import io.findoc.batch.coordinator.validation.Violation;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Checks and reads a submission's {@code retry} backoff and {@code failurePolicy}. Durations are
 * ISO-8601 ({@code "PT2S"}) or whole milliseconds, from 0 to a day; a threshold is {@code {"count":
 * n}} (n at least 1) or {@code {"ratio": r}} (over 0, at most 1), not both; {@code failFast} needs
 * a threshold; {@code onFailure} is {@code "complete"} or {@code "rollback"}. Every violation names
 * its field ({@code retry.initialBackoff}, {@code failurePolicy.threshold.ratio}, ...).
 */
final class FailurePolicyRules {

  static final Duration MAX_BACKOFF = Duration.ofDays(1);

  /** The policy's columns; null where the defaults apply. */
  record Policy(
      Long initialBackoffMs,
      Long maxBackoffMs,
      Integer thresholdCount,
      Double thresholdRatio,
      boolean failFast,
      String onFailure) {}

  private FailurePolicyRules() {}

  static void check(JobSubmission job, List<Violation> violations) {
    JobSubmission.RetrySettings retry = job.retry();
    if (retry != null) {
      Long initial = checkDuration("retry.initialBackoff", retry.initialBackoff(), violations);
      Long max = checkDuration("retry.maxBackoff", retry.maxBackoff(), violations);
      if (initial != null && max != null && max < initial) {
        violations.add(
            new Violation("retry.maxBackoff", "must not be shorter than retry.initialBackoff"));
      }
    }
    JobSubmission.FailurePolicySettings policy = job.failurePolicy();
    if (policy == null) {
      return;
    }
    JobSubmission.Threshold threshold = policy.threshold();
    if (threshold != null) {
      if ((threshold.count() == null) == (threshold.ratio() == null)) {
        violations.add(
            new Violation("failurePolicy.threshold", "must have exactly one of count or ratio"));
      }
      if (threshold.count() != null && threshold.count() < 1) {
        violations.add(new Violation("failurePolicy.threshold.count", "must be at least 1"));
      }
      if (threshold.ratio() != null
          && (threshold.ratio().isNaN() || threshold.ratio() <= 0 || threshold.ratio() > 1)) {
        violations.add(
            new Violation("failurePolicy.threshold.ratio", "must be over 0 and at most 1"));
      }
    }
    if (Boolean.TRUE.equals(policy.failFast()) && threshold == null) {
      violations.add(new Violation("failurePolicy.failFast", "needs a failurePolicy.threshold"));
    }
    if (policy.onFailure() != null
        && !policy.onFailure().equals("complete")
        && !policy.onFailure().equals("rollback")) {
      violations.add(new Violation("failurePolicy.onFailure", "must be 'complete' or 'rollback'"));
    }
  }

  /** The policy of a submission that passed {@link #check}. */
  static Policy of(JobSubmission job) {
    JobSubmission.RetrySettings retry = job.retry();
    JobSubmission.FailurePolicySettings policy = job.failurePolicy();
    JobSubmission.Threshold threshold = policy == null ? null : policy.threshold();
    return new Policy(
        retry == null ? null : millis(retry.initialBackoff()),
        retry == null ? null : millis(retry.maxBackoff()),
        threshold == null ? null : threshold.count(),
        threshold == null ? null : threshold.ratio(),
        policy != null && Boolean.TRUE.equals(policy.failFast()),
        policy == null || policy.onFailure() == null ? "complete" : policy.onFailure());
  }

  private static Long checkDuration(String field, Object value, List<Violation> violations) {
    if (value == null) {
      return null;
    }
    Long millis;
    try {
      millis = millis(value);
    } catch (IllegalArgumentException e) {
      violations.add(new Violation(field, e.getMessage()));
      return null;
    }
    if (millis < 0 || millis > MAX_BACKOFF.toMillis()) {
      violations.add(new Violation(field, "must be between 0 and " + MAX_BACKOFF));
      return null;
    }
    return millis;
  }

  /**
   * Milliseconds of an ISO-8601 duration text or a whole number; null for null.
   *
   * @throws IllegalArgumentException naming what is wrong with it
   */
  static Long millis(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Integer || value instanceof Long) {
      return ((Number) value).longValue();
    }
    if (value instanceof String text) {
      try {
        return Duration.parse(text).toMillis();
      } catch (DateTimeParseException | ArithmeticException e) {
        throw new IllegalArgumentException(
            "must be an ISO-8601 duration such as 'PT2S', or milliseconds; '" + text + "' is not");
      }
    }
    throw new IllegalArgumentException(
        "must be an ISO-8601 duration such as 'PT2S', or a whole number of milliseconds");
  }
}
