package io.findoc.batch.analyzer.structured;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.mustangproject.BankDetails;
import org.mustangproject.CII.CIIToUBL;
import org.mustangproject.Invoice;
import org.mustangproject.Item;
import org.mustangproject.Product;
import org.mustangproject.TradeParty;
import org.mustangproject.ZUGFeRD.Profiles;
import org.mustangproject.ZUGFeRD.ZUGFeRD2PullProvider;
import org.mustangproject.ZUGFeRD.ZUGFeRDExporterFromA1;
import org.mustangproject.ZUGFeRD.ZUGFeRDExporterFromA3;

/**
 * E-invoices written by Mustang, the ZUGFeRD / Factur-X library: one EN 16931 invoice as CII XML,
 * as UBL (Mustang's CII-to-UBL conversion) and embedded in a PDF whose visible text differs.
 *
 * <p>The invoice: 3 × widget at 10.00 (19 %) and 2 hours of service at 50.00 (7 %): net 130.00, tax
 * 5.70 + 7.00 = 12.70, total 142.70 EUR.
 */
final class EInvoices {

  static final String NUMBER = "RE-2026-0042";
  static final LocalDate ISSUED = LocalDate.of(2026, 11, 20);
  static final LocalDate DUE = LocalDate.of(2026, 12, 4);
  static final String SELLER_IBAN = "DE88200800000970375700";

  private EInvoices() {}

  static Invoice invoice() {
    return new Invoice()
        .setNumber(NUMBER)
        .setIssueDate(date(ISSUED))
        .setDeliveryDate(date(ISSUED))
        .setDueDate(date(DUE))
        .setCurrency("EUR")
        .setPaymentTermDescription("Zahlbar innerhalb von 14 Tagen ohne Abzug")
        .setSender(
            new TradeParty("Lieferant GmbH", "Lieferstraße 1", "10115", "Berlin", "DE")
                .addVATID("DE136695976")
                .addBankDetails(new BankDetails(SELLER_IBAN, "COBADEFFXXX")))
        .setRecipient(
            new TradeParty("Kunde AG", "Kundenweg 2", "20095", "Hamburg", "DE")
                .addVATID("DE811128135"))
        .addItem(
            new Item(
                new Product("Widget", "", "C62", new BigDecimal("19")),
                new BigDecimal("10.00"),
                new BigDecimal("3")))
        .addItem(
            new Item(
                new Product("Service hour", "", "HUR", new BigDecimal("7")),
                new BigDecimal("50.00"),
                new BigDecimal("2")));
  }

  /** The invoice as EN 16931 CII XML. */
  static String ciiXml() {
    ZUGFeRD2PullProvider provider = new ZUGFeRD2PullProvider();
    provider.setProfile(Profiles.getByName("EN16931"));
    provider.generateXML(invoice());
    return new String(provider.getXML(), StandardCharsets.UTF_8);
  }

  /** The invoice as UBL 2.1, converted from its CII by Mustang. */
  static String ublXml(Path dir) throws IOException {
    Path cii = dir.resolve("invoice-cii.xml");
    Path ubl = dir.resolve("invoice-ubl.xml");
    Files.writeString(cii, ciiXml());
    new CIIToUBL().convert(cii.toFile(), ubl.toFile());
    return Files.readString(ubl);
  }

  /** A ZUGFeRD PDF: the invoice as factur-x.xml, the visible {@code lines} as its text. */
  static byte[] zugferdPdf(List<String> lines) throws IOException {
    return zugferdPdf(lines, exporter -> exporter.setTransaction(invoice()));
  }

  /** A ZUGFeRD PDF carrying {@code xml} as its factur-x.xml, whatever that is. */
  static byte[] zugferdPdfWithXml(List<String> lines, byte[] xml) throws IOException {
    return zugferdPdf(lines, exporter -> exporter.setXML(xml));
  }

  /** What a test gives the exporter to embed: an invoice to write, or the XML itself. */
  private interface Embedding {
    void into(ZUGFeRDExporterFromA3 exporter) throws IOException;
  }

  private static byte[] zugferdPdf(List<String> lines, Embedding embedding) throws IOException {
    try (ZUGFeRDExporterFromA3 exporter =
        new ZUGFeRDExporterFromA1()
            .ignorePDFAErrors()
            .load(visiblePdf(lines))
            .setProducer("findoc tests")
            .setCreator("findoc tests")
            .setProfile("EN16931")) {
      embedding.into(exporter);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      exporter.export(out);
      return out.toByteArray();
    }
  }

  /** A one-page PDF with {@code lines} in Helvetica. */
  static byte[] visiblePdf(List<String> lines) throws IOException {
    try (PDDocument document = new PDDocument()) {
      PDPage page = new PDPage();
      document.addPage(page);
      try (PDPageContentStream content = new PDPageContentStream(document, page)) {
        content.beginText();
        content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
        content.newLineAtOffset(60, 720);
        for (String line : lines) {
          content.showText(line);
          content.newLineAtOffset(0, -16);
        }
        content.endText();
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    }
  }

  private static Date date(LocalDate day) {
    return Date.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
  }
}
