package io.findoc.batch.analyzer.fields;

import java.math.BigDecimal;

/**
 * An amount as written in a document.
 *
 * @param value the amount, negative if written so ({@code -1.00}, {@code (1.00)}, {@code 1,00-})
 * @param currency the ISO 4217 code written beside it, or null
 * @param start where it starts in its line, for ordering
 */
public record Money(BigDecimal value, String currency, int start) {

  /** The same amount with the document's currency if none was written beside it. */
  public Money orCurrency(String fallback) {
    return currency != null || fallback == null ? this : new Money(value, fallback, start);
  }
}
