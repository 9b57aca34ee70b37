/**
 * Taking tasks off Kafka: the listener on the three priority topics, and the throttle that stops
 * fetching while the pool has enough to do.
 */
package io.findoc.batch.worker.intake;
