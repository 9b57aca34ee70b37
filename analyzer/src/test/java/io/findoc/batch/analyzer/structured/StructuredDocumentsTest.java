package io.findoc.batch.analyzer.structured;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.findoc.batch.analyzer.AnalysisException;
import io.findoc.batch.analyzer.AnalysisOptions;
import io.findoc.batch.analyzer.TextAnalyser;
import io.findoc.batch.analyzer.extract.ExtractionLimits;
import io.findoc.batch.analyzer.extract.TextExtractor;
import io.findoc.batch.analyzer.result.ResultDocument;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * E-invoices (CII, UBL, ZUGFeRD PDF) written by Mustang, camt.053 and MT940 statements, read
 * through the whole analysis to the result map.
 */
class StructuredDocumentsTest {

  private final TextExtractor extractor =
      new TextExtractor(new ExtractionLimits(50, 16L * 1024 * 1024, 1_000_000));
  private final TextAnalyser analyser = new TextAnalyser();

  @Test
  void ciiInvoiceGivesEveryEn16931FieldFromTheXml() {
    Map<String, Object> result = analyse(EInvoices.ciiXml(), false);

    assertThat(result).containsEntry("type", "invoice").containsEntry("confidence", 1.0);
    assertThat(document(result)).containsEntry("contentType", "xml").containsEntry("format", "cii");
    assertInvoiceFields(fields(result), true);
    assertThat(sources(result))
        .containsEntry("total", "xml")
        .containsEntry("invoiceNumber", "xml")
        .containsEntry("items", "xml")
        .doesNotContainValue("text");
    assertThat(checks(result)).contains("SUBTOTAL_TAX", "LINE_ITEMS");
    assertThat(findings(result)).isEmpty();
    assertItems(result);
  }

  @Test
  void ublInvoiceConvertedByTheLibraryGivesTheSameFields(@TempDir Path dir) throws IOException {
    Map<String, Object> result = analyse(EInvoices.ublXml(dir), false);

    assertThat(result).containsEntry("type", "invoice");
    assertThat(document(result)).containsEntry("format", "ubl");
    assertInvoiceFields(fields(result), true);
    assertThat(findings(result)).isEmpty();
    assertItems(result);
  }

  @Test
  void payeeIbanIsMaskedByDefault() {
    Map<String, Object> fields = fields(analyse(EInvoices.ciiXml(), true));

    assertThat(fields.get("payeeIban")).isEqualTo("DE88**************5700");
  }

  @Test
  void zugferdPdfIsReadFromItsEmbeddedXmlAndTheTextOnlyFillsGaps() throws IOException {
    byte[] pdf =
        EInvoices.zugferdPdf(
            List.of(
                "INVOICE",
                "Invoice date: 01.02.2020",
                "Service period: 01.11.2026 - 30.11.2026",
                "Total: 999.00 EUR"));

    Map<String, Object> result = analyse(pdf, false);

    assertThat(document(result)).containsEntry("contentType", "pdf").containsEntry("format", "cii");
    Map<String, Object> fields = fields(result);
    assertInvoiceFields(fields, true);
    assertThat(fields).containsEntry("documentDate", "2026-11-20");
    assertThat(fields).containsEntry("periodStart", "2026-11-01");
    assertThat(sources(result))
        .containsEntry("total", "embedded-xml")
        .containsEntry("documentDate", "embedded-xml")
        .containsEntry("periodStart", "text");
  }

  @Test
  void invoiceWhoseTotalsDisagreeIsFlagged() {
    String xml =
        EInvoices.ciiXml()
            .replace("<ram:GrandTotalAmount>142.70<", "<ram:GrandTotalAmount>152.70<");

    Map<String, Object> result = analyse(xml, false);

    assertThat(findingCodes(result)).contains("SUBTOTAL_TAX_MISMATCH");
  }

  @Test
  void camt053GivesAccountPeriodBalancesAndSignedEntries() {
    Map<String, Object> result = analyse(Statements.camt053("1149.50"), false);

    assertThat(result).containsEntry("type", "bank_statement");
    assertThat(document(result)).containsEntry("format", "camt.053");
    assertThat(fields(result)).containsEntry("currency", "EUR");
    assertTheNovemberStatement(result);
    assertThat(entries(result).get(0))
        .containsEntry("reference", "INV-4711")
        .containsEntry("counterparty", "ACME GmbH");
    assertThat(entries(result).get(1))
        .containsEntry("sign", "debit")
        .containsEntry("counterparty", "Stadtwerke");
    assertThat(checks(result)).contains("BALANCE", "DATES_IN_PERIOD");
    assertThat(findings(result)).isEmpty();
    assertThat(sources(result)).containsEntry("entries", "xml");
  }

  /**
   * What the camt.053 and MT940 samples state alike: the account, November, balances from 1000.00
   * to 1149.50, a credit on the 3rd and a debit of 100.50.
   */
  private static void assertTheNovemberStatement(Map<String, Object> result) {
    Map<String, Object> fields = fields(result);
    assertThat(fields)
        .containsEntry("account", "DE89370400440532013000")
        .containsEntry("periodStart", "2026-11-01")
        .containsEntry("periodEnd", "2026-11-30");
    assertThat(amount(fields, "openingBalance")).isEqualByComparingTo("1000.00");
    assertThat(amount(fields, "closingBalance")).isEqualByComparingTo("1149.50");
    assertThat(entries(result)).hasSize(2);
    assertThat(entries(result).get(0))
        .containsEntry("date", "2026-11-03")
        .containsEntry("sign", "credit");
    assertThat((BigDecimal) entries(result).get(1).get("amount")).isEqualByComparingTo("-100.50");
  }

  @Test
  void camt053WhoseBalanceDoesNotAddUpIsFlagged() {
    assertThat(findingCodes(analyse(Statements.camt053("1150.50"), false)))
        .containsExactly("BALANCE_MISMATCH");
  }

  @Test
  void mt940GivesAccountPeriodBalancesAndEntriesWithTheirNames() {
    Map<String, Object> result = analyse(Statements.mt940("C261130EUR1149,50"), false);

    assertThat(result).containsEntry("type", "bank_statement");
    assertThat(document(result))
        .containsEntry("contentType", "mt940")
        .containsEntry("format", "mt940");
    assertTheNovemberStatement(result);
    assertThat(entries(result).get(0))
        .containsEntry("reference", "INV4711")
        .containsEntry("counterparty", "ACME GMBH");
    assertThat(checks(result)).contains("BALANCE");
    assertThat(findings(result)).isEmpty();
    assertThat(sources(result)).containsEntry("closingBalance", "mt940");
  }

  @Test
  void mt940WhoseBalanceDoesNotAddUpIsFlagged() {
    assertThat(findingCodes(analyse(Statements.mt940("C261130EUR1194,50"), false)))
        .containsExactly("BALANCE_MISMATCH");
  }

  @Test
  void mt940WithADebitOpeningBalanceKeepsItsSign() {
    String text =
        Statements.mt940("D261130EUR850,50")
            .replace(":60F:C261101EUR1000,00", ":60F:D261101EUR1000,00");

    Map<String, Object> fields = fields(analyse(text, false));

    assertThat(amount(fields, "openingBalance")).isEqualByComparingTo("-1000.00");
    assertThat(amount(fields, "closingBalance")).isEqualByComparingTo("-850.50");
  }

  @Test
  void anEInvoiceWithoutXmlDeclarationIsKnownByItsRootElement() {
    String xml = EInvoices.ciiXml();
    String withoutDeclaration = xml.substring(xml.indexOf("?>") + 2);

    assertThat(document(analyse(withoutDeclaration, true))).containsEntry("format", "cii");
  }

  @Test
  void aTextThatStartsWithATagIsNotTakenForXml() {
    Map<String, Object> result =
        analyse("<b>INVOICE</b>\nInvoice date: 2026-11-20\nTotal: 10.00 EUR", true);

    assertThat(document(result).get("contentType")).isNotEqualTo("xml");
    assertThat(result).containsEntry("type", "invoice");
  }

  @Test
  void xmlOfAnotherKindIsRefusedWithItsCode() {
    assertThatThrownBy(() -> analyse("<?xml version=\"1.0\"?><rss><channel/></rss>", true))
        .isInstanceOfSatisfying(
            AnalysisException.class, e -> assertThat(e.code()).isEqualTo("DOC_TYPE_UNSUPPORTED"));
  }

  @Test
  void malformedXmlFailsWithItsCode() {
    assertThatThrownBy(() -> analyse("<?xml version=\"1.0\"?><Invoice><ID>1</Invoice>", true))
        .isInstanceOfSatisfying(
            AnalysisException.class, e -> assertThat(e.code()).isEqualTo("STRUCTURED_INVALID"));
  }

  private Map<String, Object> analyse(String text, boolean mask) {
    return analyse(text.getBytes(StandardCharsets.UTF_8), mask);
  }

  private Map<String, Object> analyse(byte[] bytes, boolean mask) {
    return ResultDocument.toMap(
        analyser.analyse(extractor.extract(bytes, null), new AnalysisOptions(mask)), Map.of());
  }

  private static void assertInvoiceFields(Map<String, Object> fields, boolean unmasked) {
    assertThat(fields)
        .containsEntry("invoiceNumber", EInvoices.NUMBER)
        .containsEntry("documentDate", "2026-11-20")
        .containsEntry("dueDate", "2026-12-04")
        .containsEntry("issuer", "Lieferant GmbH")
        .containsEntry("issuerVatId", "DE136695976")
        .containsEntry("counterparty", "Kunde AG")
        .containsEntry("counterpartyVatId", "DE811128135")
        .containsEntry("payeeBic", "COBADEFFXXX")
        .containsEntry("currency", "EUR");
    if (unmasked) {
      assertThat(fields).containsEntry("payeeIban", EInvoices.SELLER_IBAN);
    }
    assertThat((String) fields.get("paymentTerms")).contains("14 Tagen");
    assertThat(amount(fields, "subtotal")).isEqualByComparingTo("130.00");
    assertThat(amount(fields, "tax")).isEqualByComparingTo("12.70");
    assertThat(amount(fields, "total")).isEqualByComparingTo("142.70");
    assertThat(amount(fields, "amountDue")).isEqualByComparingTo("142.70");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> taxes = (List<Map<String, Object>>) fields.get("taxes");
    assertThat(taxes).hasSize(2);
    Map<String, Object> at19 =
        taxes.stream()
            .filter(t -> ((BigDecimal) t.get("rate")).compareTo(new BigDecimal("19")) == 0)
            .findFirst()
            .orElseThrow();
    assertThat((BigDecimal) at19.get("amount")).isEqualByComparingTo("5.70");
    assertThat((BigDecimal) at19.get("base")).isEqualByComparingTo("30.00");
  }

  private static void assertItems(Map<String, Object> result) {
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> items = (List<Map<String, Object>>) result.get("items");
    assertThat(items).hasSize(2);
    assertThat(items.get(0)).containsEntry("description", "Widget");
    assertThat((BigDecimal) items.get(0).get("quantity")).isEqualByComparingTo("3");
    assertThat((BigDecimal) items.get(0).get("unitPrice")).isEqualByComparingTo("10.00");
    assertThat((BigDecimal) items.get(0).get("amount")).isEqualByComparingTo("30.00");
    assertThat((BigDecimal) items.get(0).get("taxRate")).isEqualByComparingTo("19");
    assertThat((BigDecimal) items.get(1).get("amount")).isEqualByComparingTo("100.00");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> document(Map<String, Object> result) {
    return (Map<String, Object>) result.get("document");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> fields(Map<String, Object> result) {
    return (Map<String, Object>) result.get("fields");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> sources(Map<String, Object> result) {
    return (Map<String, Object>) result.get("fieldSources");
  }

  @SuppressWarnings("unchecked")
  static List<String> checks(Map<String, Object> result) {
    return (List<String>) result.get("checks");
  }

  @SuppressWarnings("unchecked")
  static List<Object> findings(Map<String, Object> result) {
    return (List<Object>) result.get("findings");
  }

  @SuppressWarnings("unchecked")
  static List<String> findingCodes(Map<String, Object> result) {
    return findings(result).stream()
        .map(f -> (String) ((Map<String, Object>) f).get("code"))
        .toList();
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> entries(Map<String, Object> result) {
    return (List<Map<String, Object>>) result.get("entries");
  }

  @SuppressWarnings("unchecked")
  static BigDecimal amount(Map<String, Object> fields, String name) {
    return (BigDecimal) ((Map<String, Object>) fields.get(name)).get("amount");
  }
}
