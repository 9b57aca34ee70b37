/**
 * The REST API under {@code /api/batch}: what it accepts and answers, and how every error becomes
 * an RFC 9457 problem+json body naming what was wrong.
 */
package io.findoc.batch.coordinator.api;
