package io.findoc.batch.corpus;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Counts for one field over a corpus: a value found and right is a true positive; found but wrong,
 * or found where the truth has none, a false positive; expected but missing or wrong, a false
 * negative (a wrong value counts as both).
 */
public record FieldScore(String field, int truePositives, int falsePositives, int falseNegatives) {

  /** The counts of one document's value: {@code found} against the truth's {@code expected}. */
  public static FieldScore of(String field, String expected, String found) {
    int tp = expected != null && expected.equals(found) ? 1 : 0;
    int fp = found != null && !found.equals(expected) ? 1 : 0;
    int fn = expected != null && !expected.equals(found) ? 1 : 0;
    return new FieldScore(field, tp, fp, fn);
  }

  /** The counts of all fields together, as the field {@code all}. */
  public static FieldScore overall(Collection<FieldScore> scores) {
    FieldScore all = new FieldScore("all", 0, 0, 0);
    for (FieldScore s : scores) {
      all = all.add(s);
    }
    return all;
  }

  /** Prints a row per field (counts, precision, recall, F1) and one for all together. */
  public static void printTable(PrintStream out, Collection<FieldScore> scores) {
    out.printf(
        Locale.ROOT,
        "%-16s %6s %6s %6s %9s %7s %6s%n",
        "field",
        "tp",
        "fp",
        "fn",
        "precision",
        "recall",
        "f1");
    List<FieldScore> rows = new ArrayList<>(scores);
    rows.add(overall(scores));
    for (FieldScore s : rows) {
      out.printf(
          Locale.ROOT,
          "%-16s %6d %6d %6d %9.3f %7.3f %6.3f%n",
          s.field(),
          s.truePositives(),
          s.falsePositives(),
          s.falseNegatives(),
          s.precision(),
          s.recall(),
          s.f1());
    }
  }

  /** Whether a value was found wrong, found where none is stated, or missed. */
  public boolean anyWrong() {
    return falsePositives + falseNegatives > 0;
  }

  public double precision() {
    int found = truePositives + falsePositives;
    return found == 0 ? 1 : (double) truePositives / found;
  }

  public double recall() {
    int expected = truePositives + falseNegatives;
    return expected == 0 ? 1 : (double) truePositives / expected;
  }

  public double f1() {
    double p = precision();
    double r = recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  /** These counts and {@code other}'s together, under this field's name. */
  public FieldScore add(FieldScore other) {
    return new FieldScore(
        field,
        truePositives + other.truePositives,
        falsePositives + other.falsePositives,
        falseNegatives + other.falseNegatives);
  }
}
