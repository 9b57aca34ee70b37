package io.findoc.batch.loadtests.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.findoc.batch.loadtests.bench.report.Goals.ResultLine;
import io.findoc.batch.loadtests.bench.report.Goals.Status;
import io.findoc.batch.loadtests.bench.report.Goals.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class GoalsTest {

  private static List<Verdict> judge(String... lines) {
    return Goals.evaluate(List.of(lines).stream().map(ResultLine::parse).toList());
  }

  private static Verdict goal(List<Verdict> verdicts, String words) {
    return verdicts.stream().filter(v -> v.goal().contains(words)).findFirst().orElseThrow();
  }

  @Test
  void aResultLineIsReadIntoItsScenarioAndFigures() {
    ResultLine line = ResultLine.parse("RESULT noop tasks_1000_per_s=2370 repeats=1");

    assertThat(line.scenario()).isEqualTo("noop");
    assertThat(line.figures())
        .containsEntry("tasks_1000_per_s", "2370")
        .containsEntry("repeats", "1");
    assertThatThrownBy(() -> ResultLine.parse("| noop | x")).hasMessageContaining("not a RESULT");
  }

  @Test
  void theMillionTaskRateBelowTheGoalIsShortByItsShare() {
    Verdict noop =
        goal(judge("RESULT noop tasks_100000_per_s=2370 tasks_1000000_per_s=6566"), "10,000 no-op");

    assertThat(noop.status()).isEqualTo(Status.SHORT);
    assertThat(noop.margin()).isEqualTo("short by 34% (6,566 of 10,000/s)");
  }

  @Test
  void theMillionTaskRateAboveTheGoalPasses() {
    Verdict noop = goal(judge("RESULT noop tasks_1000000_per_s=12500"), "10,000 no-op");

    assertThat(noop.status()).isEqualTo(Status.PASS);
    assertThat(noop.margin()).startsWith("above by 25%");
  }

  @Test
  void theTeamsGoalIsJudgedOnTheSameRate() {
    List<Verdict> verdicts = judge("RESULT noop tasks_1000000_per_s=12500");

    assertThat(goal(verdicts, "10,000 no-op").status()).isEqualTo(Status.PASS);
    assertThat(goal(verdicts, "team goal: >= 25,000 no-op").status()).isEqualTo(Status.SHORT);
    assertThat(goal(verdicts, "team goal").margin()).isEqualTo("short by 50% (12,500 of 25,000/s)");
  }

  @Test
  void withoutTheMillionTaskJobTheRateGoalIsNotMeasuredAndSaysWhatRan() {
    Verdict noop = goal(judge("RESULT noop tasks_100000_per_s=5300"), "10,000 no-op");

    assertThat(noop.status()).isEqualTo(Status.NOT_MEASURED);
    assertThat(noop.measured()).contains("100,000 tasks: 5,300/s");
  }

  @Test
  void theHeapIsFlatWhenItsGrowthStaysWithinBytesPerTaskOfTheLargestJob() {
    List<Verdict> flat =
        judge(
            "RESULT noop tasks_100000_per_s=5000 tasks_100000_old_gen_growth_mb=40"
                + " tasks_1000000_per_s=9000 tasks_1000000_old_gen_growth_mb=3");
    List<Verdict> growing =
        judge("RESULT noop tasks_1000000_per_s=9000 tasks_1000000_old_gen_growth_mb=200");

    assertThat(goal(flat, "heap flat").status()).isEqualTo(Status.PASS);
    assertThat(goal(flat, "heap flat").measured()).contains("over 1,000,000 tasks");
    assertThat(goal(growing, "heap flat").status()).isEqualTo(Status.SHORT);
    assertThat(goal(growing, "heap flat").margin()).isEqualTo("over by 136 MB (200 > 64 MB)");
  }

  @Test
  void aSmallJobIsAllowedTheMinimumHeapNoise() {
    Verdict heap =
        goal(
            judge("RESULT noop tasks_2000_per_s=900 tasks_2000_old_gen_growth_mb=10"), "heap flat");

    assertThat(heap.status()).isEqualTo(Status.PASS);
  }

  @Test
  void peerRatiosAreJudgedOnTheNoopWorkload() {
    List<Verdict> verdicts =
        judge(
            "RESULT peers findoc_over_jobrunr_noop=4.5 findoc_over_jobrunr_docs=1.1"
                + " findoc_over_dbscheduler_noop=2.4 findoc_over_dbscheduler_docs=0.9");

    assertThat(goal(verdicts, "JobRunr").status()).isEqualTo(Status.PASS);
    assertThat(goal(verdicts, "db-scheduler").status()).isEqualTo(Status.SHORT);
    assertThat(goal(verdicts, "db-scheduler").margin()).isEqualTo("short by 20% (2.40 of 3x)");
  }

  @Test
  void latencyIsShortByItsMillisecondsOverAndSaysWhenTheLoadWasNotAsPlanned() {
    Verdict latency =
        goal(judge("RESULT latency start_p99_ms=180 refused=1314 failed=2"), "submit-to-start p99");

    assertThat(latency.status()).isEqualTo(Status.SHORT);
    assertThat(latency.margin()).isEqualTo("over by 80 ms (180 > 100 ms)");
    assertThat(latency.measured()).contains("1314 refusals").contains("2 failed");
  }

  @Test
  void latencyUnderTheGoalPasses() {
    Verdict latency =
        goal(judge("RESULT latency start_p99_ms=42.5 refused=0 failed=0"), "submit-to-start");

    assertThat(latency.status()).isEqualTo(Status.PASS);
    assertThat(latency.measured()).isEqualTo("42.50 ms");
  }

  @Test
  void theSpeedUpGoalsUseTwoWorkerProcessesAtBothCeilings() {
    List<Verdict> verdicts =
        judge(
            "RESULT speedup cpu_w1_speedup=0.9 cpu_w2_speedup=1.44 cpu_w4_speedup=1.5"
                + " cpu_w2_ceiling100_speedup=1.7 io_w2_speedup=14");

    assertThat(goal(verdicts, "ceiling 80%").status()).isEqualTo(Status.SHORT);
    assertThat(goal(verdicts, "ceiling 80%").margin()).isEqualTo("short by 10% (1.44 of 1.60x)");
    assertThat(goal(verdicts, "ceiling 100%").status()).isEqualTo(Status.PASS);
    assertThat(goal(verdicts, "4 worker processes").status()).isEqualTo(Status.PASS);
    assertThat(goal(verdicts, "simulated I/O").status()).isEqualTo(Status.PASS);
  }

  @Test
  void theAnalyserGoalIsAtMostOneAndAHalfTimesTheBareExtraction() {
    Verdict analyser = goal(judge("RESULT analyzer cpu_ratio=1.62"), "bare PDFBox");

    assertThat(analyser.status()).isEqualTo(Status.SHORT);
    assertThat(analyser.margin()).startsWith("over by 0.12x");
  }

  @Test
  void everyGoalWithoutItsScenarioIsNotMeasured() {
    List<Verdict> verdicts = judge("RESULT resources scenario=all");

    assertThat(verdicts).hasSize(18).allMatch(v -> v.status() == Status.NOT_MEASURED);
  }

  @Test
  void theLastLineOfAScenarioCounts() {
    Verdict latency =
        goal(
            judge("RESULT latency start_p99_ms=500", "RESULT latency start_p99_ms=50"),
            "submit-to-start");

    assertThat(latency.status()).isEqualTo(Status.PASS);
  }

  @Test
  void theProgressGoalsAreJudgedFromTheSteadyAndTheFastestLoads() {
    List<Verdict> verdicts =
        judge(
            "RESULT progress steady_accuracy_mean=0.985 steady_accuracy_worst=0.87"
                + " steady_lag_p99_ms=320 steady_points_behind=1.2 steady_eta_error_50_pct=4"
                + " fastest_points_behind=6.5");

    assertThat(goal(verdicts, "on average").status()).isEqualTo(Status.PASS);
    assertThat(goal(verdicts, "at every event").status()).isEqualTo(Status.SHORT);
    assertThat(goal(verdicts, "within 500 ms").status()).isEqualTo(Status.PASS);
    assertThat(goal(verdicts, "at most 3 points").status()).isEqualTo(Status.PASS);
    assertThat(goal(verdicts, "ETA at half-way").status()).isEqualTo(Status.PASS);
    assertThat(goal(verdicts, "highest rate").status()).isEqualTo(Status.SHORT);
    assertThat(goal(verdicts, "highest rate").margin())
        .isEqualTo("over by 1.50 points (6.50 > 5 points)");
  }

  @Test
  void theDashboardGoalPassesWhenNoPageOfTheMillionTaskJobIsOver300Ms() {
    Verdict pages =
        goal(
            judge(
                "RESULT pages tasks=1000000 pages=31 pages_over_goal=0 worst_p95_ms=212.5"
                    + " worst_page=job_detail"),
            "every dashboard page");

    assertThat(pages.status()).isEqualTo(Status.PASS);
    assertThat(pages.measured()).isEqualTo("worst p95 213 ms (job_detail), 0 of 31 pages over");
  }

  @Test
  void theDashboardGoalFallsShortWithOnePageOver() {
    Verdict pages =
        goal(
            judge(
                "RESULT pages tasks=1000000 pages=31 pages_over_goal=1 worst_p95_ms=420"
                    + " worst_page=tasks_after_900000"),
            "every dashboard page");

    assertThat(pages.status()).isEqualTo(Status.SHORT);
    assertThat(pages.margin()).startsWith("over: 1 page(s)");
  }

  @Test
  void theDashboardGoalIsNotMeasuredOnASmallerJobButSaysWhatRan() {
    Verdict pages =
        goal(
            judge(
                "RESULT pages tasks=20000 pages=31 pages_over_goal=0 worst_p95_ms=40"
                    + " worst_page=overview"),
            "every dashboard page");

    assertThat(pages.status()).isEqualTo(Status.NOT_MEASURED);
    assertThat(pages.measured()).startsWith("only a job of 20,000 tasks ran");
  }
}
