package io.findoc.batch.coordinator.ui;

import io.findoc.batch.coordinator.api.NotFoundException;
import io.findoc.batch.coordinator.security.Caller;
import io.findoc.batch.coordinator.security.Role;
import io.findoc.batch.coordinator.store.WebhookEndpointRow;
import io.findoc.batch.coordinator.store.WebhookStore;
import io.findoc.batch.coordinator.webhooks.DeliverySignal;
import io.findoc.batch.coordinator.webhooks.WebhookDisabledException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The tenant's webhook endpoints and, for the one chosen, its delivery log with "redeliver": the
 * delivery is sent again now (same webhook-id), as the API's {@code POST
 * /api/batch/webhooks/{id}/deliveries/{deliveryId}/redeliver} does, and the audit trail says who
 * sent which delivery again.
 */
@Controller
@RequestMapping("${findoc.ui.prefix:/ui}/webhooks")
public class WebhooksPage {

  private static final int WEBHOOKS = 100;
  private static final int DELIVERIES = 50;

  private final WebhookStore webhooks;
  private final DeliverySignal deliverySignal;
  private final UiAudit audit;
  private final UiProperties settings;

  public WebhooksPage(
      WebhookStore webhooks, DeliverySignal deliverySignal, UiAudit audit, UiProperties settings) {
    this.webhooks = webhooks;
    this.deliverySignal = deliverySignal;
    this.audit = audit;
    this.settings = settings;
  }

  @GetMapping
  String webhooks(
      @RequestParam(required = false) UUID endpoint, HttpServletRequest request, Model model) {
    Caller caller = UiGate.sessionOf(request).caller();
    if (caller.tenantId() == null) {
      model.addAttribute("endpoints", List.of());
      model.addAttribute("adminNote", true);
      return "ui/webhooks";
    }
    model.addAttribute("adminNote", false);
    model.addAttribute("endpoints", webhooks.listEndpoints(caller.tenantId(), WEBHOOKS));
    if (endpoint != null) {
      deliveries(endpoint(endpoint, caller), model);
    }
    return "ui/webhooks";
  }

  /** Sends one delivery of the endpoint again now; htmx gets the delivery log back. */
  @PostMapping("/{endpoint}/deliveries/{delivery}/redeliver")
  String redeliver(
      @PathVariable UUID endpoint,
      @PathVariable UUID delivery,
      HttpServletRequest request,
      Model model) {
    Caller caller = UiGate.sessionOf(request).caller();
    WebhookEndpointRow chosen = endpoint(endpoint, caller);
    caller.require(Role.OPERATOR);
    if (!chosen.enabled()) {
      throw new WebhookDisabledException(endpoint, chosen.disabledReason());
    }
    if (webhooks.redeliver(endpoint, delivery) == 0) {
      throw new NotFoundException("no delivery " + delivery + " of webhook " + endpoint);
    }
    deliverySignal.wakeUp();
    audit.changed(caller, "redeliver", "webhook " + endpoint + " delivery " + delivery, 1);
    if (request.getHeader("HX-Request") == null) {
      return "redirect:" + root(request) + "webhooks?endpoint=" + endpoint;
    }
    model.addAttribute("redelivered", delivery);
    deliveries(chosen, model);
    return "ui/webhooks :: deliveries";
  }

  private String root(HttpServletRequest request) {
    return UiLinks.root(request.getRequestURI().substring(settings.prefix().length()));
  }

  private void deliveries(WebhookEndpointRow chosen, Model model) {
    model.addAttribute("chosen", chosen);
    model.addAttribute("deliveries", webhooks.listDeliveries(chosen.id(), null, DELIVERIES));
  }

  /** The caller's endpoint; another tenant's is not found, and the platform admin has none. */
  private WebhookEndpointRow endpoint(UUID id, Caller caller) {
    if (caller.tenantId() == null) {
      throw new NotFoundException("no webhook endpoint " + id + ": endpoints belong to tenants");
    }
    return webhooks
        .findEndpoint(id, caller.tenantId())
        .orElseThrow(() -> new NotFoundException("no webhook endpoint " + id));
  }
}
