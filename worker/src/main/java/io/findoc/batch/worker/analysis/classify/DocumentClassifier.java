package io.findoc.batch.worker.analysis.classify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Scores each {@link DocumentType} by the {@link Vocabulary} keywords present in a text and picks
 * the best. A top score under {@link #MIN_SCORE} is {@code OTHER}. The confidence grows with the
 * winning score and with its lead over the runner-up. Thread-safe.
 */
public final class DocumentClassifier {

  /** Below this no type is claimed. */
  static final double MIN_SCORE = 3;

  /** Titles stand in the first lines; keywords there count double. */
  private static final int HEAD_LINES = 6;

  private static final Map<String, Pattern> PATTERNS = patterns();

  public Classification classify(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    String head = String.join("\n", lower.lines().limit(HEAD_LINES).toList());
    Map<DocumentType, Double> scores = new EnumMap<>(DocumentType.class);
    Map<DocumentType, List<Scored>> signals = new EnumMap<>(DocumentType.class);
    for (Map.Entry<DocumentType, List<Vocabulary.Keyword>> entry : Vocabulary.KEYWORDS.entrySet()) {
      double score = 0;
      List<Scored> matched = new ArrayList<>();
      for (Vocabulary.Keyword keyword : entry.getValue()) {
        // A plain search first: most keywords are absent, and the word-boundary pattern, which
        // starts with a look-behind, would be tried at every position (it was 80% of the time).
        if (!lower.contains(keyword.phrase())) {
          continue;
        }
        Pattern pattern = PATTERNS.get(keyword.phrase());
        if (pattern.matcher(lower).find()) {
          boolean inHead = head.contains(keyword.phrase()) && pattern.matcher(head).find();
          double weight = keyword.weight() * (inHead ? 2 : 1);
          score += weight;
          matched.add(new Scored(keyword.phrase(), weight));
        }
      }
      scores.put(entry.getKey(), score);
      signals.put(entry.getKey(), matched);
    }
    DocumentType best =
        scores.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    double top = scores.get(best);
    double second =
        scores.entrySet().stream()
            .filter(e -> e.getKey() != best)
            .mapToDouble(Map.Entry::getValue)
            .max()
            .orElse(0);
    if (top < MIN_SCORE) {
      return new Classification(DocumentType.OTHER, round(1 - top / MIN_SCORE * 0.5), List.of());
    }
    double strength = 1 - Math.exp(-top / 6);
    double lead = (top - second) / top;
    double confidence = round(strength * (0.5 + 0.5 * lead));
    List<String> decided =
        signals.get(best).stream()
            .sorted(Comparator.comparingDouble(Scored::weight).reversed())
            .map(Scored::phrase)
            .toList();
    return new Classification(best, confidence, decided);
  }

  private record Scored(String phrase, double weight) {}

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }

  private static Map<String, Pattern> patterns() {
    Map<String, Pattern> patterns = new java.util.HashMap<>();
    for (List<Vocabulary.Keyword> keywords : Vocabulary.KEYWORDS.values()) {
      for (Vocabulary.Keyword keyword : keywords) {
        patterns.put(
            keyword.phrase(),
            Pattern.compile(
                "(?<![\\p{L}\\p{N}])" + Pattern.quote(keyword.phrase()) + "(?![\\p{L}\\p{N}])"));
      }
    }
    return patterns;
  }
}
