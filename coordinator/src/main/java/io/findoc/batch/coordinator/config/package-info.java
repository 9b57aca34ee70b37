/** The coordinator's configuration: one properties record, and the beans for JDBI and Kafka. */
package io.findoc.batch.coordinator.config;
