package io.findoc.batch.analyzer.fields;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What {@link FieldExtractor} read from a document; any field may be null where the document does
 * not label it.
 *
 * @param currency the ISO code most of the document's amounts are in
 * @param lineItems the amounts of lines that read quantity × unit price = amount
 * @param transactions the dated lines of a statement
 * @param amounts every amount in the document, with the line it is on
 */
public record DocumentFields(
    LocalDate documentDate,
    LocalDate dueDate,
    LocalDate periodStart,
    LocalDate periodEnd,
    String issuer,
    String counterparty,
    String currency,
    Money total,
    Money subtotal,
    Money tax,
    Money openingBalance,
    Money closingBalance,
    Money credits,
    Money debits,
    List<BigDecimal> lineItems,
    boolean otherAmountLinesAmongItems,
    List<Transaction> transactions,
    List<LineAmount> amounts) {

  /** An amount and the line it is on (from 1). */
  public record LineAmount(Money money, int line) {}
}
