package io.findoc.batch.loadtests.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PageTimingsTest {

  private static PageTimings oneToTwenty() {
    PageTimings page = new PageTimings("job detail");
    for (int ms = 20; ms >= 1; ms--) {
      page.add(200, ms * 10);
    }
    return page;
  }

  @Test
  void percentilesAreNearestRankOverTheMeasuredAnswers() {
    PageTimings page = oneToTwenty();

    assertThat(page.count()).isEqualTo(20);
    assertThat(page.p50()).isEqualTo(100);
    assertThat(page.p95()).isEqualTo(190);
    assertThat(page.max()).isEqualTo(200);
  }

  @Test
  void aPageMeetsTheGoalWhenItsP95IsUnderIt() {
    PageTimings page = oneToTwenty();

    assertThat(page.meets(191)).isTrue();
    assertThat(page.meets(190)).isFalse();
    assertThat(page.row(12, 191)).endsWith("yes").contains("job detail").contains("190.0");
    assertThat(page.row(12, 190)).endsWith("NO");
  }

  @Test
  void anAnswerOtherThan200FailsThePageHoweverFastAndIsShown() {
    PageTimings page = oneToTwenty();
    page.add(500, 1);

    assertThat(page.meets(10_000)).isFalse();
    assertThat(page.otherStatuses()).containsExactly(500);
    assertThat(page.row(12, 10_000)).endsWith("NO (answers not 200: [500])");
  }

  @Test
  void aPageWithoutAnswersDoesNotMeetTheGoal() {
    assertThat(new PageTimings("none").meets(300)).isFalse();
  }

  @Test
  void theHeaderLinesUpWithTheRows() {
    String header = PageTimings.header(12);
    String row = oneToTwenty().row(12, 300);

    assertThat(header.indexOf("p95 ms") + "p95 ms".length())
        .isEqualTo(row.indexOf("190.0") + "190.0".length());
  }
}
