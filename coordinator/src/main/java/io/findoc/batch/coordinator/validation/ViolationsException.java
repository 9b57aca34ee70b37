package io.findoc.batch.coordinator.validation;

import java.util.List;

/**
 * Input that breaks one or more rules, each a {@link Violation}; the message names the first and
 * counts the others.
 */
public abstract class ViolationsException extends RuntimeException {

  private final transient List<Violation> violations;

  protected ViolationsException(List<Violation> violations) {
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
