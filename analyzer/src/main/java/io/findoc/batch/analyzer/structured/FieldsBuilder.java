package io.findoc.batch.analyzer.structured;

import io.findoc.batch.analyzer.fields.DocumentDetails;
import io.findoc.batch.analyzer.fields.DocumentDetails.InvoiceLine;
import io.findoc.batch.analyzer.fields.DocumentDetails.StatementEntry;
import io.findoc.batch.analyzer.fields.DocumentDetails.TaxAmount;
import io.findoc.batch.analyzer.fields.DocumentFields;
import io.findoc.batch.analyzer.fields.Money;
import io.findoc.batch.analyzer.fields.Transaction;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Collects what a structured reader finds, then builds the fields and details from it. */
final class FieldsBuilder {

  LocalDate documentDate;
  LocalDate dueDate;
  LocalDate periodStart;
  LocalDate periodEnd;
  String issuer;
  String counterparty;
  String currency;
  BigDecimal total;
  BigDecimal subtotal;
  BigDecimal tax;
  BigDecimal opening;
  BigDecimal closing;
  String invoiceNumber;
  String issuerVatId;
  String counterpartyVatId;
  String payeeIban;
  String payeeBic;
  String paymentTerms;
  BigDecimal amountDue;
  String account;

  /** Allowances or charges on the document level: the lines then need not sum to the subtotal. */
  boolean adjustedBelowLines;

  final List<TaxAmount> taxes = new ArrayList<>();
  final List<InvoiceLine> items = new ArrayList<>();
  final List<StatementEntry> entries = new ArrayList<>();

  DocumentFields fields() {
    List<Transaction> transactions = new ArrayList<>();
    BigDecimal credits = null;
    BigDecimal debits = null;
    if (!entries.isEmpty()) {
      credits = BigDecimal.ZERO;
      debits = BigDecimal.ZERO;
      int line = 0;
      for (StatementEntry entry : entries) {
        line++;
        transactions.add(new Transaction(entry.date(), entry.amount(), true, line));
        if (entry.amount().signum() < 0) {
          debits = debits.add(entry.amount().negate());
        } else {
          credits = credits.add(entry.amount());
        }
      }
    }
    List<BigDecimal> lineAmounts = new ArrayList<>();
    boolean incomplete = adjustedBelowLines;
    for (InvoiceLine item : items) {
      if (item.amount() == null) {
        incomplete = true;
      } else {
        lineAmounts.add(item.amount());
      }
    }
    return new DocumentFields(
        documentDate,
        dueDate,
        periodStart,
        periodEnd,
        issuer,
        counterparty,
        currency,
        money(total),
        money(subtotal),
        money(tax),
        money(opening),
        money(closing),
        money(credits),
        money(debits),
        lineAmounts,
        incomplete,
        transactions,
        List.of());
  }

  DocumentDetails details() {
    return new DocumentDetails(
        invoiceNumber,
        issuerVatId,
        counterpartyVatId,
        payeeIban,
        payeeBic,
        paymentTerms,
        money(amountDue),
        account,
        List.copyOf(taxes),
        List.copyOf(items),
        List.copyOf(entries),
        null,
        null);
  }

  /**
   * A line's price per unit: {@code price} for {@code basisQuantity} units, divided by it where one
   * other than 1 is given.
   */
  static BigDecimal perUnit(BigDecimal price, BigDecimal basisQuantity) {
    if (price == null
        || basisQuantity == null
        || basisQuantity.signum() == 0
        || basisQuantity.compareTo(BigDecimal.ONE) == 0) {
      return price;
    }
    return price.divide(basisQuantity, java.math.MathContext.DECIMAL64);
  }

  private Money money(BigDecimal value) {
    return value == null ? null : new Money(value, currency, 0);
  }
}
