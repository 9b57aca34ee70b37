/**
 * Consistency checks over a document's figures (line items against the total, subtotal plus tax,
 * the balance arithmetic of a statement, dates inside its period); each failure is a {@link
 * Finding}.
 */
package io.findoc.batch.analyzer.checks;
