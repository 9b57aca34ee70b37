package io.findoc.batch.loadtests.evaluate;

import io.findoc.batch.analyzer.AnalysisException;
import io.findoc.batch.analyzer.AnalysisOptions;
import io.findoc.batch.analyzer.DocumentAnalyser;
import io.findoc.batch.analyzer.extract.ExtractionLimits;
import io.findoc.batch.analyzer.extract.TextExtractor;
import io.findoc.batch.analyzer.result.ResultSizeCap;
import io.findoc.batch.analyzer.source.DocumentSources;
import io.findoc.batch.analyzer.source.SourceLimits;
import io.findoc.batch.common.json.Json;
import io.findoc.batch.common.message.Document;
import io.findoc.batch.corpus.FieldScore;
import io.findoc.batch.corpus.Scoring;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.core.type.TypeReference;

/**
 * Scores {@code findoc.analyze} on a corpus through the path a task takes (a {@code file://}
 * document, the result map, numbers unmasked): type accuracy; per field precision, recall and F1,
 * over every field any document of the corpus states, so a field reported where the document states
 * none counts as a false positive; and the consistency findings: a document whose figures do not
 * add up should raise an error finding, one whose figures do should raise none.
 */
public final class HeldOutEvaluation {

  /** The figures over one corpus. */
  public record Report(
      int documents,
      int typesRight,
      Map<String, FieldScore> fields,
      int inconsistent,
      int flagged,
      int falseAlarms,
      int warnings,
      List<String> mistakes)
      implements Scoring.Scored {

    public void print(PrintStream out, int mistakesShown) {
      out.printf(Locale.ROOT, "documents %d, type accuracy %.3f%n", documents, accuracy());
      out.printf(
          Locale.ROOT,
          "figures that do not add up: %d, flagged %d; false alarms %d (error findings on"
              + " consistent documents); warnings %d%n",
          inconsistent,
          flagged,
          falseAlarms,
          warnings);
      FieldScore.printTable(out, fields.values());
      if (!mistakes.isEmpty()) {
        out.println("mistakes (" + mistakes.size() + ", first " + mistakesShown + "):");
        mistakes.stream().limit(mistakesShown).forEach(m -> out.println("  " + m));
      }
    }
  }

  private HeldOutEvaluation() {}

  public static Report evaluate(Path folder) throws IOException {
    Path root = folder.toRealPath();
    List<HeldOutEntry> entries =
        Json.mapper()
            .readValue(
                root.resolve(HeldOutCorpus.GROUND_TRUTH).toFile(),
                new TypeReference<List<HeldOutEntry>>() {});
    DocumentAnalyser analyser =
        new DocumentAnalyser(
            new DocumentSources(SourceLimits.filesUnder(root, 50L * 1024 * 1024)),
            new TextExtractor(new ExtractionLimits(500, 64L * 1024 * 1024, 5_000_000)),
            new ResultSizeCap(1024 * 1024));
    Set<String> scored = new TreeSet<>();
    entries.forEach(e -> scored.addAll(e.fields().keySet()));
    Scoring scoring = new Scoring();
    int inconsistent = 0;
    int flagged = 0;
    int falseAlarms = 0;
    int warnings = 0;
    for (HeldOutEntry entry : entries) {
      String where = entry.file() + " (" + entry.template() + ")";
      Map<String, Object> result;
      try {
        result =
            analyser.analyse(
                Document.ofUri(entry.id(), root.resolve(entry.file()).toUri().toString()),
                new AnalysisOptions(false),
                () -> false);
      } catch (AnalysisException e) {
        scoring.mistake(where + ": failed " + e.code() + " " + e.getMessage());
        result = Map.of();
      }
      scoring.type(where, entry.type(), result);
      boolean raised = false;
      for (Object f : (List<?>) result.getOrDefault("findings", List.of())) {
        Map<?, ?> finding = (Map<?, ?>) f;
        if ("error".equals(finding.get("severity"))) {
          raised = true;
        } else {
          warnings++;
        }
        if (entry.addsUp()) {
          scoring.mistake(
              where + ": finding " + finding.get("code") + " " + finding.get("message"));
        }
      }
      if (!entry.addsUp()) {
        inconsistent++;
        flagged += raised ? 1 : 0;
        if (!raised) {
          scoring.mistake(where + ": its figures do not add up, but nothing was flagged");
        }
      } else if (raised) {
        falseAlarms++;
      }
      for (String field : scored) {
        scoring.field(where, field, entry.fields().get(field), result);
      }
    }
    return new Report(
        entries.size(),
        scoring.typesRight(),
        scoring.fields(),
        inconsistent,
        flagged,
        falseAlarms,
        warnings,
        scoring.mistakes());
  }
}
