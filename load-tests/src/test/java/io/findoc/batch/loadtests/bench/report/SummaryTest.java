package io.findoc.batch.loadtests.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryTest {

  @Test
  void theSummaryListsEveryResultLineTheFailuresAndTheGoals(@TempDir Path folder) throws Exception {
    Results results = new Results(folder);
    results.result("noop", Map.of("tasks_1000000_per_s", 12000.0));
    results.result("latency", Map.of("start_p99_ms", 250.0));

    Summary.write(results, List.of("peers"), false);

    String summary = Files.readString(folder.resolve("summary.txt"));
    assertThat(summary)
        .contains("RESULT noop tasks_1000000_per_s=12000")
        .contains("RESULT latency start_p99_ms=250")
        .contains("FAILED scenarios (see their stack traces above): [peers]")
        .containsPattern("PASS +\\| >= 10,000 no-op tasks/s")
        .containsPattern("SHORT +\\| submit-to-start p99 <= 100 ms")
        .contains("over by 150 ms (250 > 100 ms)")
        .containsPattern("NOT MEASURED +\\| >= 3x JobRunr")
        .containsPattern("SHORT +\\| team goal: >= 25,000 no-op tasks/s");
    assertThat(Files.readString(folder.resolve("results.txt")))
        .endsWith(
            "RESULT summary goals_pass=1 goals_short=2 goals_not_measured=15"
                + " failed_scenarios=1\n");
  }
}
