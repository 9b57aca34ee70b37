/**
 * Who may call the API: tenants' API keys (stored hashed) and their roles, the platform
 * administrator, rate limits per key, and the audit trail of every change made through the API.
 */
package io.findoc.batch.coordinator.security;
