package io.findoc.batch.worker.execution;

import io.findoc.batch.common.message.TaskMessage;

/**
 * Does the work of one task. Implementations are Spring beans, found by {@link #name()}, and must
 * be thread-safe: the pool calls them from several threads at once.
 *
 * <p>Return an {@link Outcome}, or throw: a {@link ProcessingException} carries its own code and
 * retryability, and any other exception is classified by {@link FailureClassifier}.
 */
public interface Processor {

  /** The name jobs select this processor by, such as {@code noop}. */
  String name();

  Outcome process(TaskMessage task) throws Exception;
}
