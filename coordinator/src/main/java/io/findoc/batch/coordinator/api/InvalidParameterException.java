package io.findoc.batch.coordinator.api;

/** A query parameter or path variable that is not acceptable. */
public class InvalidParameterException extends RuntimeException {

  private final String parameter;

  public InvalidParameterException(String parameter, String message) {
    super(parameter + ": " + message);
    this.parameter = parameter;
  }

  public String parameter() {
    return parameter;
  }
}
