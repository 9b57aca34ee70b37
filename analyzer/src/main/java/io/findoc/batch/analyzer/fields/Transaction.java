package io.findoc.batch.analyzer.fields;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A dated line of a statement.
 *
 * @param amount the amount, positive for a credit and negative for a debit
 * @param signKnown whether the sign was written or follows from the running balance, rather than
 *     assumed
 * @param line the line number, from 1
 */
public record Transaction(LocalDate date, BigDecimal amount, boolean signKnown, int line) {}
