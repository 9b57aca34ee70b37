package io.findoc.batch.common.json;

/** Bytes on a topic that do not decode into the record the topic carries: a poison message. */
public class UnreadableMessageException extends RuntimeException {

  public UnreadableMessageException(String topic, Class<?> type, Throwable cause) {
    super("a message on " + topic + " is not a readable " + type.getSimpleName(), cause);
  }
}
