package io.findoc.batch.loadtests.evaluate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The held-out corpus's wording, from {@value #RESOURCE}: only the evaluation reads it, and no
 * phrase of it may stand in the analyser's sources.
 */
public final class Phrases {

  public static final String RESOURCE = "/evaluation/held-out-phrases.txt";

  private final Map<String, List<String>> byKey;

  private Phrases(Map<String, List<String>> byKey) {
    this.byKey = byKey;
  }

  public static Phrases load() {
    try (InputStream in = Phrases.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Phrases parse(String text) {
    Map<String, List<String>> byKey = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      int eq = trimmed.indexOf('=');
      List<String> phrases = new ArrayList<>();
      for (String phrase : trimmed.substring(eq + 1).split("\\|")) {
        if (!phrase.isBlank()) {
          phrases.add(phrase.strip());
        }
      }
      byKey.put(trimmed.substring(0, eq).strip(), List.copyOf(phrases));
    }
    return new Phrases(byKey);
  }

  /** One phrase of {@code key}, drawn with {@code random}. */
  public String pick(String key, Random random) {
    List<String> phrases = byKey.get(key);
    if (phrases == null || phrases.isEmpty()) {
      throw new IllegalArgumentException("no held-out phrases for " + key);
    }
    return phrases.get(random.nextInt(phrases.size()));
  }

  /** Every phrase, for the test that none leaked into the analyser. */
  public List<String> all() {
    return byKey.values().stream().flatMap(List::stream).toList();
  }
}
