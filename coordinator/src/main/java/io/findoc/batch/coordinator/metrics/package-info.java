/**
 * Metrics: the per-minute figures every coordinator adds up in PostgreSQL, the metrics API and its
 * history, consumer lag, live workers from their heartbeats, the Micrometer meters and health.
 */
package io.findoc.batch.coordinator.metrics;
