/**
 * The coordinator's configuration: one properties record, the JDBI bean, the topics and the
 * dead-letter publisher. Other wiring lives with what it wires; nothing here depends on the other
 * packages.
 */
package io.findoc.batch.coordinator.config;
