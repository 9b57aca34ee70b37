package io.findoc.batch.common.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** A job's identity: a random UUID, assigned by the coordinator when it accepts the job. */
public record JobId(UUID value) {

  public JobId {
    Objects.requireNonNull(value, "value");
  }

  public static JobId random() {
    return new JobId(UUID.randomUUID());
  }

  /**
   * Parses the text form.
   *
   * @throws IllegalArgumentException if {@code text} is not a UUID
   */
  @JsonCreator
  public static JobId parse(String text) {
    try {
      return new JobId(Uuids.parse(text));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException("not a job id: '" + text + "'", e);
    }
  }

  @JsonValue
  @Override
  public String toString() {
    return value.toString();
  }
}
