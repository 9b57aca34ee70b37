package io.findoc.batch.coordinator.api;

/** A query parameter or path variable that is not acceptable. */
public class InvalidParameterException extends RuntimeException {

  private final String parameter;
  private final String reason;

  public InvalidParameterException(String parameter, String reason) {
    super(parameter + ": " + reason);
    this.parameter = parameter;
    this.reason = reason;
  }

  public String parameter() {
    return parameter;
  }

  /** What is wrong with it, without its name. */
  public String reason() {
    return reason;
  }
}
