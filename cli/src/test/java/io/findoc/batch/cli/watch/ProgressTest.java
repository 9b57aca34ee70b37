package io.findoc.batch.cli.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.findoc.batch.cli.ExitCode;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ProgressTest {

  private final JsonMapper json = JsonMapper.builder().build();

  private JsonNode job(String state, int total, int succeeded, int failed, int cancelled) {
    return json.readTree(
        """
        {"id":"j","state":"%s","counts":{"total":%d,"succeeded":%d,"failed":%d,"cancelled":%d,
         "skipped":0,"running":0}}
        """
            .formatted(state, total, succeeded, failed, cancelled));
  }

  private static Progress progress(JsonNode... jobs) {
    return Progress.of(List.of(jobs));
  }

  @Test
  void allCompletedIsZero() {
    Progress p = progress(job("COMPLETED", 10, 10, 0, 0), job("COMPLETED", 5, 5, 0, 0));
    assertThat(p.allFinished()).isTrue();
    assertThat(p.done()).isEqualTo(15);
    assertThat(p.exitCode()).isEqualTo(ExitCode.SUCCEEDED);
  }

  @Test
  void someFailedTasksIsThree() {
    Progress p = progress(job("COMPLETED", 10, 10, 0, 0), job("COMPLETED_WITH_ERRORS", 5, 3, 2, 0));
    assertThat(p.exitCode()).isEqualTo(ExitCode.SOME_FAILED);
    assertThat(progress(job("FAILED", 5, 0, 5, 0)).exitCode()).isEqualTo(ExitCode.SOME_FAILED);
    assertThat(progress(job("ROLLED_BACK", 5, 4, 1, 0)).exitCode()).isEqualTo(ExitCode.SOME_FAILED);
  }

  @Test
  void aCancelledJobIsFourEvenWithFailures() {
    Progress p = progress(job("COMPLETED_WITH_ERRORS", 5, 3, 2, 0), job("CANCELLED", 5, 1, 0, 4));
    assertThat(p.exitCode()).isEqualTo(ExitCode.CANCELLED);
  }

  @Test
  void aRunningJobIsNotFinished() {
    assertThat(progress(job("RUNNING", 5, 1, 0, 0)).allFinished()).isFalse();
    assertThat(progress(job("PAUSED", 5, 1, 0, 0)).allFinished()).isFalse();
  }
}
