/**
 * The versioned records that travel on Kafka: {@link io.findoc.batch.common.message.TaskMessage}
 * from coordinator to workers, {@link io.findoc.batch.common.message.StatusMessage} back.
 */
package io.findoc.batch.common.message;
