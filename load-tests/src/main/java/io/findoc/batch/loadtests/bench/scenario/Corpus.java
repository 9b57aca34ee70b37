package io.findoc.batch.loadtests.bench.scenario;

import io.findoc.batch.analyzer.AnalysisOptions;
import io.findoc.batch.analyzer.Cancellation;
import io.findoc.batch.analyzer.DocumentAnalyser;
import io.findoc.batch.analyzer.extract.ExtractionLimits;
import io.findoc.batch.analyzer.extract.TextExtractor;
import io.findoc.batch.analyzer.result.ResultSizeCap;
import io.findoc.batch.analyzer.source.DocumentSources;
import io.findoc.batch.analyzer.source.SourceLimits;
import io.findoc.batch.common.message.Document;
import io.findoc.batch.corpus.CorpusEntry;
import io.findoc.batch.corpus.CorpusGenerator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The generated corpus of the document scenarios (invoices, statements, trade confirmations,
 * receipts, reports; PDF, text and CSV) in a folder the workers may read, and the analyser the
 * worker runs ({@code findoc.analyze}, same limits as {@code AnalyzerSpeed}) for the sequential
 * loop and the peers.
 */
public final class Corpus {

  private final List<String> uris;
  private final DocumentAnalyser analyser;
  private final AnalysisOptions options = AnalysisOptions.from(Map.of());
  private final Cancellation running = () -> false;

  private Corpus(List<String> uris, DocumentAnalyser analyser) {
    this.uris = uris;
    this.analyser = analyser;
  }

  /** Writes {@code count} documents to {@code folder} (seed fixed: the same corpus every run). */
  public static Corpus generate(Path folder, int count) throws IOException {
    List<String> uris =
        CorpusGenerator.generate(folder, count, 2026, CorpusGenerator.Templates.ALL).stream()
            .map(CorpusEntry::file)
            .map(file -> folder.resolve(file).toUri().toString())
            .toList();
    return new Corpus(uris, analyser(folder, extractor()));
  }

  /** The extraction {@code findoc.analyze} runs with the worker's default limits. */
  static TextExtractor extractor() {
    return new TextExtractor(new ExtractionLimits(500, 64L << 20, 5_000_000));
  }

  /**
   * The analyser {@code findoc.analyze} runs, with the worker's default limits, reading files under
   * {@code folder} only.
   */
  static DocumentAnalyser analyser(Path folder, TextExtractor extractor) throws IOException {
    return new DocumentAnalyser(
        new DocumentSources(SourceLimits.filesUnder(folder.toRealPath(), 50L << 20)),
        extractor,
        new ResultSizeCap(64 << 10));
  }

  public List<String> uris() {
    return uris;
  }

  /**
   * Analyses one document as {@code findoc.analyze} does, to the JSON its report carries; fails if
   * it finds no type.
   */
  public void analyse(String uri) {
    Document document = Document.ofUri(uri.substring(uri.lastIndexOf('/') + 1), uri);
    try {
      if (!analyser.analyseToJson(document, options, running).text().contains("\"type\":")) {
        throw new IllegalStateException("no type for " + uri);
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("could not analyse " + uri, e);
    }
  }

  /** Seconds the whole corpus takes analysed one after the other on this thread. */
  public double sequentialSeconds() {
    long t0 = System.nanoTime();
    for (String uri : uris) {
      analyse(uri);
    }
    return (System.nanoTime() - t0) / 1e9;
  }
}
