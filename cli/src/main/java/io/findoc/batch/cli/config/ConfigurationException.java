package io.findoc.batch.cli.config;

/** The configuration cannot be used: an unreadable config or key file, a malformed URL. */
public class ConfigurationException extends RuntimeException {

  public ConfigurationException(String message) {
    super(message);
  }

  public ConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }
}
