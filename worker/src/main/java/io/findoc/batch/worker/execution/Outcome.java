package io.findoc.batch.worker.execution;

import io.findoc.batch.common.message.TaskError;
import java.util.Map;

/** How one attempt ended; each maps to one status report. */
public sealed interface Outcome
    permits Outcome.Succeeded, Outcome.RetryableFailure, Outcome.PermanentFailure {

  /** The processor's result, a JSON-able map. */
  record Succeeded(Map<String, Object> result) implements Outcome {}

  /** Another attempt may succeed (timeouts, unavailable services). */
  record RetryableFailure(String code, String message) implements Outcome {}

  /** No attempt will succeed (bad input, unsupported document). */
  record PermanentFailure(String code, String message) implements Outcome {}

  static Outcome succeeded(Map<String, Object> result) {
    return new Succeeded(result == null ? Map.of() : result);
  }

  /** The error to report, or null on success. */
  default TaskError error() {
    if (this instanceof RetryableFailure f) {
      return new TaskError(f.code(), f.message(), true);
    }
    if (this instanceof PermanentFailure f) {
      return new TaskError(f.code(), f.message(), false);
    }
    return null;
  }
}
