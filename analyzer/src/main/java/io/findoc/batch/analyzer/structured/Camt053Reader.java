package io.findoc.batch.analyzer.structured;

import static io.findoc.batch.analyzer.structured.Xml.attribute;
import static io.findoc.batch.analyzer.structured.Xml.child;
import static io.findoc.batch.analyzer.structured.Xml.children;
import static io.findoc.batch.analyzer.structured.Xml.date;
import static io.findoc.batch.analyzer.structured.Xml.decimal;
import static io.findoc.batch.analyzer.structured.Xml.text;

import io.findoc.batch.analyzer.classify.DocumentType;
import io.findoc.batch.analyzer.fields.DocumentDetails.StatementEntry;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.w3c.dom.Element;

/**
 * Reads an ISO 20022 camt.053 bank-to-customer statement, any version (001.02 to 001.13 name the
 * elements read here alike): the first statement's account, period, opening ({@code OPBD}, else
 * {@code PRCD}) and closing ({@code CLBD}) booked balances, and each entry with its date, signed
 * amount, reference and counterparty.
 */
final class Camt053Reader {

  private Camt053Reader() {}

  /** Whether {@code root} is a camt.053 {@code Document}. */
  static boolean accepts(Element root) {
    return "Document".equals(root.getLocalName()) && child(root, "BkToCstmrStmt") != null;
  }

  static StructuredDocument read(Element root) {
    FieldsBuilder b = new FieldsBuilder();
    Element statement = child(root, "BkToCstmrStmt", "Stmt");
    Element account = child(statement, "Acct");
    b.account = text(account, "Id", "IBAN");
    if (b.account == null) {
      b.account = text(account, "Id", "Othr", "Id");
    }
    b.currency = text(account, "Ccy");
    b.issuer = text(account, "Svcr", "FinInstnId", "Nm");
    b.counterparty = text(account, "Ownr", "Nm");
    b.documentDate = date(text(statement, "CreDtTm"));
    b.periodStart = date(text(statement, "FrToDt", "FrDtTm"));
    b.periodEnd = date(text(statement, "FrToDt", "ToDtTm"));
    LocalDate openingDate = null;
    LocalDate closingDate = null;
    for (Element balance : children(statement, "Bal")) {
      String code = text(balance, "Tp", "CdOrPrtry", "Cd");
      BigDecimal amount = signed(balance);
      LocalDate on = balanceDate(balance);
      if ("OPBD".equals(code) || ("PRCD".equals(code) && b.opening == null)) {
        b.opening = amount;
        openingDate = on;
      } else if ("CLBD".equals(code)) {
        b.closing = amount;
        closingDate = on;
      }
      if (b.currency == null) {
        b.currency = attribute(child(balance, "Amt"), "Ccy");
      }
    }
    if (b.periodStart == null) {
      b.periodStart = openingDate;
      b.periodEnd = closingDate;
    }
    for (Element entry : children(statement, "Ntry")) {
      BigDecimal amount = signed(entry);
      if (amount == null) {
        continue;
      }
      LocalDate booked = date(text(entry, "BookgDt", "Dt"));
      if (booked == null) {
        booked = date(text(entry, "BookgDt", "DtTm"));
      }
      if (booked == null) {
        booked = date(text(entry, "ValDt", "Dt"));
      }
      Element details = child(entry, "NtryDtls", "TxDtls");
      b.entries.add(
          new StatementEntry(
              booked, amount, reference(entry, details), counterparty(details, amount)));
    }
    return new StructuredDocument("camt.053", DocumentType.BANK_STATEMENT, b.fields(), b.details());
  }

  /** The amount, negative when {@code CdtDbtInd} says {@code DBIT}. */
  private static BigDecimal signed(Element element) {
    BigDecimal amount = decimal(element, "Amt");
    if (amount == null) {
      return null;
    }
    return "DBIT".equals(text(element, "CdtDbtInd")) ? amount.negate() : amount;
  }

  private static LocalDate balanceDate(Element balance) {
    LocalDate on = date(text(balance, "Dt", "Dt"));
    return on != null ? on : date(text(balance, "Dt", "DtTm"));
  }

  private static String reference(Element entry, Element details) {
    String ref = text(details, "Refs", "EndToEndId");
    if (ref != null && !"NOTPROVIDED".equals(ref)) {
      return ref;
    }
    ref = text(entry, "AcctSvcrRef");
    return ref != null ? ref : text(entry, "NtryRef");
  }

  /** The other side: the creditor of a debit, the debtor of a credit (with or without Pty). */
  private static String counterparty(Element details, BigDecimal amount) {
    String role = amount.signum() < 0 ? "Cdtr" : "Dbtr";
    Element parties = child(details, "RltdPties");
    String name = text(parties, role, "Nm");
    return name != null ? name : text(parties, role, "Pty", "Nm");
  }
}
