package io.findoc.batch.analyzer.phrase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PhraseMatcherTest {

  private final PhraseMatcher<String> matcher =
      PhraseMatcher.of(
          Map.of(
              "total", "T",
              "subtotal", "S",
              "total due", "D",
              "montant dû", "M",
              "n° de compte", "N"));

  @Test
  void theLongestPhraseAtAPositionWinsAndTheSearchGoesOnAfterIt() {
    assertThat(matcher.findLongest("Subtotal 10.00  Total due 12.00  total"))
        .containsExactly(
            new PhraseMatcher.Match<>("S", 0, 8),
            new PhraseMatcher.Match<>("D", 16, 25),
            new PhraseMatcher.Match<>("T", 33, 38));
  }

  @Test
  void phrasesMatchAsWholeWordsOnly() {
    assertThat(matcher.findLongest("totals subtotaled 2total total2 _total_")).hasSize(1);
    assertThat(matcher.findLongest("_total_").get(0).start()).isEqualTo(1);
  }

  @Test
  void aLongerPhraseThatEndsInsideAWordGivesWayToTheShorterOne() {
    assertThat(matcher.findLongest("total dues"))
        .containsExactly(new PhraseMatcher.Match<>("T", 0, 5));
  }

  @Test
  void caseIsIgnoredBeyondAsciiToo() {
    assertThat(matcher.findLongest("MONTANT DÛ : 5,00 | N° DE COMPTE"))
        .extracting(PhraseMatcher.Match::value)
        .containsExactly("M", "N");
  }

  @Test
  void findAllReportsOverlappingPhrases() {
    List<String> found = new ArrayList<>();
    matcher.findAll("the subtotal and the total due", m -> found.add(m.value()));
    assertThat(found).containsExactly("S", "T", "D");
  }

  @Test
  void anEmptyPhraseIsRefused() {
    assertThatThrownBy(() -> PhraseMatcher.of(Map.of("", 1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
