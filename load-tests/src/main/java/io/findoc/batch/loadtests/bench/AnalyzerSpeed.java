package io.findoc.batch.loadtests.bench;

import io.findoc.batch.common.message.Document;
import io.findoc.batch.worker.analysis.AnalysisOptions;
import io.findoc.batch.worker.analysis.DocumentAnalyser;
import io.findoc.batch.worker.analysis.corpus.CorpusEntry;
import io.findoc.batch.worker.analysis.corpus.CorpusGenerator;
import io.findoc.batch.worker.analysis.extract.ExtractionLimits;
import io.findoc.batch.worker.analysis.extract.TextExtractor;
import io.findoc.batch.worker.analysis.result.ResultSizeCap;
import io.findoc.batch.worker.analysis.source.DocumentSources;
import io.findoc.batch.worker.analysis.source.SourceLimits;
import io.findoc.batch.worker.execution.TaskContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * The analyser alone, on one thread, against a bare PDFBox text-extraction loop over the same PDFs
 * in the same run: documents per second per core, and their ratio. Usage: {@code AnalyzerSpeed
 * --documents 300 --rounds 5}. The last line is {@code RESULT analyzer ...}.
 */
public final class AnalyzerSpeed {

  private AnalyzerSpeed() {}

  public static void main(String[] args) throws IOException {
    int documents = 300;
    int rounds = 5;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--documents" -> documents = Integer.parseInt(args[i + 1]);
        case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    Path folder = Files.createTempDirectory("findoc-speed");
    List<Path> pdfs =
        CorpusGenerator.generate(folder, documents, 7, CorpusGenerator.Templates.ALL).stream()
            .filter(entry -> entry.format().equals("pdf"))
            .map(CorpusEntry::file)
            .map(folder::resolve)
            .toList();
    DocumentAnalyser analyser =
        new DocumentAnalyser(
            new DocumentSources(
                new SourceLimits(
                    50L << 20,
                    List.of(folder.toRealPath()),
                    List.of(),
                    false,
                    Duration.ofSeconds(5),
                    Duration.ofSeconds(5),
                    0)),
            new TextExtractor(new ExtractionLimits(500, 64L << 20, 5_000_000)),
            new ResultSizeCap(64 << 10));
    AnalysisOptions options = AnalysisOptions.from(Map.of());
    TaskContext running = () -> false;

    TextExtractor extractor = new TextExtractor(new ExtractionLimits(500, 64L << 20, 5_000_000));
    double[] bare = new double[rounds];
    double[] extracted = new double[rounds];
    double[] analysed = new double[rounds];
    // Warm-up: one round of each, not counted.
    bareRound(pdfs);
    analyserRound(pdfs, analyser, options, running);
    for (int r = 0; r < rounds; r++) {
      bare[r] = bareRound(pdfs);
      extracted[r] = extractionRound(pdfs, extractor);
      analysed[r] = analyserRound(pdfs, analyser, options, running);
      System.out.printf(
          "  round %d: bare PDFBox %.0f docs/s, the analyser's bounded extraction %.0f docs/s,"
              + " findoc.analyze %.0f docs/s%n",
          r + 1, bare[r], extracted[r], analysed[r]);
    }
    double bareMedian = median(bare);
    double analysedMedian = median(analysed);
    System.out.printf(
        "RESULT analyzer pdfs=%d rounds=%d bare_pdfbox_docs_per_s_per_core=%.0f"
            + " bounded_extraction_docs_per_s_per_core=%.0f analyze_docs_per_s_per_core=%.0f"
            + " ratio=%.2f%n",
        pdfs.size(),
        rounds,
        bareMedian,
        median(extracted),
        analysedMedian,
        analysedMedian / bareMedian);
  }

  private static double bareRound(List<Path> pdfs) throws IOException {
    long t0 = System.nanoTime();
    long characters = 0;
    for (Path pdf : pdfs) {
      try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
        characters += new PDFTextStripper().getText(document).length();
      }
    }
    if (characters == 0) {
      throw new IllegalStateException("no text extracted");
    }
    return pdfs.size() / ((System.nanoTime() - t0) / 1e9);
  }

  private static double extractionRound(List<Path> pdfs, TextExtractor extractor)
      throws IOException {
    long t0 = System.nanoTime();
    for (Path pdf : pdfs) {
      extractor.extract(Files.readAllBytes(pdf), "application/pdf");
    }
    return pdfs.size() / ((System.nanoTime() - t0) / 1e9);
  }

  private static double analyserRound(
      List<Path> pdfs, DocumentAnalyser analyser, AnalysisOptions options, TaskContext context)
      throws IOException {
    long t0 = System.nanoTime();
    for (Path pdf : pdfs) {
      Document document =
          new Document(pdf.getFileName().toString(), pdf.toUri().toString(), null, null, null);
      if (analyser.analyse(document, options, context).get("type") == null) {
        throw new IllegalStateException("no type for " + pdf);
      }
    }
    return pdfs.size() / ((System.nanoTime() - t0) / 1e9);
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
