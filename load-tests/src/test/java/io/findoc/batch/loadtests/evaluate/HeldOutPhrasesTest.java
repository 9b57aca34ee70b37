package io.findoc.batch.loadtests.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The held-out wording stays unknown to the analyser: no phrase of it stands, as a whole phrase
 * (case ignored), in a string literal of the main Java sources or in a line of the main resources
 * of the analyzer module (where the analyser's vocabularies and label lists live) or of the worker
 * (that wires and runs it).
 */
class HeldOutPhrasesTest {

  private static final List<Path> ANALYSER_SOURCES =
      List.of(Path.of("..", "analyzer", "src", "main"), Path.of("..", "worker", "src", "main"));

  @Test
  void noHeldOutPhraseAppearsInTheAnalysersSources() throws IOException {
    assertThat(ANALYSER_SOURCES).allSatisfy(sources -> assertThat(sources).isDirectory());
    List<String> phrases = Phrases.load().all();
    assertThat(phrases).hasSizeGreaterThan(100);
    List<String> leaks = new ArrayList<>();
    List<Path> scanned = new ArrayList<>();
    for (Path sources : ANALYSER_SOURCES) {
      try (Stream<Path> files = Files.walk(sources)) {
        scanned.addAll(files.filter(Files::isRegularFile).toList());
      }
    }
    assertThat(scanned)
        .as("the analyser's own sources are scanned")
        .anyMatch(f -> f.endsWith(Path.of("analyzer", "fields", "Labels.java")));
    for (Path file : scanned) {
      String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
      List<String> strings =
          file.toString().endsWith(".java") ? literals(text) : List.of(text.split("\n"));
      for (String phrase : phrases) {
        Pattern whole =
            Pattern.compile(
                "(?<![\\p{L}\\d])" + Pattern.quote(phrase) + "(?![\\p{L}\\d])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        for (String literal : strings) {
          if (whole.matcher(literal).find()) {
            leaks.add("'" + phrase + "' in " + file + ": " + literal);
          }
        }
      }
    }
    assertThat(leaks).isEmpty();
  }

  @Test
  void literalsAreTheQuotedStringsOfASource() {
    assertThat(literals("k(\"Amount payable\", 2), k(\"a \\\"b\\\" c\", 1); // \"x\""))
        .containsExactly("Amount payable", "a \\\"b\\\" c", "x");
  }

  /** The contents of the double-quoted string literals (text blocks included) of Java source. */
  static List<String> literals(String source) {
    List<String> found = new ArrayList<>();
    Matcher m = LITERAL.matcher(source);
    while (m.find()) {
      found.add(m.group(1) != null ? m.group(1) : m.group(2));
    }
    return found;
  }

  private static final Pattern LITERAL =
      Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"", Pattern.DOTALL);
}
