package io.findoc.batch.coordinator.api;

/** What the request names does not exist (or is not the caller's to see). */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String message) {
    super(message);
  }
}
