package io.findoc.batch.analyzer.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

  @Test
  void developmentTemplatesAreReadWell() throws IOException {
    CorpusGenerator.generate(dir, 120, 11, CorpusGenerator.Templates.DEVELOPMENT);

    CorpusEvaluation.Report report = CorpusEvaluation.evaluate(dir);
    report.print(System.out);

    assertThat(report.accuracy()).isGreaterThanOrEqualTo(0.95);
    assertThat(report.overall().f1()).isGreaterThanOrEqualTo(0.95);
    assertThat(report.findings()).as("findings on consistent documents").isZero();
  }

  @Test
  void heldOutTemplatesAreReadWell() throws IOException {
    CorpusGenerator.generate(dir, 120, 23, CorpusGenerator.Templates.HELD_OUT);

    CorpusEvaluation.Report report = CorpusEvaluation.evaluate(dir);
    report.print(System.out);

    assertThat(report.accuracy()).isGreaterThanOrEqualTo(0.95);
    assertThat(report.overall().f1()).isGreaterThanOrEqualTo(0.95);
    assertThat(report.findings()).as("findings on consistent documents").isZero();
  }
}
