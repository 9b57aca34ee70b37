package io.findoc.batch.analyzer.fields;

/** What a label in a document announces. */
enum Field {
  DOCUMENT_DATE,
  DUE_DATE,
  PERIOD,
  ISSUER,
  COUNTERPARTY,
  TOTAL,
  SUBTOTAL,
  /** "Net amount": the total of a trade confirmation, the amount before tax elsewhere. */
  NET_AMOUNT,
  TAX,
  OPENING_BALANCE,
  CLOSING_BALANCE,
  CREDITS,
  DEBITS,
  /**
   * A bare "Amount", "Betrag", "Montant": the total of an invoice or receipt that labels nothing
   * else as one; never overrides a total.
   */
  AMOUNT,
  /** "Invoice No.", "Rechnungsnummer": the token after it is the invoice's number. */
  INVOICE_NUMBER,
  /** Labels that look like one of the above but are not ("VAT number", "tax year"). */
  NOT_A_FIELD
}
