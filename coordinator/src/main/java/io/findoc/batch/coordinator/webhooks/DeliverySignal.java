package io.findoc.batch.coordinator.webhooks;

import io.findoc.batch.common.agent.WakeUpSignal;
import org.springframework.stereotype.Component;

/**
 * Wakes the {@link WebhookDeliverer}: the relay created deliveries, one was queued for redelivery,
 * or an attempt ended and freed a slot of its endpoint.
 */
@Component
public class DeliverySignal extends WakeUpSignal {}
