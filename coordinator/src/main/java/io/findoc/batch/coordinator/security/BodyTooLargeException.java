package io.findoc.batch.coordinator.security;

/** The request body grew past {@code findoc.security.max-body-bytes}; nothing was stored. */
public class BodyTooLargeException extends RuntimeException {

  public BodyTooLargeException(long limit) {
    super("a request body may have at most " + limit + " bytes");
  }
}
