package io.findoc.batch.coordinator.tracking;

/**
 * The broker did not acknowledge the dead-letter records of tasks that failed for good; the
 * transaction that failed them rolls back and its status batch is applied again.
 */
public class DeadLettersNotPublishedException extends RuntimeException {

  DeadLettersNotPublishedException(String what, Throwable cause) {
    super(what + "; the status batch rolls back and is applied again", cause);
  }
}
