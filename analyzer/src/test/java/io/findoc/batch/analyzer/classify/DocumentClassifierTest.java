package io.findoc.batch.analyzer.classify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DocumentClassifierTest {

  private final DocumentClassifier classifier = new DocumentClassifier();

  @Test
  void europeanTitlesDecideWithTheirSignals() {
    assertThat(classifier.classify("Kontoauszug\nAnfangssaldo 100,00\nEndsaldo 90,00").type())
        .isEqualTo(DocumentType.BANK_STATEMENT);
    assertThat(classifier.classify("Avis d'opéré\nDate de négociation : 02/05/2024").type())
        .isEqualTo(DocumentType.TRADE_CONFIRMATION);
    assertThat(classifier.classify("Jaarverslag 2023\nOmzet\nAandeelhouders").type())
        .isEqualTo(DocumentType.ANNUAL_REPORT);
    assertThat(classifier.classify("Kassabon\nTotaal 12,00\nPin").type())
        .isEqualTo(DocumentType.RECEIPT);
    assertThat(classifier.classify("Form 1099-DIV\nTax year 2023\nPayer's TIN").type())
        .isEqualTo(DocumentType.TAX_FORM);

    Classification invoice = classifier.classify("Rechnung\nRechnungsnummer: 17\nZahlungsziel");
    assertThat(invoice.type()).isEqualTo(DocumentType.INVOICE);
    assertThat(invoice.signals()).startsWith("rechnung").contains("rechnungsnummer");
  }

  @Test
  void clearDocumentIsMoreConfidentThanAnAmbiguousOne() {
    double clear =
        classifier
            .classify("INVOICE\nInvoice number 1\nInvoice date\nBill to: X\nDue date")
            .confidence();
    double mixed = classifier.classify("invoice\nreceipt\ncash").confidence();

    assertThat(clear).isGreaterThan(mixed).isLessThanOrEqualTo(1);
    assertThat(mixed).isGreaterThanOrEqualTo(0);
  }
}
