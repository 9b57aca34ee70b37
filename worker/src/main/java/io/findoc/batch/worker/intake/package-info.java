/**
 * Taking tasks off Kafka: a listener container per priority topic, the throttle that stops fetching
 * a priority while the pool has enough of it to do, the drain of a stopping worker, and the job
 * controls (pause, cancel) read from the control topic.
 */
package io.findoc.batch.worker.intake;
