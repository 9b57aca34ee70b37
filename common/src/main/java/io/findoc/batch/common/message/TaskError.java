package io.findoc.batch.common.message;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Why an attempt failed.
 *
 * @param code a stable upper-case code, such as {@code SIMULATED_FAILURE} or {@code
 *     DOC_PATH_NOT_ALLOWED}, for grouping and for retrying by code
 * @param message a human-readable explanation
 * @param retryable whether another attempt may succeed (timeouts, 5xx) or not (bad input)
 * @param trace the stack trace of the exception behind the failure, trimmed to {@link
 *     #MAX_TRACE_CHARS} (see {@link StackTraces}); null when there was none, such as a processor's
 *     own error code
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TaskError(String code, String message, boolean retryable, String trace) {

  /** The longest trace a report carries. */
  public static final int MAX_TRACE_CHARS = 4000;

  public TaskError(String code, String message, boolean retryable) {
    this(code, message, retryable, null);
  }
}
