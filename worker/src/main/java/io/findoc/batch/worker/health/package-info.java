/**
 * The worker's health beyond Spring Boot's own checks: the broker it takes tasks from, and the
 * heartbeat it publishes on the workers topic (id, host, tasks in flight, CPU, heap).
 */
package io.findoc.batch.worker.health;
