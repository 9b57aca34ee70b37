package io.findoc.batch.analyzer;

import io.findoc.batch.analyzer.extract.ExtractedText;
import io.findoc.batch.analyzer.extract.TextExtractor;
import io.findoc.batch.analyzer.result.ResultDocument;
import io.findoc.batch.analyzer.result.ResultSizeCap;
import io.findoc.batch.analyzer.source.DocumentBytes;
import io.findoc.batch.analyzer.source.DocumentSources;
import io.findoc.batch.common.json.RawJson;
import io.findoc.batch.common.message.Document;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The whole analysis of one document: read it from its source, extract its text, analyse the text
 * and write the size-capped result. Failures are {@link AnalysisError}s. Thread-safe.
 */
public final class DocumentAnalyser {

  private final DocumentSources sources;
  private final TextExtractor extractor;
  private final TextAnalyser analyser = new TextAnalyser();
  private final ResultSizeCap sizeCap;

  public DocumentAnalyser(DocumentSources sources, TextExtractor extractor, ResultSizeCap sizeCap) {
    this.sources = sources;
    this.extractor = extractor;
    this.sizeCap = sizeCap;
  }

  /** The result, as maps and lists. */
  public Map<String, Object> analyse(
      Document document, AnalysisOptions options, Cancellation cancellation) throws IOException {
    return sizeCap.fit(result(document, options, cancellation));
  }

  /** The result written as JSON once, as the status report carries it. */
  public RawJson analyseToJson(
      Document document, AnalysisOptions options, Cancellation cancellation) throws IOException {
    return sizeCap.encode(result(document, options, cancellation));
  }

  private Map<String, Object> result(
      Document document, AnalysisOptions options, Cancellation cancellation) throws IOException {
    DocumentBytes bytes = sources.read(document);
    cancellation.throwIfCancelled();
    ExtractedText text = extractor.extract(bytes.bytes(), bytes.declaredType());
    cancellation.throwIfCancelled();
    Map<String, Object> source = new LinkedHashMap<>();
    source.put("id", document.id());
    source.put("origin", bytes.origin());
    source.put("bytes", bytes.bytes().length);
    return ResultDocument.toMap(analyser.analyse(text, options), source);
  }
}
