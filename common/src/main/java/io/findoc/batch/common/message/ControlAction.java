package io.findoc.batch.common.message;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a {@link ControlMessage} tells the workers about a job. */
public enum ControlAction {
  /** Start no attempt of the job: report each one taken as {@code DEFERRED} instead. */
  PAUSE,
  /**
   * Start no attempt of the job and stop the running ones (the processor sees the cancellation);
   * report each as {@code CANCELLED}.
   */
  CANCEL;

  @JsonCreator
  public static ControlAction parse(String text) {
    for (ControlAction action : values()) {
      if (action.name().equalsIgnoreCase(text)) {
        return action;
      }
    }
    throw new IllegalArgumentException(
        "control action must be pause or cancel; got '" + text + "'");
  }

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
