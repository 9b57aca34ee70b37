package io.findoc.batch.coordinator.submission;

import io.findoc.batch.coordinator.validation.Violation;
import io.findoc.batch.coordinator.validation.ViolationsException;
import java.util.List;

/** A submission that breaks one or more rules; nothing of it was stored. */
public class InvalidSubmissionException extends ViolationsException {

  public InvalidSubmissionException(List<Violation> violations) {
    super(violations);
  }
}
