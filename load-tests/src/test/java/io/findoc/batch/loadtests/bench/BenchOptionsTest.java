package io.findoc.batch.loadtests.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

  @Test
  void allRunsEveryScenarioOnTheIssuesSizesThreeTimes() {
    BenchOptions options = BenchOptions.parse(new String[] {});
    assertThat(options.scenarios()).isEqualTo(BenchOptions.ALL);
    assertThat(options.tasks()).containsExactly(100_000, 1_000_000);
    assertThat(options.repeats()).isEqualTo(3);
    assertThat(options.smoke()).isFalse();
  }

  @Test
  void smokeRunsSmallJobsOnce() {
    BenchOptions options = BenchOptions.parse(new String[] {"--smoke", "--scenario", "noop,peers"});
    assertThat(options.scenarios()).containsExactly("noop", "peers");
    assertThat(options.tasks()).containsExactly(2000);
    assertThat(options.repeats()).isEqualTo(1);
    assertThat(options.peerTasks()).isLessThanOrEqualTo(1000);
  }

  @Test
  void theKeyFileAndThePeersAdminDatabaseFollowFromTheStack() {
    BenchOptions options =
        BenchOptions.parse(
            new String[] {
              "--var", "/tmp/v", "--db", "jdbc:postgresql://127.0.0.1:15532/findoc", "--profile"
            });
    assertThat(options.keyFile()).isEqualTo(Path.of("/tmp/v/demo-key"));
    assertThat(options.adminDb()).isEqualTo("jdbc:postgresql://127.0.0.1:15532/postgres");
    assertThat(options.profile()).isTrue();
  }

  @Test
  void anUnknownScenarioIsRefusedWithTheKnownOnes() {
    assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--scenario", "speed"}))
        .hasMessageContaining("unknown scenario speed")
        .hasMessageContaining(List.of("noop").get(0));
  }

  @Test
  void allRunsTheScenariosInAnOrderWhereEachFindsWhatItNeeds() {
    assertThat(BenchOptions.ALL)
        .containsExactly(
            "noop",
            "ceiling",
            "latency",
            "progress",
            "speedup",
            "analyzer",
            "scheduling",
            "pages",
            "peers",
            "resources");
  }

  @Test
  void theDrainTimeoutIsFiveMinutesOrOneForASmokeRun() {
    assertThat(BenchOptions.parse(new String[] {}).drainTimeout()).hasMinutes(5);
    assertThat(BenchOptions.parse(new String[] {"--smoke"}).drainTimeout()).hasSeconds(60);
    assertThat(BenchOptions.parse(new String[] {"--drain-timeout", "7"}).drainTimeout())
        .hasSeconds(7);
  }

  @Test
  void theRateLimitIsStatedWhenTheBenchSetItAndUnknownOtherwise() {
    assertThat(
            BenchOptions.parse(new String[] {"--rate-limit", "100000", "--rate-burst", "5000"})
                .rateLimitNote())
        .startsWith("100000 requests/s per key, burst 5000");
    assertThat(BenchOptions.parse(new String[] {}).rateLimitNote())
        .startsWith("unknown")
        .contains("429 answers are honoured");
  }

  @Test
  void anUnknownOptionIsRefused() {
    assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--taks", "5"}))
        .hasMessageContaining("unknown options: [taks]");
  }

  @Test
  void theDashboardJobHasAMillionTasksUnlessToldOtherwise() {
    BenchOptions plain = BenchOptions.parse(new String[] {"--scenario", "pages"});
    BenchOptions quick =
        BenchOptions.parse(
            new String[] {"--scenario", "pages", "--page-tasks", "20000", "--page-requests", "5"});
    BenchOptions smoke = BenchOptions.parse(new String[] {"--smoke", "--scenario", "pages"});

    assertThat(plain.pageTasks()).isEqualTo(1_000_000);
    assertThat(plain.pageRequests()).isEqualTo(20);
    assertThat(quick.pageTasks()).isEqualTo(20_000);
    assertThat(quick.pageRequests()).isEqualTo(5);
    assertThat(smoke.pageTasks()).isLessThan(10_000);
    assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--page-tasks", "0"}))
        .hasMessageContaining("--page-tasks must be at least 1");
    assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--page-requests", "many"}))
        .hasMessageContaining("--page-requests must be a whole number");
  }
}
