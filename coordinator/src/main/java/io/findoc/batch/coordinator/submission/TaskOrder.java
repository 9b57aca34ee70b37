package io.findoc.batch.coordinator.submission;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** In which order a job's tasks that wait for nothing are dispatched. */
public enum TaskOrder {
  /** Oldest first: in the order of the submission's documents. The default. */
  FIFO,
  /** Newest first: the last document first. */
  LIFO;

  @JsonCreator
  public static TaskOrder parse(String text) {
    for (TaskOrder order : values()) {
      if (order.name().equalsIgnoreCase(text)) {
        return order;
      }
    }
    throw new IllegalArgumentException("taskOrder must be fifo or lifo; got '" + text + "'");
  }

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
