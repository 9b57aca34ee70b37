package io.findoc.batch.cli.commands;

/** The command line is wrong in a way picocli cannot see: exit 2 with the message. */
public class UsageException extends RuntimeException {

  public UsageException(String message) {
    super(message);
  }
}
