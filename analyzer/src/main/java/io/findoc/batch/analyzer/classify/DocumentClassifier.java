package io.findoc.batch.analyzer.classify;

import io.findoc.batch.analyzer.phrase.PhraseMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

  private static final PhraseMatcher<String> KEYWORDS = keywords();

  public Classification classify(String text) {
    Set<String> present = new HashSet<>();
    Set<String> inHead = new HashSet<>();
    int headEnd = headEnd(text);
    KEYWORDS.findAll(
        text,
        match -> {
          present.add(match.value());
          if (match.end() <= headEnd) {
            inHead.add(match.value());
          }
        });
    Map<DocumentType, Double> scores = new EnumMap<>(DocumentType.class);
    Map<DocumentType, List<Scored>> signals = new EnumMap<>(DocumentType.class);
    for (Map.Entry<DocumentType, List<Vocabulary.Keyword>> entry : Vocabulary.KEYWORDS.entrySet()) {
      double score = 0;
      List<Scored> matched = new ArrayList<>();
      for (Vocabulary.Keyword keyword : entry.getValue()) {
        if (present.contains(keyword.phrase())) {
          double weight = keyword.weight() * (inHead.contains(keyword.phrase()) ? 2 : 1);
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

  /** Where the first {@link #HEAD_LINES} lines end. */
  private static int headEnd(String text) {
    int lines = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        if (++lines == HEAD_LINES) {
          return i;
        }
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
      }
    }
    return text.length();
  }

  private static PhraseMatcher<String> keywords() {
    Map<String, String> phrases = new HashMap<>();
    for (List<Vocabulary.Keyword> keywords : Vocabulary.KEYWORDS.values()) {
      for (Vocabulary.Keyword keyword : keywords) {
        phrases.put(keyword.phrase(), keyword.phrase());
      }
    }
    return PhraseMatcher.of(phrases);
  }
}
