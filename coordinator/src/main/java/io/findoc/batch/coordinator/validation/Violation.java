package io.findoc.batch.coordinator.validation;

/**
 * One thing wrong with a request.
 *
 * @param field where, as a JSON path such as {@code documents[3].uri}
 * @param message what is wrong, for a human
 */
public record Violation(String field, String message) {}
