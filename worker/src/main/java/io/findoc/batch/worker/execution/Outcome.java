package io.findoc.batch.worker.execution;

import io.findoc.batch.common.json.RawJson;
import io.findoc.batch.common.message.TaskError;
import java.util.Map;

/** How one attempt ended; each maps to one status report. */
public sealed interface Outcome
    permits Outcome.Succeeded, Outcome.RetryableFailure, Outcome.PermanentFailure {

  /** The processor's result, a JSON object written once, as the report carries it. */
  record Succeeded(RawJson result) implements Outcome {}

  /**
   * Another attempt may succeed (timeouts, unavailable services); {@code trace} is the trimmed
   * stack trace of the exception behind it, if any.
   */
  record RetryableFailure(String code, String message, String trace) implements Outcome {
    public RetryableFailure(String code, String message) {
      this(code, message, null);
    }
  }

  /** No attempt will succeed (bad input, unsupported document); {@code trace} as above. */
  record PermanentFailure(String code, String message, String trace) implements Outcome {
    public PermanentFailure(String code, String message) {
      this(code, message, null);
    }
  }

  static Outcome succeeded(Map<String, Object> result) {
    return new Succeeded(RawJson.of(result == null ? Map.of() : result));
  }

  static Outcome succeeded(RawJson result) {
    return new Succeeded(result);
  }

  /** The error to report, or null on success. */
  default TaskError error() {
    if (this instanceof RetryableFailure f) {
      return new TaskError(f.code(), f.message(), true, f.trace());
    }
    if (this instanceof PermanentFailure f) {
      return new TaskError(f.code(), f.message(), false, f.trace());
    }
    return null;
  }
}
