/**
 * The REST API under {@code /api/batch}, every controller of it (jobs, progress and event streams,
 * metrics, webhooks, administration): what it accepts and answers, and how every error becomes an
 * RFC 9457 problem+json body naming what was wrong.
 */
package io.findoc.batch.coordinator.api;
