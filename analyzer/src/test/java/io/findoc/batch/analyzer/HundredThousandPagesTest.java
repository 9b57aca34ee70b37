package io.findoc.batch.analyzer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.findoc.batch.analyzer.extract.ExtractionLimits;
import io.findoc.batch.analyzer.extract.TextExtractor;
import io.findoc.batch.analyzer.result.ResultSizeCap;
import io.findoc.batch.analyzer.source.DocumentSources;
import io.findoc.batch.analyzer.source.SourceLimits;
import io.findoc.batch.common.message.Document;
import io.findoc.batch.corpus.PdfPages;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile input: a PDF of 100,000 empty pages fails its own analysis with {@code
 * PDF_TOO_MANY_PAGES} from the page count alone (no page is read, nothing is taken from the shared
 * PDF memory), and the same analyser reads an ordinary document right after it.
 */
class HundredThousandPagesTest {

  private static final int PAGES = 100_000;
  private static final long MB = 1024 * 1024;

  @TempDir static Path dir;

  private static Path hugePdf;

  @BeforeAll
  static void writeTheHugePdf() throws IOException {
    hugePdf = dir.resolve("pages.pdf");
    try (PDDocument document = new PDDocument()) {
      for (int i = 0; i < PAGES; i++) {
        document.addPage(new PDPage());
      }
      document.save(hugePdf.toFile());
    }
  }

  private final TextExtractor extractor =
      new TextExtractor(new ExtractionLimits(500, 64 * MB, 5_000_000, 128 * MB));

  private final DocumentAnalyser analyser =
      new DocumentAnalyser(
          new DocumentSources(SourceLimits.filesUnder(dir, 50 * MB)),
          extractor,
          new ResultSizeCap(1024 * 1024));

  @Test
  void aHundredThousandPagesFailTheirOwnDocumentAndTheNextOneIsRead() throws IOException {
    long size = Files.size(hugePdf);
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long allocatedBefore = threads.getCurrentThreadAllocatedBytes();

    assertThatThrownBy(
            () -> analyser.analyse(document("huge", hugePdf), options(), Cancellation.NEVER))
        .isInstanceOfSatisfying(
            AnalysisException.class,
            e -> {
              assertThat(e.error()).isEqualTo(AnalysisError.PDF_TOO_MANY_PAGES);
              assertThat(e.retryable()).isFalse();
            })
        .hasMessageContaining("has " + PAGES + " pages")
        .hasMessageContaining("cap of 500");

    long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
    // The file is read and its object streams parsed (about 90 MB allocated, for a while, by
    // PDFBox for 100,000 objects); no page is read and no stream decoded. Refusing it takes less
    // than a quarter of a worker's default heap (512 MB), and none of the shared PDF memory.
    assertThat(allocated)
        .as("bytes allocated to refuse a %d-byte PDF of %d pages", size, PAGES)
        .isLessThan(128 * MB);
    assertThat(extractor.pdfMemory().reserved()).isZero();

    Path ordinary = dir.resolve("invoice.pdf");
    Files.write(
        ordinary,
        PdfPages.write(
            List.of(
                "INVOICE",
                "Invoice number: INV-2026-0042",
                "Invoice date: 2026-11-20",
                "Subtotal: 100.00 EUR",
                "VAT 19%: 19.00 EUR",
                "Total: 119.00 EUR")));
    Map<String, Object> result =
        analyser.analyse(document("next", ordinary), options(), Cancellation.NEVER);
    assertThat(result).containsEntry("type", "invoice");
    assertThat(extractor.pdfMemory().reserved()).isZero();
  }

  private static Document document(String id, Path file) {
    return Document.ofUri(id, file.toUri().toString());
  }

  private static AnalysisOptions options() {
    return new AnalysisOptions(false);
  }
}
