package io.findoc.batch.cli.http;

/** The API could not be reached at all: nothing listens, the name does not resolve, a timeout. */
public class ApiUnreachableException extends RuntimeException {

  public ApiUnreachableException(String message, Throwable cause) {
    super(message, cause);
  }
}
