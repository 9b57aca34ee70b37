package io.findoc.batch.common.message;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Whether a worker takes tasks, as its heartbeat says ({@link WorkerHeartbeat#intake()}). */
public enum WorkerIntake {
  /** It takes tasks off its priority topics. */
  TAKING,
  /** An operator drained it: it takes no new task and finishes those it has. */
  DRAINING,
  /** Drained, with nothing left: it has left the task topics' consumer groups. */
  DRAINED;

  @JsonCreator
  public static WorkerIntake parse(String text) {
    for (WorkerIntake intake : values()) {
      if (intake.name().equalsIgnoreCase(text)) {
        return intake;
      }
    }
    throw new IllegalArgumentException(
        "worker intake must be taking, draining or drained; got '" + text + "'");
  }

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
