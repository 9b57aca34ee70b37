package io.findoc.batch.coordinator.api;

import io.findoc.batch.coordinator.config.CoordinatorProperties;
import io.findoc.batch.coordinator.security.Caller;
import io.findoc.batch.coordinator.security.CurrentCaller;
import io.findoc.batch.coordinator.security.Role;
import io.findoc.batch.coordinator.store.JobStore;
import io.findoc.batch.coordinator.store.WebhookDeliveryRow;
import io.findoc.batch.coordinator.store.WebhookEndpointRow;
import io.findoc.batch.coordinator.store.WebhookStore;
import io.findoc.batch.coordinator.validation.Violation;
import io.findoc.batch.coordinator.webhooks.DeliverySignal;
import io.findoc.batch.coordinator.webhooks.InvalidWebhookException;
import io.findoc.batch.coordinator.webhooks.WebhookDisabledException;
import io.findoc.batch.coordinator.webhooks.WebhookEndpoints;
import io.findoc.batch.coordinator.webhooks.WebhookSecret;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tenant's webhook endpoints: create (the answer carries the signing secret, once), list, read,
 * change, delete, rotate the secret, and the delivery log with redelivery. Reading needs a
 * submitter's key, changing an operator's; another tenant's endpoint answers 404; settings that
 * break a rule answer 400 {@code invalid-webhook} naming the field.
 */
@RestController
@RequestMapping("/api/webhooks")
public class WebhookController {

  private static final Set<String> DELIVERY_STATES = Set.of("PENDING", "SUCCEEDED", "FAILED");
  private static final Duration MAX_OVERLAP = Duration.ofDays(7);

  private final WebhookStore store;
  private final JobStore jobs;
  private final WebhookEndpoints endpoints;
  private final CurrentCaller callers;
  private final Duration defaultOverlap;
  private final DeliverySignal deliverySignal;

  public WebhookController(
      WebhookStore store,
      JobStore jobs,
      WebhookEndpoints endpoints,
      CurrentCaller callers,
      CoordinatorProperties properties,
      DeliverySignal deliverySignal) {
    this.store = store;
    this.deliverySignal = deliverySignal;
    this.jobs = jobs;
    this.endpoints = endpoints;
    this.callers = callers;
    this.defaultOverlap = properties.webhooks().secretOverlap();
  }

  /**
   * A new endpoint's settings ({@link WebhookChange} is the body of a change).
   *
   * @param url where events are POSTed: http or https, a public address (required)
   * @param eventTypes the event types it gets (required)
   * @param jobId only this job's events (a job of the tenant); every job's if absent
   * @param enabled whether it gets deliveries (default true)
   */
  public record WebhookRequest(String url, List<String> eventTypes, UUID jobId, Boolean enabled) {}

  /**
   * @param overlapSeconds how long the old secret keeps signing beside the new one (default {@code
   *     findoc.webhooks.secret-overlap}); 0 ends it at once
   */
  public record RotateRequest(Long overlapSeconds) {}

  @PostMapping
  @ApiResponse(
      responseCode = "201",
      description = "created; the answer carries the signing secret, shown this once",
      content = @Content(schema = @Schema(implementation = WebhookView.class)))
  public ResponseEntity<WebhookView> create(@RequestBody WebhookRequest request) {
    String tenant = tenant(Role.OPERATOR);
    List<Violation> violations = new ArrayList<>();
    endpoints.checkUrl("url", request.url(), violations);
    List<String> types = endpoints.checkEventTypes("eventTypes", request.eventTypes(), violations);
    checkJob(tenant, request.jobId(), violations);
    refuseIfAny(violations);
    WebhookEndpoints.Created created =
        endpoints.create(
            store,
            tenant,
            request.url(),
            types,
            request.jobId(),
            request.enabled() == null || request.enabled());
    WebhookEndpointRow row = endpoint(created.id(), tenant);
    return ResponseEntity.created(URI.create("/api/webhooks/" + created.id()))
        .body(WebhookView.of(row, created.secret()));
  }

  @GetMapping
  public List<WebhookView> list(@RequestParam(required = false) Integer limit) {
    return store.listEndpoints(tenant(Role.VIEWER), Page.limit(limit)).stream()
        .map(row -> WebhookView.of(row, null))
        .toList();
  }

  @GetMapping("/{id}")
  public WebhookView get(@PathVariable UUID id) {
    return WebhookView.of(endpoint(id, tenant(Role.VIEWER)), null);
  }

  @PatchMapping("/{id}")
  public WebhookView change(@PathVariable UUID id, @RequestBody WebhookChange request) {
    String tenant = tenant(Role.SUBMITTER);
    WebhookEndpointRow current = endpoint(id, tenant);
    callers.get().require(Role.OPERATOR);
    List<Violation> violations = new ArrayList<>();
    String url = request.url() == null ? current.url() : request.url();
    if (request.url() != null) {
      endpoints.checkUrl("url", request.url(), violations);
    }
    List<String> types =
        request.eventTypes() == null
            ? current.eventTypes()
            : endpoints.checkEventTypes("eventTypes", request.eventTypes(), violations);
    UUID jobId = request.jobIdPresent() ? request.jobId() : current.jobId();
    if (request.jobIdPresent()) {
      checkJob(tenant, request.jobId(), violations);
    }
    refuseIfAny(violations);
    boolean enabled = request.enabled() == null ? current.enabled() : request.enabled();
    return store
        .updateEndpoint(id, tenant, url, types.toArray(String[]::new), jobId, enabled)
        .map(row -> WebhookView.of(row, null))
        .orElseThrow(() -> notFound(id));
  }

  @DeleteMapping("/{id}")
  @ApiResponse(responseCode = "204", description = "deleted, with its pending deliveries")
  public ResponseEntity<Void> delete(@PathVariable UUID id) {
    String tenant = tenant(Role.SUBMITTER);
    endpoint(id, tenant);
    callers.get().require(Role.OPERATOR);
    store.deleteEndpoint(id, tenant);
    return ResponseEntity.noContent().build();
  }

  /** A new secret, shown once; the old one keeps signing for the overlap. */
  @PostMapping("/{id}/rotate-secret")
  public WebhookView rotateSecret(
      @PathVariable UUID id, @RequestBody(required = false) RotateRequest request) {
    String tenant = tenant(Role.SUBMITTER);
    endpoint(id, tenant);
    callers.get().require(Role.OPERATOR);
    Duration overlap =
        request == null || request.overlapSeconds() == null
            ? defaultOverlap
            : Duration.ofSeconds(request.overlapSeconds());
    if (overlap.isNegative() || overlap.compareTo(MAX_OVERLAP) > 0) {
      throw new InvalidWebhookException(
          List.of(
              new Violation("overlapSeconds", "must be between 0 and " + MAX_OVERLAP.toSeconds())));
    }
    String secret = WebhookSecret.generate();
    return store
        .rotateSecret(id, tenant, secret, overlap.toSeconds() + " seconds")
        .map(row -> WebhookView.of(row, secret))
        .orElseThrow(() -> notFound(id));
  }

  /** The endpoint's deliveries, newest first: state, response, latency, attempt, next retry. */
  @GetMapping("/{id}/deliveries")
  public List<WebhookDeliveryRow> deliveries(
      @PathVariable UUID id,
      @RequestParam(required = false) String state,
      @RequestParam(required = false) Integer limit) {
    endpoint(id, tenant(Role.VIEWER));
    if (state != null && !DELIVERY_STATES.contains(state)) {
      throw new InvalidParameterException("state", "must be one of " + DELIVERY_STATES);
    }
    return store.listDeliveries(id, state, Page.limit(limit));
  }

  /** Sends the delivery again now (same webhook-id), with a new retry horizon. */
  @PostMapping("/{id}/deliveries/{deliveryId}/redeliver")
  @ApiResponse(
      responseCode = "202",
      description = "the delivery is sent again now",
      content = @Content(schema = @Schema(implementation = WebhookDeliveryRow.class)))
  public ResponseEntity<WebhookDeliveryRow> redeliver(
      @PathVariable UUID id, @PathVariable UUID deliveryId) {
    String tenant = tenant(Role.SUBMITTER);
    WebhookEndpointRow endpoint = endpoint(id, tenant);
    callers.get().require(Role.OPERATOR);
    if (!endpoint.enabled()) {
      throw new WebhookDisabledException(id, endpoint.disabledReason());
    }
    if (store.redeliver(id, deliveryId) == 0) {
      throw new NotFoundException("no delivery " + deliveryId + " of webhook " + id);
    }
    deliverySignal.wakeUp();
    return ResponseEntity.accepted().body(store.findDelivery(id, deliveryId).orElseThrow());
  }

  private void checkJob(String tenant, UUID jobId, List<Violation> violations) {
    if (jobId != null && jobs.findForTenant(jobId, tenant).isEmpty()) {
      violations.add(new Violation("jobId", "no job " + jobId));
    }
  }

  private static void refuseIfAny(List<Violation> violations) {
    if (!violations.isEmpty()) {
      throw new InvalidWebhookException(violations);
    }
  }

  private WebhookEndpointRow endpoint(UUID id, String tenant) {
    return store.findEndpoint(id, tenant).orElseThrow(() -> notFound(id));
  }

  private static NotFoundException notFound(UUID id) {
    return new NotFoundException("no webhook " + id);
  }

  private String tenant(Role needed) {
    Caller caller = callers.get();
    caller.require(needed);
    return caller.tenant();
  }
}
