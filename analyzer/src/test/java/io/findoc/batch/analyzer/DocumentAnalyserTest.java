package io.findoc.batch.analyzer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.findoc.batch.analyzer.extract.ExtractionLimits;
import io.findoc.batch.analyzer.extract.TextExtractor;
import io.findoc.batch.analyzer.result.ResultSizeCap;
import io.findoc.batch.analyzer.source.DocumentSources;
import io.findoc.batch.analyzer.source.SourceLimits;
import io.findoc.batch.common.json.Json;
import io.findoc.batch.common.message.Document;
import io.findoc.batch.corpus.PdfPages;
import java.io.IOException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The whole pipeline on inline documents, and the shape of its result. */
class DocumentAnalyserTest {

  private final DocumentAnalyser analyser =
      new DocumentAnalyser(
          new DocumentSources(
              new SourceLimits(
                  100_000,
                  List.of(),
                  List.of(),
                  false,
                  Duration.ofSeconds(1),
                  Duration.ofSeconds(1),
                  3)),
          new TextExtractor(new ExtractionLimits(50, 16L * 1024 * 1024, 1_000_000)),
          new ResultSizeCap(64 * 1024));

  @Test
  void inlinePdfGivesAVersionedResultWithMaskedNumbers() throws IOException {
    byte[] pdf =
        PdfPages.write(
            List.of(
                "RECEIPT",
                "Date: 2024-02-03",
                "1 x Coffee beans   12.50   12.50",
                "TOTAL   €12.50",
                "Card 4111 1111 1111 1111"));
    Document document =
        new Document("r1", null, Base64.getEncoder().encodeToString(pdf), "application/pdf", null);

    Map<String, Object> result = analyser.analyse(document, new AnalysisOptions(true), () -> false);

    assertThat(result)
        .containsEntry("schemaVersion", 2)
        .containsEntry("type", "receipt")
        .containsEntry("truncated", false)
        .containsKeys("confidence", "signals", "fields", "identifiers", "amounts", "findings");
    assertThat(result.get("document").toString()).contains("contentType=pdf", "origin=inline");
    String json = new String(Json.mapper().writeValueAsBytes(result));
    assertThat(json).contains("\"documentDate\":\"2024-02-03\"").contains("************1111");
    assertThat(json).doesNotContain("4111 1111 1111 1111", "4111111111111111");
  }

  @Test
  void inlineDocumentOverTheCapIsTooLarge() {
    Document document = Document.ofText("big", "x".repeat(100_001));

    assertThatThrownBy(() -> analyser.analyse(document, new AnalysisOptions(true), () -> false))
        .isInstanceOfSatisfying(
            AnalysisException.class, e -> assertThat(e.code()).isEqualTo("DOC_TOO_LARGE"));
  }

  @Test
  void unsupportedSchemeAndBadOptionsArePermanentFailures() {
    Document ftp = Document.ofUri("f", "ftp://example.com/x.pdf");

    assertThatThrownBy(() -> analyser.analyse(ftp, new AnalysisOptions(true), () -> false))
        .isInstanceOfSatisfying(
            AnalysisException.class, e -> assertThat(e.code()).isEqualTo("DOC_SCHEME_NOT_ALLOWED"));
    assertThatThrownBy(() -> AnalysisOptions.from(Map.of("maskNumbers", "yes")))
        .isInstanceOfSatisfying(
            AnalysisException.class, e -> assertThat(e.code()).isEqualTo("INVALID_OPTIONS"));
  }
}
