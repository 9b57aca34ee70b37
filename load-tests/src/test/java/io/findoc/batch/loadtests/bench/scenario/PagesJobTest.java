package io.findoc.batch.loadtests.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.findoc.batch.common.json.Json;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class PagesJobTest {

  @Test
  void theFailingTasksAreSpreadOverTheJobInFourSetsThatShareNoTask() {
    for (int tasks : List.of(64, 20_000, 1_000_000)) {
      PagesJob job = new PagesJob(tasks);
      Set<Integer> all = new HashSet<>();
      for (int set = 1; set <= 4; set++) {
        List<Integer> numbers = job.spread(set);
        assertThat(numbers).hasSize(PagesJob.EACH).allMatch(n -> n >= 1 && n <= tasks);
        all.addAll(numbers);
      }
      assertThat(all).as("tasks %d", tasks).hasSize(4 * PagesJob.EACH);
    }
    List<Integer> million = new PagesJob(1_000_000).deadLetters();
    assertThat(million.get(PagesJob.EACH - 1)).isGreaterThan(800_000);
  }

  @Test
  void theSubmissionNamesEachFailureForTheSimulateProcessor() {
    PagesJob job = new PagesJob(200);
    JsonNode body = Json.mapper().readTree(job.body());

    assertThat(body.get("processor").asString()).isEqualTo("simulate");
    assertThat(body.get("documents")).hasSize(200);
    assertThat(body.get("documents").get(199).get("id").asString()).isEqualTo("d200");
    JsonNode options = body.get("options");
    assertThat(options.get("failureRate").asDouble()).isEqualTo(0.001);
    assertThat(ids(options.get("failDocuments"))).isEqualTo(names(job.deadLetters()));
    assertThat(ids(options.get("crashDocuments"))).isEqualTo(names(job.crashRefused()));
    JsonNode until = options.get("failUntilAttempt");
    job.secondAttempt().forEach(n -> assertThat(until.get("d" + n).asInt()).isEqualTo(1));
    job.thirdAttempt().forEach(n -> assertThat(until.get("d" + n).asInt()).isEqualTo(2));
    assertThat(until.size()).isEqualTo(2 * PagesJob.EACH);
    assertThat(body.get("retry").get("maxAttempts").asInt()).isEqualTo(3);
  }

  @Test
  void aJobTooSmallForItsFailureSetsIsRefused() {
    assertThatThrownBy(() -> new PagesJob(63)).hasMessageContaining("at least 64 tasks");
  }

  private static List<String> ids(JsonNode array) {
    return IntStream.range(0, array.size()).mapToObj(i -> array.get(i).asString()).toList();
  }

  private static List<String> names(List<Integer> numbers) {
    return numbers.stream().map(n -> "d" + n).toList();
  }
}
