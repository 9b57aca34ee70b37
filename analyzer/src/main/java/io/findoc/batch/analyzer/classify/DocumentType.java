package io.findoc.batch.analyzer.classify;

import java.util.Locale;

/** The kinds of financial document the analyser tells apart. */
public enum DocumentType {
  INVOICE,
  BANK_STATEMENT,
  TRADE_CONFIRMATION,
  ANNUAL_REPORT,
  RECEIPT,
  TAX_FORM,
  /** None of the above scored enough to be called one. */
  OTHER;

  /** The name in results: {@code invoice}, {@code bank_statement}, ... */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
