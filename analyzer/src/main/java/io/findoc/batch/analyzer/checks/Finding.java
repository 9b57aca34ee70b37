package io.findoc.batch.analyzer.checks;

import java.util.Map;

/**
 * Something in a document that does not add up.
 *
 * @param code stable, such as {@code SUBTOTAL_TAX_MISMATCH}
 * @param severity {@code error} where figures contradict each other, {@code warning} where they
 *     only may (line items the reader did not all recognise), {@code info} otherwise
 * @param message for people
 * @param figures the numbers or dates compared, by name
 */
public record Finding(String code, String severity, String message, Map<String, Object> figures) {}
