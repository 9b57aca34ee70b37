package io.findoc.batch.coordinator.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.findoc.batch.coordinator.progress.JobView;
import io.findoc.batch.coordinator.webhooks.WebhookEndpoints;
import java.util.List;

/**
 * The answer to a submission: the job, and, if the submission registered webhooks, each with its id
 * and signing secret (shown this once).
 */
public record SubmittedJobView(
    @JsonUnwrapped JobView job, List<WebhookEndpoints.Created> webhooks) {

  /** The job alone when it has no new webhooks, so that the answer is the usual job. */
  static Object of(JobView job, List<WebhookEndpoints.Created> webhooks) {
    return webhooks.isEmpty() ? job : new SubmittedJobView(job, webhooks);
  }
}
