package io.findoc.batch.coordinator.api;

/** No job with this id exists for the requesting tenant (another tenant's job included). */
public class JobNotFoundException extends RuntimeException {

  public JobNotFoundException(Object id) {
    super("no job " + id);
  }
}
