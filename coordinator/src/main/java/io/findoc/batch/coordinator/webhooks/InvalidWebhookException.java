package io.findoc.batch.coordinator.webhooks;

import io.findoc.batch.coordinator.validation.Violation;
import io.findoc.batch.coordinator.validation.ViolationsException;
import java.util.List;

/** A webhook endpoint's settings break one or more rules; nothing was stored or changed. */
public class InvalidWebhookException extends ViolationsException {

  public InvalidWebhookException(List<Violation> violations) {
    super(violations);
  }
}
