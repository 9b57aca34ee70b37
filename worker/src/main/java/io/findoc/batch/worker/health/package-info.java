/** The worker's health checks beyond Spring Boot's own: the broker it takes tasks from. */
package io.findoc.batch.worker.health;
