package io.findoc.batch.common.message;

/**
 * Why an attempt failed.
 *
 * @param code a stable upper-case code, such as {@code SIMULATED_FAILURE} or {@code
 *     DOC_PATH_NOT_ALLOWED}, for grouping and for retrying by code
 * @param message a human-readable explanation
 * @param retryable whether another attempt may succeed (timeouts, 5xx) or not (bad input)
 */
public record TaskError(String code, String message, boolean retryable) {}
