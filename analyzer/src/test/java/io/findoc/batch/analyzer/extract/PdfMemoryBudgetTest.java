package io.findoc.batch.analyzer.extract;

import static io.findoc.batch.analyzer.extract.TextExtractorTest.assertCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.findoc.batch.analyzer.AnalysisException;
import io.findoc.batch.corpus.PdfPages;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class PdfMemoryBudgetTest {

  private static final long MB = 1024 * 1024;

  @Test
  void aStreamThatInflatesPastTheCapFailsBeforeItIsDecoded() throws Exception {
    TextExtractor extractor = new TextExtractor(new ExtractionLimits(20, 4 * MB, 200_000, 8 * MB));
    byte[] bomb = TextExtractorTest.bomb(32 * MB);

    assertThatThrownBy(() -> extractor.extract(bomb, null))
        .satisfies(e -> assertCode(e, "PDF_TOO_LARGE"))
        .hasMessageContaining("inflates to more than " + 4 * MB);
    assertThat(extractor.pdfMemory().reserved()).isZero();
  }

  @Test
  void aParseFailsFastAndRetryablyWhenOthersHoldTheSharedMemory() {
    TextExtractor extractor = new TextExtractor(new ExtractionLimits(20, 4 * MB, 200_000, 8 * MB));
    byte[] pdf = PdfPages.write(List.of("INVOICE", "Total: 12,50"));
    PdfMemoryBudget budget = extractor.pdfMemory();
    budget.reserve(budget.capacity()); // what other threads' parses hold

    assertThatThrownBy(() -> extractor.extract(pdf, null))
        .satisfies(e -> assertCode(e, "PDF_MEMORY_BUSY"))
        .satisfies(e -> assertThat(((AnalysisException) e).retryable()).isTrue());

    budget.release(budget.capacity());
    assertThat(extractor.extract(pdf, null).text()).contains("INVOICE");
    assertThat(budget.reserved()).isZero();
  }

  @Test
  void aBombOnOneThreadFailsOnlyItsOwnDocument() throws Exception {
    TextExtractor extractor = new TextExtractor(new ExtractionLimits(20, 4 * MB, 200_000, 8 * MB));
    byte[] bomb = TextExtractorTest.bomb(32 * MB);
    byte[] pdf = PdfPages.write(List.of("STATEMENT", "Balance: 1.234,56"));
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> normal = new ArrayList<>();
      List<Future<String>> bombs = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        bombs.add(threads.submit(() -> extractor.extract(bomb, null).text()));
        normal.add(threads.submit(() -> extractor.extract(pdf, null).text()));
      }
      for (Future<String> text : normal) {
        assertThat(text.get()).contains("STATEMENT");
      }
      for (Future<String> failed : bombs) {
        assertThatThrownBy(failed::get).cause().satisfies(e -> assertCode(e, "PDF_TOO_LARGE"));
      }
    } finally {
      threads.shutdownNow();
    }
    assertThat(extractor.pdfMemory().reserved()).isZero();
  }

  @Test
  void theSharedBudgetMayNotBeSmallerThanOneDocumentsCap() {
    assertThatThrownBy(() -> new ExtractionLimits(20, 8 * MB, 200_000, 4 * MB))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
