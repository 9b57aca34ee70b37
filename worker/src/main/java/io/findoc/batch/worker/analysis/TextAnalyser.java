package io.findoc.batch.worker.analysis;

import io.findoc.batch.worker.analysis.checks.ConsistencyChecks;
import io.findoc.batch.worker.analysis.classify.Classification;
import io.findoc.batch.worker.analysis.classify.DocumentClassifier;
import io.findoc.batch.worker.analysis.extract.ExtractedText;
import io.findoc.batch.worker.analysis.fields.DocumentFields;
import io.findoc.batch.worker.analysis.fields.FieldExtractor;
import io.findoc.batch.worker.analysis.identifiers.IdentifierScanner;
import io.findoc.batch.worker.analysis.result.Analysis;

/** From extracted text to an {@link Analysis}: classify, read fields and identifiers, check. */
public final class TextAnalyser {

  private final DocumentClassifier classifier = new DocumentClassifier();
  private final FieldExtractor fields = new FieldExtractor();
  private final ConsistencyChecks checks = new ConsistencyChecks();

  public Analysis analyse(ExtractedText text, AnalysisOptions options) {
    Classification classification = classifier.classify(text.text());
    DocumentFields found = fields.extract(text.text(), classification.type());
    return new Analysis(
        text,
        classification,
        found,
        new IdentifierScanner(options.maskNumbers()).scan(text.text()),
        checks.check(found));
  }
}
