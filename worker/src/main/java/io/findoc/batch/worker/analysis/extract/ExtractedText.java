package io.findoc.batch.worker.analysis.extract;

/**
 * A document's text, ready for analysis.
 *
 * @param contentType the format sniffed from the bytes
 * @param text the visible text, lines separated by {@code \n}; CSV cells separated by {@code " | "}
 * @param pages the number of pages (1 for formats without pages)
 */
public record ExtractedText(ContentType contentType, String text, int pages) {}
