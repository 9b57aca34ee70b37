package io.findoc.batch.corpus;

/**
 * Counts for one field over a corpus: a value found and right is a true positive; found but wrong,
 * or found where the truth has none, a false positive; expected but missing or wrong, a false
 * negative (a wrong value counts as both).
 */
public record FieldScore(String field, int truePositives, int falsePositives, int falseNegatives) {

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

  FieldScore add(FieldScore other) {
    return new FieldScore(
        field,
        truePositives + other.truePositives,
        falsePositives + other.falsePositives,
        falseNegatives + other.falseNegatives);
  }
}
