package io.findoc.batch.loadtests.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import io.findoc.batch.corpus.CorpusEvaluation;
import io.findoc.batch.corpus.FieldScore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The held-out corpus is written as described and scored over every document and field. */
class HeldOutEvaluationTest {

  @Test
  void writesFourLayoutsPerTypeAndScoresEveryStatedField(@TempDir Path dir) throws IOException {
    List<HeldOutEntry> entries = HeldOutCorpus.write(dir, 2, 7);

    assertThat(entries).hasSize(4 * 4 * 2);
    assertThat(entries).allSatisfy(e -> assertThat(dir.resolve(e.file())).isRegularFile());
    assertThat(entries.stream().map(HeldOutEntry::template).distinct()).hasSize(16);
    assertThat(Files.readAllBytes(dir.resolve(entries.get(0).file())))
        .startsWith("%PDF".getBytes());
    // the fifth invoice and the fifth statement do not add up
    assertThat(entries.stream().filter(e -> !e.addsUp()).map(HeldOutEntry::type))
        .containsExactlyInAnyOrder("invoice", "bank_statement");

    HeldOutEvaluation.Report report = HeldOutEvaluation.evaluate(dir);

    assertThat(report.documents()).isEqualTo(32);
    assertThat(report.inconsistent()).isEqualTo(2);
    assertThat(report.fields()).containsKeys("invoiceNumber", "total", "closingBalance");
    FieldScore total = report.fields().get("total");
    long stated = entries.stream().filter(e -> e.fields().containsKey("total")).count();
    assertThat(total.truePositives() + total.falseNegatives()).isEqualTo((int) stated);
  }

  @Test
  void aFieldReportedWhereTheDocumentStatesNoneIsAFalsePositive() {
    Map<String, Object> result =
        Map.of("fields", Map.of("dueDate", "2026-01-02", "total", Map.of("amount", 5)));

    assertThat(CorpusEvaluation.predicted(result, "dueDate")).isEqualTo("2026-01-02");
    assertThat(CorpusEvaluation.predicted(result, "total")).isEqualTo("5.00");
    assertThat(CorpusEvaluation.predicted(result, "subtotal")).isNull();
  }
}
