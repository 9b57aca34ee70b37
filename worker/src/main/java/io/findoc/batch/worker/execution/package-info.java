/**
 * Running tasks: the processor SPI ({@link io.findoc.batch.worker.execution.Processor}) and the
 * context it sees, the outcome of an attempt as one sealed type, the classification of failures,
 * the pause and cancel instructions in force, and the bounded pool that takes attempts by priority
 * weight, runs and reports them.
 */
package io.findoc.batch.worker.execution;
