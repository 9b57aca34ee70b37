package io.findoc.batch.analyzer.structured;

import static io.findoc.batch.analyzer.structured.Xml.attribute;
import static io.findoc.batch.analyzer.structured.Xml.child;
import static io.findoc.batch.analyzer.structured.Xml.children;
import static io.findoc.batch.analyzer.structured.Xml.date;
import static io.findoc.batch.analyzer.structured.Xml.decimal;
import static io.findoc.batch.analyzer.structured.Xml.text;

import io.findoc.batch.analyzer.classify.DocumentType;
import io.findoc.batch.analyzer.fields.DocumentDetails.InvoiceLine;
import io.findoc.batch.analyzer.fields.DocumentDetails.TaxAmount;
import java.math.BigDecimal;
import org.w3c.dom.Element;

/**
 * Reads a UBL 2.1 {@code Invoice} or {@code CreditNote} (EN 16931's UBL syntax, XRechnung UBL,
 * Peppol BIS Billing 3.0).
 */
final class UblInvoiceReader {

  private UblInvoiceReader() {}

  static StructuredDocument read(Element root) {
    boolean creditNote = "CreditNote".equals(root.getLocalName());
    FieldsBuilder b = new FieldsBuilder();
    b.invoiceNumber = text(root, "ID");
    b.documentDate = date(text(root, "IssueDate"));
    b.dueDate = date(text(root, "DueDate"));
    b.currency = text(root, "DocumentCurrencyCode");
    Element seller = child(root, "AccountingSupplierParty", "Party");
    Element buyer = child(root, "AccountingCustomerParty", "Party");
    b.issuer = partyName(seller);
    b.issuerVatId = vatId(seller);
    b.counterparty = partyName(buyer);
    b.counterpartyVatId = vatId(buyer);
    for (Element means : children(root, "PaymentMeans")) {
      Element account = child(means, "PayeeFinancialAccount");
      if (account != null && b.payeeIban == null) {
        b.payeeIban = text(account, "ID");
        b.payeeBic = text(account, "FinancialInstitutionBranch", "ID");
      }
    }
    b.paymentTerms = text(root, "PaymentTerms", "Note");
    BigDecimal taxTotal = null;
    for (Element total : children(root, "TaxTotal")) {
      Element amount = child(total, "TaxAmount");
      if (amount == null) {
        continue;
      }
      String in = attribute(amount, "currencyID");
      if (taxTotal == null || (b.currency != null && b.currency.equals(in))) {
        taxTotal = decimal(amount.getTextContent());
        b.taxes.clear();
        for (Element sub : children(total, "TaxSubtotal")) {
          BigDecimal tax = decimal(sub, "TaxAmount");
          if (tax != null) {
            b.taxes.add(
                new TaxAmount(
                    decimal(sub, "TaxCategory", "Percent"), decimal(sub, "TaxableAmount"), tax));
          }
        }
      }
    }
    b.tax = taxTotal;
    Element sums = child(root, "LegalMonetaryTotal");
    b.subtotal = decimal(sums, "TaxExclusiveAmount");
    b.total = decimal(sums, "TaxInclusiveAmount");
    b.amountDue = decimal(sums, "PayableAmount");
    b.adjustedBelowLines =
        nonZero(decimal(sums, "AllowanceTotalAmount"))
            || nonZero(decimal(sums, "ChargeTotalAmount"));
    String lineName = creditNote ? "CreditNoteLine" : "InvoiceLine";
    String quantityName = creditNote ? "CreditedQuantity" : "InvoicedQuantity";
    for (Element line : children(root, lineName)) {
      b.items.add(
          new InvoiceLine(
              text(line, "Item", "Name"),
              decimal(line, quantityName),
              unitPrice(line),
              decimal(line, "LineExtensionAmount"),
              decimal(line, "Item", "ClassifiedTaxCategory", "Percent")));
    }
    return new StructuredDocument("ubl", DocumentType.INVOICE, b.fields(), b.details());
  }

  private static BigDecimal unitPrice(Element line) {
    Element price = child(line, "Price");
    return FieldsBuilder.perUnit(decimal(price, "PriceAmount"), decimal(price, "BaseQuantity"));
  }

  private static String partyName(Element party) {
    String legal = text(party, "PartyLegalEntity", "RegistrationName");
    return legal != null ? legal : text(party, "PartyName", "Name");
  }

  /** The company id of the VAT scheme, else of the first tax scheme. */
  private static String vatId(Element party) {
    String any = null;
    for (Element scheme : children(party, "PartyTaxScheme")) {
      String id = text(scheme, "CompanyID");
      if (id == null) {
        continue;
      }
      if ("VAT".equalsIgnoreCase(text(scheme, "TaxScheme", "ID"))) {
        return id;
      }
      any = any == null ? id : any;
    }
    return any;
  }

  private static boolean nonZero(BigDecimal value) {
    return value != null && value.signum() != 0;
  }
}
