/**
 * Running tasks: the processor SPI ({@link io.findoc.batch.worker.execution.Processor}), the
 * outcome of an attempt as one sealed type, the classification of failures, and the bounded pool
 * that runs attempts and reports them.
 */
package io.findoc.batch.worker.execution;
