package io.findoc.batch.analyzer;

import io.findoc.batch.analyzer.checks.ConsistencyChecks;
import io.findoc.batch.analyzer.checks.Finding;
import io.findoc.batch.analyzer.classify.Classification;
import io.findoc.batch.analyzer.classify.DocumentClassifier;
import io.findoc.batch.analyzer.classify.DocumentType;
import io.findoc.batch.analyzer.extract.ContentType;
import io.findoc.batch.analyzer.extract.ExtractedText;
import io.findoc.batch.analyzer.fields.DocumentDetails;
import io.findoc.batch.analyzer.fields.DocumentFields;
import io.findoc.batch.analyzer.fields.FieldExtractor;
import io.findoc.batch.analyzer.fields.ReportFigures;
import io.findoc.batch.analyzer.identifiers.IdentifierScanner;
import io.findoc.batch.analyzer.result.Analysis;
import io.findoc.batch.analyzer.structured.StructuredDocument;
import io.findoc.batch.analyzer.structured.StructuredReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * From extracted text to an {@link Analysis}: structured formats (e-invoice XML, also embedded in a
 * PDF; camt.053; MT940) are read field by field, everything else is classified and read from its
 * visible text; then identifiers are scanned and the figures checked against each other.
 */
public final class TextAnalyser {

  /** The confidence of a type read from a document's shape, not from its words. */
  static final double BY_STRUCTURE = 0.3;

  private final DocumentClassifier classifier = new DocumentClassifier();
  private final FieldExtractor fields = new FieldExtractor();
  private final ConsistencyChecks checks = new ConsistencyChecks();
  private final StructuredReader structuredReader = new StructuredReader();

  public Analysis analyse(ExtractedText text, AnalysisOptions options) {
    IdentifierScanner scanner = new IdentifierScanner(options.maskNumbers());
    List<Finding> notes = new ArrayList<>();
    StructuredDocument structured = null;
    String source = null;
    switch (text.contentType()) {
      case XML -> {
        structured = structuredReader.readXml(text.text());
        source = "xml";
      }
      case MT940 -> {
        if (structuredReader.isMt940(text.text())) {
          structured = structuredReader.readMt940(text.text());
          source = "mt940";
        }
      }
      case PDF -> {
        if (text.embeddedXml() != null) {
          try {
            structured = structuredReader.readXml(text.embeddedXml());
            source = "embedded-xml";
          } catch (AnalysisException e) {
            notes.add(
                new Finding(
                    "EMBEDDED_XML_UNREADABLE",
                    "warning",
                    "the PDF's embedded invoice XML was not read, the visible text was: "
                        + e.getMessage(),
                    Map.of("code", e.code())));
          }
        }
      }
      default -> {}
    }
    FieldSources sources = new FieldSources();
    Classification classification;
    DocumentFields found;
    DocumentDetails details;
    String format = null;
    if (structured == null) {
      classification = classifier.classify(text.text());
      if (classification.type() == DocumentType.OTHER) {
        classification = byStructure(text.text(), classification);
      }
      FieldExtractor.TextFields read = fields.read(text.text(), classification.type());
      found = read.fields();
      details = read.details();
      sources.all(found, FieldSources.TEXT);
      sources.put("invoiceNumber", details.invoiceNumber(), FieldSources.TEXT);
      ReportFigures report = details.report();
      if (report != null) {
        sources.put("fiscalYear", report.fiscalYear(), FieldSources.TEXT);
        sources.put("revenue", report.revenue(), FieldSources.TEXT);
        sources.put("netIncome", report.netIncome(), FieldSources.TEXT);
        sources.put("totalAssets", report.totalAssets(), FieldSources.TEXT);
        sources.put("taxYear", report.taxYear(), FieldSources.TEXT);
        sources.put("wages", report.wages(), FieldSources.TEXT);
        sources.put("taxWithheld", report.taxWithheld(), FieldSources.TEXT);
      }
      if (details.trade() != null) {
        sources.put("trade", details.trade(), FieldSources.TEXT);
      }
    } else {
      format = structured.format();
      classification = new Classification(structured.type(), 1.0, List.of(format));
      DocumentFields visible =
          text.contentType() == ContentType.PDF
              ? fields.extract(text.text(), structured.type())
              : null;
      found = sources.merge(structured.fields(), visible, source);
      details = structured.details().withAccountsMasked(scanner::maskAccount);
      putDetailSources(sources, details, source);
    }
    ConsistencyChecks.Result checked = checks.check(found, details);
    if (!notes.isEmpty()) {
      List<Finding> all = new ArrayList<>(checked.findings());
      all.addAll(notes);
      checked = new ConsistencyChecks.Result(checked.checked(), all);
    }
    return new Analysis(
        text,
        classification,
        found,
        details,
        format,
        sources.asMap(),
        scanner.scan(text.text()),
        checked);
  }

  /**
   * A document no keyword classifies, typed by its shape: a valid security identifier (ISIN, CUSIP)
   * makes a trade confirmation; dated entries between an opening and a closing balance a bank
   * statement; line items (quantity × price = amount) with a total an invoice if it has a number
   * and a due date, else a receipt. The confidence stays low ({@value #BY_STRUCTURE}), the signal
   * names the shape. {@code keywords} is kept if no shape fits.
   */
  private Classification byStructure(String text, Classification keywords) {
    boolean security =
        new IdentifierScanner(false)
            .scan(text).stream()
                .anyMatch(i -> i.valid() && ("ISIN".equals(i.kind()) || "CUSIP".equals(i.kind())));
    if (security) {
      return new Classification(
          DocumentType.TRADE_CONFIRMATION, BY_STRUCTURE, List.of("structure: security identifier"));
    }
    DocumentFields statement = fields.extract(text, DocumentType.BANK_STATEMENT);
    if (statement.transactions().size() >= 2
        && statement.openingBalance() != null
        && statement.closingBalance() != null) {
      return new Classification(
          DocumentType.BANK_STATEMENT,
          BY_STRUCTURE,
          List.of("structure: dated entries between balances"));
    }
    FieldExtractor.TextFields bill = fields.read(text, DocumentType.INVOICE);
    if (!bill.fields().lineItems().isEmpty() && bill.fields().total() != null) {
      boolean invoice = bill.details().invoiceNumber() != null && bill.fields().dueDate() != null;
      return new Classification(
          invoice ? DocumentType.INVOICE : DocumentType.RECEIPT,
          BY_STRUCTURE,
          List.of(
              invoice
                  ? "structure: line items, a number and a due date"
                  : "structure: line items and a total"));
    }
    return keywords;
  }

  private static void putDetailSources(FieldSources sources, DocumentDetails d, String source) {
    sources.put("invoiceNumber", d.invoiceNumber(), source);
    sources.put("issuerVatId", d.issuerVatId(), source);
    sources.put("counterpartyVatId", d.counterpartyVatId(), source);
    sources.put("payeeIban", d.payeeIban(), source);
    sources.put("payeeBic", d.payeeBic(), source);
    sources.put("paymentTerms", d.paymentTerms(), source);
    sources.put("amountDue", d.amountDue(), source);
    sources.put("account", d.account(), source);
    sources.put("taxes", d.taxes().isEmpty() ? null : d.taxes(), source);
    sources.put("items", d.items().isEmpty() ? null : d.items(), source);
    sources.put("entries", d.entries().isEmpty() ? null : d.entries(), source);
  }
}
