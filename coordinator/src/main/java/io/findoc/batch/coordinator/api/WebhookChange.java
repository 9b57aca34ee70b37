package io.findoc.batch.coordinator.api;

import java.util.List;
import java.util.UUID;

/**
 * The body of {@code PATCH /api/webhooks/{id}}: only the fields present are replaced. A class with
 * setters rather than a record, because {@code "jobId": null} (remove the job filter: the endpoint
 * gets every job's events again) must differ from a body without {@code jobId} (keep it).
 */
public final class WebhookChange {

  private String url;
  private List<String> eventTypes;
  private UUID jobId;
  private boolean jobIdPresent;
  private Boolean enabled;

  public void setUrl(String url) {
    this.url = url;
  }

  public void setEventTypes(List<String> eventTypes) {
    this.eventTypes = eventTypes;
  }

  /** Called for {@code "jobId": null} too, which clears the filter. */
  public void setJobId(UUID jobId) {
    this.jobId = jobId;
    this.jobIdPresent = true;
  }

  public void setEnabled(Boolean enabled) {
    this.enabled = enabled;
  }

  /** The new URL, or null to keep it. */
  String url() {
    return url;
  }

  /** The new event types, or null to keep them. */
  List<String> eventTypes() {
    return eventTypes;
  }

  /** Whether the body named {@code jobId}, with a job or null. */
  boolean jobIdPresent() {
    return jobIdPresent;
  }

  /** The job the endpoint is limited to from now (null: every job), if {@link #jobIdPresent}. */
  UUID jobId() {
    return jobId;
  }

  /** Whether it gets deliveries from now, or null to keep it. */
  Boolean enabled() {
    return enabled;
  }
}
