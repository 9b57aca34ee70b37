package io.findoc.batch.analyzer.structured;

import io.findoc.batch.analyzer.AnalysisError;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Reads the structured formats: UN/CEFACT CII and UBL 2.1 e-invoices, ISO 20022 camt.053 and SWIFT
 * MT940 statements. Thread-safe.
 */
public final class StructuredReader {

  /** The XML, which must be one of the supported kinds; others fail with DOC_TYPE_UNSUPPORTED. */
  public StructuredDocument readXml(String xml) {
    Document document = SafeXml.parse(xml);
    Element root = document.getDocumentElement();
    String name = root.getLocalName();
    if ("CrossIndustryInvoice".equals(name)) {
      return CiiInvoiceReader.read(root);
    }
    if ("Invoice".equals(name) || "CreditNote".equals(name)) {
      return UblInvoiceReader.read(root);
    }
    if (Camt053Reader.accepts(root)) {
      return Camt053Reader.read(root);
    }
    throw AnalysisError.DOC_TYPE_UNSUPPORTED.exception(
        "the XML is neither a CII or UBL invoice nor a camt.053 statement (root element "
            + name
            + ")");
  }

  /** Whether {@code text} is an MT940 statement. */
  public boolean isMt940(String text) {
    return Mt940Reader.accepts(text);
  }

  public StructuredDocument readMt940(String text) {
    return Mt940Reader.read(text);
  }
}
