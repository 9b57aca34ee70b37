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
 * Reads a UN/CEFACT Cross Industry Invoice ({@code rsm:CrossIndustryInvoice}, D16B as EN 16931,
 * ZUGFeRD 2.x, Factur-X and XRechnung's CII syntax use it) by the EN 16931 business terms.
 */
final class CiiInvoiceReader {

  private CiiInvoiceReader() {}

  static StructuredDocument read(Element root) {
    FieldsBuilder b = new FieldsBuilder();
    Element document = child(root, "ExchangedDocument");
    b.invoiceNumber = text(document, "ID");
    b.documentDate = date(text(document, "IssueDateTime", "DateTimeString"));
    Element transaction = child(root, "SupplyChainTradeTransaction");
    Element agreement = child(transaction, "ApplicableHeaderTradeAgreement");
    Element seller = child(agreement, "SellerTradeParty");
    Element buyer = child(agreement, "BuyerTradeParty");
    b.issuer = text(seller, "Name");
    b.issuerVatId = vatId(seller);
    b.counterparty = text(buyer, "Name");
    b.counterpartyVatId = vatId(buyer);
    Element settlement = child(transaction, "ApplicableHeaderTradeSettlement");
    b.currency = text(settlement, "InvoiceCurrencyCode");
    for (Element means : children(settlement, "SpecifiedTradeSettlementPaymentMeans")) {
      if (b.payeeIban == null) {
        b.payeeIban = text(means, "PayeePartyCreditorFinancialAccount", "IBANID");
      }
      if (b.payeeBic == null) {
        b.payeeBic = text(means, "PayeeSpecifiedCreditorFinancialInstitution", "BICID");
      }
    }
    for (Element tax : children(settlement, "ApplicableTradeTax")) {
      BigDecimal amount = decimal(tax, "CalculatedAmount");
      if (amount != null) {
        b.taxes.add(
            new TaxAmount(
                decimal(tax, "RateApplicablePercent"), decimal(tax, "BasisAmount"), amount));
      }
    }
    Element terms = child(settlement, "SpecifiedTradePaymentTerms");
    b.paymentTerms = text(terms, "Description");
    b.dueDate = date(text(terms, "DueDateDateTime", "DateTimeString"));
    Element sums = child(settlement, "SpecifiedTradeSettlementHeaderMonetarySummation");
    b.subtotal = decimal(sums, "TaxBasisTotalAmount");
    b.tax = taxTotal(sums, b.currency);
    b.total = decimal(sums, "GrandTotalAmount");
    b.amountDue = decimal(sums, "DuePayableAmount");
    b.adjustedBelowLines =
        nonZero(decimal(sums, "AllowanceTotalAmount"))
            || nonZero(decimal(sums, "ChargeTotalAmount"));
    for (Element line : children(transaction, "IncludedSupplyChainTradeLineItem")) {
      b.items.add(
          new InvoiceLine(
              text(line, "SpecifiedTradeProduct", "Name"),
              decimal(line, "SpecifiedLineTradeDelivery", "BilledQuantity"),
              unitPrice(line),
              decimal(
                  line,
                  "SpecifiedLineTradeSettlement",
                  "SpecifiedTradeSettlementLineMonetarySummation",
                  "LineTotalAmount"),
              decimal(
                  line,
                  "SpecifiedLineTradeSettlement",
                  "ApplicableTradeTax",
                  "RateApplicablePercent")));
    }
    return new StructuredDocument("cii", DocumentType.INVOICE, b.fields(), b.details());
  }

  /** The net price per unit, divided by its basis quantity where one is given. */
  private static BigDecimal unitPrice(Element line) {
    Element price = child(line, "SpecifiedLineTradeAgreement", "NetPriceProductTradePrice");
    return FieldsBuilder.perUnit(decimal(price, "ChargeAmount"), decimal(price, "BasisQuantity"));
  }

  /** The VAT id ({@code schemeID="VA"}), else the first tax registration. */
  private static String vatId(Element party) {
    String any = null;
    for (Element registration : children(party, "SpecifiedTaxRegistration")) {
      Element id = child(registration, "ID");
      if (id == null) {
        continue;
      }
      String value = id.getTextContent().strip();
      if ("VA".equals(attribute(id, "schemeID"))) {
        return value;
      }
      any = any == null ? value : any;
    }
    return any;
  }

  /**
   * The tax total in the invoice currency: there may be a second one in the accounting currency.
   */
  private static BigDecimal taxTotal(Element sums, String currency) {
    BigDecimal first = null;
    for (Element total : children(sums, "TaxTotalAmount")) {
      BigDecimal value = decimal(total.getTextContent());
      String in = attribute(total, "currencyID");
      if (currency != null && currency.equals(in)) {
        return value;
      }
      first = first == null ? value : first;
    }
    return first;
  }

  private static boolean nonZero(BigDecimal value) {
    return value != null && value.signum() != 0;
  }
}
