package io.findoc.batch.analyzer.fields;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The fields beyond {@link DocumentFields} that structured formats carry (and text labels may): any
 * may be null, the lists empty.
 *
 * @param invoiceNumber the invoice's own number
 * @param issuerVatId the issuer's (seller's) VAT identification number
 * @param counterpartyVatId the buyer's VAT identification number
 * @param payeeIban the account to pay into (masked as the options say)
 * @param payeeBic the payee's bank
 * @param paymentTerms the terms as written
 * @param amountDue what remains to be paid (the total less prepayments)
 * @param account a statement's account (IBAN or account number, masked as the options say)
 * @param taxes the tax per rate
 * @param items the invoice lines
 * @param entries a statement's entries
 * @param report an annual report's or a tax form's key figures, or null
 * @param trade a trade confirmation's figures, or null
 */
public record DocumentDetails(
    String invoiceNumber,
    String issuerVatId,
    String counterpartyVatId,
    String payeeIban,
    String payeeBic,
    String paymentTerms,
    Money amountDue,
    String account,
    List<TaxAmount> taxes,
    List<InvoiceLine> items,
    List<StatementEntry> entries,
    ReportFigures report,
    TradeFigures trade) {

  public static final DocumentDetails NONE =
      new DocumentDetails(
          null, null, null, null, null, null, null, null, List.of(), List.of(), List.of(), null,
          null);

  /** The same details with the invoice number {@code number}. */
  public DocumentDetails withInvoiceNumber(String number) {
    return with(number, payeeIban, account, report, trade);
  }

  /** The same details with the key figures {@code figures}. */
  public DocumentDetails withReport(ReportFigures figures) {
    return with(invoiceNumber, payeeIban, account, figures, trade);
  }

  /** The same details with the trade figures {@code figures}. */
  public DocumentDetails withTrade(TradeFigures figures) {
    return with(invoiceNumber, payeeIban, account, report, figures);
  }

  /**
   * The same details with the payee's IBAN and the statement's account passed through {@code mask}.
   */
  public DocumentDetails withAccountsMasked(UnaryOperator<String> mask) {
    return with(invoiceNumber, mask.apply(payeeIban), mask.apply(account), report, trade);
  }

  private DocumentDetails with(
      String number,
      String payee,
      String statementAccount,
      ReportFigures figures,
      TradeFigures tradeFigures) {
    return new DocumentDetails(
        number,
        issuerVatId,
        counterpartyVatId,
        payee,
        payeeBic,
        paymentTerms,
        amountDue,
        statementAccount,
        taxes,
        items,
        entries,
        figures,
        tradeFigures);
  }

  /**
   * The tax of one rate.
   *
   * @param rate the rate in percent, or null if not given
   * @param base the amount it is levied on, or null
   * @param amount the tax
   */
  public record TaxAmount(BigDecimal rate, BigDecimal base, BigDecimal amount) {}

  /**
   * One invoice line; any part may be null.
   *
   * @param amount the line's net amount
   * @param taxRate the rate in percent
   */
  public record InvoiceLine(
      String description,
      BigDecimal quantity,
      BigDecimal unitPrice,
      BigDecimal amount,
      BigDecimal taxRate) {}

  /**
   * One entry of a statement.
   *
   * @param amount positive for a credit, negative for a debit
   * @param reference the bank's or the end-to-end reference, or null
   * @param counterparty who paid or was paid, or null
   */
  public record StatementEntry(
      LocalDate date, BigDecimal amount, String reference, String counterparty) {

    /** {@code credit} or {@code debit}. */
    public String sign() {
      return amount.signum() < 0 ? "debit" : "credit";
    }
  }
}
