package io.findoc.batch.coordinator.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.findoc.batch.coordinator.validation.Violation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailurePolicyRulesTest {

  private static JobSubmission job(
      JobSubmission.RetrySettings retry, JobSubmission.FailurePolicySettings policy) {
    return new JobSubmission(
        "j", null, null, null, null, retry, null, null, null, null, null, policy);
  }

  private static List<String> fields(JobSubmission job) {
    List<Violation> violations = new ArrayList<>();
    FailurePolicyRules.check(job, violations);
    return violations.stream().map(Violation::field).toList();
  }

  private static JobSubmission.FailurePolicySettings policy(
      Integer count, Double ratio, Boolean failFast, String onFailure) {
    return new JobSubmission.FailurePolicySettings(
        count == null && ratio == null ? null : new JobSubmission.Threshold(count, ratio),
        failFast,
        onFailure);
  }

  @Test
  void durationsAreIsoTextOrMilliseconds() {
    assertThat(FailurePolicyRules.millis("PT2.5S")).isEqualTo(2500);
    assertThat(FailurePolicyRules.millis(750)).isEqualTo(750);
    assertThat(FailurePolicyRules.millis(null)).isNull();
    assertThatThrownBy(() -> FailurePolicyRules.millis("soon")).hasMessageContaining("ISO-8601");
    assertThatThrownBy(() -> FailurePolicyRules.millis(1.5)).hasMessageContaining("whole number");
  }

  @Test
  void badBackoffsNameTheirField() {
    assertThat(fields(job(new JobSubmission.RetrySettings(3, "soon", -1), null)))
        .containsExactly("retry.initialBackoff", "retry.maxBackoff");
    assertThat(fields(job(new JobSubmission.RetrySettings(3, "P2D", null), null)))
        .containsExactly("retry.initialBackoff");
    assertThat(fields(job(new JobSubmission.RetrySettings(3, "PT10S", "PT1S"), null)))
        .containsExactly("retry.maxBackoff");
  }

  @Test
  void aThresholdHasExactlyOneOfCountOrRatioWithinBounds() {
    assertThat(fields(job(null, policy(2, 0.5, null, null))))
        .containsExactly("failurePolicy.threshold");
    assertThat(fields(job(null, policy(0, null, null, null))))
        .containsExactly("failurePolicy.threshold.count");
    assertThat(fields(job(null, policy(null, 1.5, null, null))))
        .containsExactly("failurePolicy.threshold.ratio");
    assertThat(
            fields(
                job(
                    null,
                    new JobSubmission.FailurePolicySettings(
                        new JobSubmission.Threshold(null, null), null, null))))
        .containsExactly("failurePolicy.threshold");
  }

  @Test
  void failFastNeedsAThresholdAndOnFailureIsCompleteOrRollback() {
    assertThat(fields(job(null, policy(null, null, true, null))))
        .containsExactly("failurePolicy.failFast");
    assertThat(fields(job(null, policy(1, null, null, "explode"))))
        .containsExactly("failurePolicy.onFailure");
  }

  @Test
  void aValidPolicyIsStoredAsGivenAndTheRestDefaults() {
    JobSubmission job =
        job(
            new JobSubmission.RetrySettings(3, "PT0.2S", 1000),
            policy(null, 0.25, true, "rollback"));
    assertThat(fields(job)).isEmpty();

    assertThat(FailurePolicyRules.of(job))
        .isEqualTo(new FailurePolicyRules.Policy(200L, 1000L, null, 0.25, true, "rollback"));
    assertThat(FailurePolicyRules.of(job(null, null)))
        .isEqualTo(new FailurePolicyRules.Policy(null, null, null, null, false, "complete"));
  }
}
