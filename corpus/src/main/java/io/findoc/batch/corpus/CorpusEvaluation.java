package io.findoc.batch.corpus;

import io.findoc.batch.common.json.Json;
import io.findoc.batch.common.message.Document;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import tools.jackson.core.type.TypeReference;

/**
 * Runs an analyser over a corpus written by {@link CorpusGenerator}, through the same path a task
 * takes (a {@code file://} document, the result map of {@code docs/result-schema.md}), and scores
 * it: classification accuracy and, per field, precision, recall and F1 against the ground truth.
 * The analyser is the caller's (this module knows none): it should not mask numbers, for the
 * comparison.
 */
public final class CorpusEvaluation {

  /** The analysis under evaluation: one document in, its result map out. */
  @FunctionalInterface
  public interface Analyser {

    /**
     * @param document a {@code file://} document in the corpus folder
     * @return the result map; a failure is thrown (a {@link RuntimeException} or an {@link
     *     IOException}) and counted as a mistake
     */
    Map<String, Object> analyse(Document document) throws IOException;
  }

  /**
   * The scores over one corpus.
   *
   * @param checksRun consistency checks run over all documents
   * @param findings findings raised: the generated documents are consistent, so each is a false
   *     alarm
   * @param mistakes the first mismatches, for reading
   */
  public record Report(
      int documents,
      int typesRight,
      Map<String, FieldScore> fields,
      int checksRun,
      int findings,
      List<String> mistakes)
      implements Scoring.Scored {

    public void print(PrintStream out) {
      out.printf(Locale.ROOT, "documents %d, type accuracy %.3f%n", documents, accuracy());
      out.printf(
          Locale.ROOT, "consistency checks run %d, false findings %d%n", checksRun, findings);
      FieldScore.printTable(out, fields.values());
      mistakes.stream().limit(30).forEach(m -> out.println("  " + m));
    }
  }

  private CorpusEvaluation() {}

  public static Report evaluate(Path folder, Analyser analyser) throws IOException {
    Path root = folder.toRealPath();
    List<CorpusEntry> entries =
        Json.mapper()
            .readValue(
                root.resolve(CorpusGenerator.GROUND_TRUTH).toFile(),
                new TypeReference<List<CorpusEntry>>() {});
    Scoring scoring = new Scoring();
    int checksRun = 0;
    int findings = 0;
    for (CorpusEntry entry : entries) {
      String where = entry.file() + " (" + entry.template() + ")";
      Map<String, Object> result;
      try {
        result =
            analyser.analyse(
                Document.ofUri(entry.id(), root.resolve(entry.file()).toUri().toString()));
      } catch (IOException | RuntimeException e) {
        scoring.mistake(entry.file() + ": failed " + e);
        result = Map.of();
      }
      checksRun += ((List<?>) result.getOrDefault("checks", List.of())).size();
      List<?> raised = (List<?>) result.getOrDefault("findings", List.of());
      findings += raised.size();
      raised.forEach(f -> scoring.mistake(where + ": finding " + f));
      scoring.type(where, entry.type(), result);
      for (Map.Entry<String, String> field : entry.fields().entrySet()) {
        scoring.field(where, field.getKey(), field.getValue(), result);
      }
    }
    return new Report(
        entries.size(),
        scoring.typesRight(),
        scoring.fields(),
        checksRun,
        findings,
        scoring.mistakes());
  }

  /**
   * The value a result map gives for a ground-truth field, in the truth's notation: an identifier
   * ({@code iban}, {@code isin}) the first valid one of its type, an amount a plain decimal with
   * two places, anything else as it is; null where the result gives none.
   */
  @SuppressWarnings("unchecked")
  public static String predicted(Map<String, Object> result, String field) {
    if (field.equals("iban") || field.equals("isin")) {
      List<Map<String, Object>> ids =
          (List<Map<String, Object>>) result.getOrDefault("identifiers", List.of());
      return ids.stream()
          .filter(id -> field.equalsIgnoreCase((String) id.get("type")))
          .filter(id -> Boolean.TRUE.equals(id.get("valid")))
          .map(id -> (String) id.get("value"))
          .findFirst()
          .orElse(null);
    }
    Map<String, Object> fields = (Map<String, Object>) result.getOrDefault("fields", Map.of());
    Object value = fields.get(field);
    if (value instanceof Map<?, ?> money) {
      Object amount = money.get("amount");
      return amount == null
          ? null
          : new BigDecimal(amount.toString()).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
    return Objects.toString(value, null);
  }
}
