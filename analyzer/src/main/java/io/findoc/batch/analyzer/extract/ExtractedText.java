package io.findoc.batch.analyzer.extract;

/**
 * A document's text, ready for analysis.
 *
 * @param contentType the format sniffed from the bytes
 * @param text the visible text, lines separated by {@code \n}; CSV cells separated by {@code " |
 *     "}; the XML itself for XML
 * @param pages the number of pages (1 for formats without pages)
 * @param embeddedXml the e-invoice XML a PDF carries as an attachment (ZUGFeRD, Factur-X,
 *     XRechnung), or null
 */
public record ExtractedText(ContentType contentType, String text, int pages, String embeddedXml) {

  public ExtractedText(ContentType contentType, String text, int pages) {
    this(contentType, text, pages, null);
  }
}
