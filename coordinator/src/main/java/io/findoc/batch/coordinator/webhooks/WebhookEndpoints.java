package io.findoc.batch.coordinator.webhooks;

import io.findoc.batch.common.event.EventType;
import io.findoc.batch.coordinator.config.CoordinatorProperties;
import io.findoc.batch.coordinator.store.AttachedStores;
import io.findoc.batch.coordinator.store.WebhookEndpointRow;
import io.findoc.batch.coordinator.store.WebhookStore;
import io.findoc.batch.coordinator.validation.Violation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.springframework.stereotype.Component;

/**
 * The rules of webhook endpoints, and the endpoints a submission registers for its job. Tenant
 * endpoints are managed through {@code /api/webhooks}; a job's own endpoints are stored the same
 * way, with the job as their filter.
 */
@Component
public class WebhookEndpoints {

  /** The types a job's webhook gets when it names none: every {@code batch.job.*} type. */
  static final List<String> JOB_TYPES =
      List.of(
          EventType.JOB_CREATED.wireName(),
          EventType.JOB_STARTED.wireName(),
          EventType.JOB_PROGRESS.wireName(),
          EventType.JOB_COMPLETED.wireName(),
          EventType.JOB_FAILED.wireName());

  private final WebhookUrls urls;
  private final int maxPerJob;

  /** An endpoint just created, with its secret: the only time the secret is shown. */
  public record Created(UUID id, String url, List<String> eventTypes, String secret) {}

  public WebhookEndpoints(WebhookUrls urls, CoordinatorProperties properties) {
    this.urls = urls;
    this.maxPerJob = properties.webhooks().maxPerJob();
  }

  /** Checks the URL; adds a violation named {@code field} if it may not be an endpoint. */
  public void checkUrl(String field, String url, List<Violation> violations) {
    urls.refusal(url).ifPresent(why -> violations.add(new Violation(field, why)));
  }

  /**
   * Checks a list of event types; adds violations named {@code field[i]}; returns the types without
   * repeats.
   */
  public List<String> checkEventTypes(
      String field, List<String> types, List<Violation> violations) {
    if (types == null || types.isEmpty()) {
      violations.add(new Violation(field, "must name at least one event type"));
      return List.of();
    }
    LinkedHashSet<String> unique = new LinkedHashSet<>();
    for (int i = 0; i < types.size(); i++) {
      String type = types.get(i);
      if (type == null || EventType.fromWireName(type).isEmpty()) {
        violations.add(
            new Violation(
                field + "[" + i + "]",
                "'"
                    + type
                    + "' is not an event type (batch.job.created,"
                    + " batch.job.started, batch.job.progress, batch.job.completed,"
                    + " batch.job.failed, batch.task.started, batch.task.completed,"
                    + " batch.task.failed)"));
      } else {
        unique.add(type);
      }
    }
    return List.copyOf(unique);
  }

  /** Checks a submission's {@code webhooks}; adds a violation per field at fault. */
  public void checkForJob(List<JobWebhook> webhooks, List<Violation> violations) {
    if (webhooks == null) {
      return;
    }
    if (webhooks.size() > maxPerJob) {
      violations.add(
          new Violation("webhooks", "a job may have at most " + maxPerJob + " webhooks"));
      return;
    }
    for (int i = 0; i < webhooks.size(); i++) {
      JobWebhook webhook = webhooks.get(i);
      String path = "webhooks[" + i + "]";
      if (webhook == null) {
        violations.add(new Violation(path, "must be an object with url and events"));
        continue;
      }
      checkUrl(path + ".url", webhook.url(), violations);
      if (webhook.events() != null) {
        checkEventTypes(path + ".events", webhook.events(), violations);
      }
    }
  }

  /** Whether one of the webhooks wants task events. */
  public static boolean wantTaskEvents(List<JobWebhook> webhooks) {
    return webhooks != null
        && webhooks.stream()
            .filter(w -> w.events() != null)
            .flatMap(w -> w.events().stream())
            .anyMatch(t -> t != null && t.startsWith("batch.task."));
  }

  /** Stores the checked webhooks of a new job, in the submission's transaction. */
  public List<Created> registerForJob(
      Handle handle, String tenant, UUID jobId, List<JobWebhook> webhooks) {
    if (webhooks == null || webhooks.isEmpty()) {
      return List.of();
    }
    WebhookStore store = AttachedStores.of(handle, WebhookStore.class);
    List<Created> created = new ArrayList<>();
    for (JobWebhook webhook : webhooks) {
      List<String> types =
          webhook.events() == null || webhook.events().isEmpty()
              ? JOB_TYPES
              : List.copyOf(new LinkedHashSet<>(webhook.events()));
      created.add(create(store, tenant, webhook.url(), types, jobId, true));
    }
    return created;
  }

  /** Stores a checked endpoint with a new secret. */
  public Created create(
      WebhookStore store,
      String tenant,
      String url,
      List<String> types,
      UUID jobId,
      boolean enabled) {
    String secret = WebhookSecret.generate();
    WebhookEndpointRow row =
        store.insertEndpoint(
            UUID.randomUUID(), tenant, url, types.toArray(String[]::new), jobId, enabled, secret);
    return new Created(row.id(), row.url(), row.eventTypes(), secret);
  }
}
