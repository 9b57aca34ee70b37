package io.findoc.batch.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import io.findoc.batch.analyzer.extract.ExtractionLimits;
import io.findoc.batch.analyzer.extract.TextExtractor;
import io.findoc.batch.analyzer.result.ResultSizeCap;
import io.findoc.batch.analyzer.source.DocumentSources;
import io.findoc.batch.analyzer.source.SourceLimits;
import io.findoc.batch.corpus.CorpusEntry;
import io.findoc.batch.corpus.CorpusEvaluation;
import io.findoc.batch.corpus.CorpusGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The analyser scored on the generated corpus (module corpus), development and held-out templates.
 */
class CorpusEvaluationTest {

  @TempDir Path dir;

  @Test
  void generatorIsDeterministicForASeed() throws IOException {
    List<CorpusEntry> first =
        CorpusGenerator.generate(dir.resolve("a"), 12, 7, CorpusGenerator.Templates.ALL);
    List<CorpusEntry> second =
        CorpusGenerator.generate(dir.resolve("b"), 12, 7, CorpusGenerator.Templates.ALL);

    assertThat(second).isEqualTo(first);
    for (CorpusEntry entry : first) {
      if (!entry.format().equals("pdf")) {
        assertThat(Files.readAllBytes(dir.resolve("b").resolve(entry.file())))
            .isEqualTo(Files.readAllBytes(dir.resolve("a").resolve(entry.file())));
      }
    }
  }

  @ParameterizedTest(name = "{0} templates, seed {1}")
  @CsvSource({"DEVELOPMENT, 11", "HELD_OUT, 23"})
  void templatesAreReadWell(CorpusGenerator.Templates templates, long seed) throws IOException {
    CorpusGenerator.generate(dir, 120, seed, templates);

    CorpusEvaluation.Report report = CorpusEvaluation.evaluate(dir, analyserOf(dir));
    report.print(System.out);

    assertThat(report.accuracy()).isGreaterThanOrEqualTo(0.95);
    assertThat(report.overall().f1()).isGreaterThanOrEqualTo(0.95);
    assertThat(report.findings()).as("findings on consistent documents").isZero();
  }

  /** The analyser as a task runs it, reading the corpus folder's files, numbers not masked. */
  private static CorpusEvaluation.Analyser analyserOf(Path folder) throws IOException {
    DocumentAnalyser analyser =
        new DocumentAnalyser(
            new DocumentSources(SourceLimits.filesUnder(folder.toRealPath(), 50L * 1024 * 1024)),
            new TextExtractor(new ExtractionLimits(500, 64L * 1024 * 1024, 5_000_000)),
            new ResultSizeCap(1024 * 1024));
    return document -> analyser.analyse(document, new AnalysisOptions(false), Cancellation.NEVER);
  }
}
