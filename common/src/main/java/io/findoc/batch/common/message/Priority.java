package io.findoc.batch.common.message;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** A job's priority; each has its own task topic. Spelled in lower case on the wire and API. */
public enum Priority {
  HIGH,
  NORMAL,
  LOW;

  /**
   * Parses {@code high}, {@code normal} or {@code low} (any case).
   *
   * @throws IllegalArgumentException for anything else
   */
  @JsonCreator
  public static Priority parse(String text) {
    if (text != null) {
      for (Priority p : values()) {
        if (p.name().equalsIgnoreCase(text)) {
          return p;
        }
      }
    }
    throw new IllegalArgumentException(
        "priority must be one of high, normal, low; got '" + text + "'");
  }

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
