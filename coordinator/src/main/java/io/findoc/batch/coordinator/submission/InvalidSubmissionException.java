package io.findoc.batch.coordinator.submission;

import io.findoc.batch.coordinator.validation.Violation;
import java.util.List;

/** A submission that breaks one or more rules; nothing of it was stored. */
public class InvalidSubmissionException extends RuntimeException {

  private final transient List<Violation> violations;

  public InvalidSubmissionException(List<Violation> violations) {
    super(
        violations.get(0).field()
            + ": "
            + violations.get(0).message()
            + (violations.size() > 1 ? " (and " + (violations.size() - 1) + " more)" : ""));
    this.violations = List.copyOf(violations);
  }

  public List<Violation> violations() {
    return violations;
  }
}
