/**
 * Webhooks: endpoints of tenants and jobs ({@link
 * io.findoc.batch.coordinator.webhooks.WebhookEndpoints}), their secrets and Standard Webhooks
 * signatures, and the durable, retried delivery of job events to them ({@link
 * io.findoc.batch.coordinator.webhooks.WebhookDeliverer}).
 */
package io.findoc.batch.coordinator.webhooks;
