package io.findoc.batch.coordinator.webhooks;

import io.findoc.batch.coordinator.validation.Violation;
import java.util.List;

/** A webhook endpoint's settings break one or more rules; nothing was stored or changed. */
public class InvalidWebhookException extends RuntimeException {

  private final transient List<Violation> violations;

  public InvalidWebhookException(List<Violation> violations) {
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
