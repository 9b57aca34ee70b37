package io.findoc.batch.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an evaluation of the analyser counts document by document, the same way for the generated
 * and the held-out corpus: documents whose type is right, each field's score against the ground
 * truth, and the mistakes in words, for reading, in the order they were found.
 */
public final class Scoring {

  private final Map<String, FieldScore> fields = new TreeMap<>();
  private final List<String> mistakes = new ArrayList<>();
  private int typesRight;

  /** Counts a result's type against the expected one; {@code where} names the document. */
  public void type(String where, String expected, Map<String, Object> result) {
    if (expected.equals(result.get("type"))) {
      typesRight++;
    } else {
      mistakes.add(where + ": type " + result.get("type") + ", expected " + expected);
    }
  }

  /**
   * Scores the value a result gives for a field (see {@link CorpusEvaluation#predicted}) against
   * the expected one, null where the document states none.
   */
  public void field(String where, String field, String expected, Map<String, Object> result) {
    String found = CorpusEvaluation.predicted(result, field);
    FieldScore score = FieldScore.of(field, expected, found);
    if (score.anyWrong()) {
      mistakes.add(where + ": " + field + " " + found + ", expected " + expected);
    }
    fields.merge(field, score, FieldScore::add);
  }

  /** A mistake of another kind: a failed analysis, a finding where none should be. */
  public void mistake(String mistake) {
    mistakes.add(mistake);
  }

  public int typesRight() {
    return typesRight;
  }

  public Map<String, FieldScore> fields() {
    return fields;
  }

  public List<String> mistakes() {
    return mistakes;
  }

  /** The figures of a finished evaluation's report that come from a {@link Scoring}. */
  public interface Scored {

    int documents();

    int typesRight();

    Map<String, FieldScore> fields();

    default double accuracy() {
      return documents() == 0 ? 0 : (double) typesRight() / documents();
    }

    /** All fields' counts together. */
    default FieldScore overall() {
      return FieldScore.overall(fields().values());
    }
  }
}
