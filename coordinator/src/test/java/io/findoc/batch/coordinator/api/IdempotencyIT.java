package io.findoc.batch.coordinator.api;

import static io.findoc.batch.coordinator.testing.Submission.aSubmission;
import static org.assertj.core.api.Assertions.assertThat;

import io.findoc.batch.coordinator.testing.Api;
import io.findoc.batch.coordinator.testing.StackExtension;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** FI-13: the same submission sent again with one Idempotency-Key makes exactly one job. */
class IdempotencyIT {

  @RegisterExtension static final StackExtension stack = StackExtension.coordinatorOnly(Map.of());

  @Test
  void aRepeatedKeyReturnsTheFirstJob() {
    Map<String, String> key = Map.of("Idempotency-Key", "order-" + UUID.randomUUID());

    Api.Response first = stack.api().post("/api/batch/jobs", aSubmission().tasks(3).json(), key);
    Api.Response again = stack.api().post("/api/batch/jobs", aSubmission().tasks(5).json(), key);

    assertThat(first.status()).isEqualTo(202);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.body().get("id").asString()).isEqualTo(first.body().get("id").asString());
    assertThat(again.location()).isEqualTo(first.location());
    assertThat(again.body().get("counts").get("total").asInt()).isEqualTo(3);
    assertThat(jobsOfKey(key.get("Idempotency-Key"))).isEqualTo(1);
  }

  @Test
  void concurrentSubmissionsWithOneKeyMakeOneJob() throws Exception {
    String key = "burst-" + UUID.randomUUID();
    String body = aSubmission().tasks(2000).json();
    ExecutorService clients = Executors.newFixedThreadPool(6);
    try {
      List<Future<Api.Response>> answers = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        answers.add(
            clients.submit(
                () -> stack.api().post("/api/batch/jobs", body, Map.of("Idempotency-Key", key))));
      }
      Set<String> ids = new HashSet<>();
      List<Integer> statuses = new ArrayList<>();
      for (Future<Api.Response> answer : answers) {
        ids.add(answer.get().body().get("id").asString());
        statuses.add(answer.get().status());
      }
      assertThat(ids).hasSize(1);
      assertThat(statuses.stream().filter(s -> s == 202).count()).isEqualTo(1);
      assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(5);
      assertThat(jobsOfKey(key)).isEqualTo(1);
      assertThat(taskRows(ids.iterator().next())).isEqualTo(2000);
    } finally {
      clients.shutdownNow();
    }
  }

  @Test
  void aKeyWhoseSubmissionWasRefusedStaysFree() {
    Map<String, String> key = Map.of("Idempotency-Key", "retry-" + UUID.randomUUID());

    Api.Response refused = stack.api().post("/api/batch/jobs", "{\"name\":\"no documents\"}", key);
    Api.Response accepted = stack.api().post("/api/batch/jobs", aSubmission().json(), key);

    assertThat(refused.status()).isEqualTo(400);
    assertThat(accepted.status()).isEqualTo(202);
  }

  @Test
  void keysBelongToATenantAndAreChecked() {
    Api other = stack.api().withKey(stack.createKey("initech", "submitter"));
    Map<String, String> key = Map.of("Idempotency-Key", "shared-" + UUID.randomUUID());

    String mine =
        stack.api().post("/api/batch/jobs", aSubmission().json(), key).body().get("id").asString();
    Api.Response theirs = other.post("/api/batch/jobs", aSubmission().json(), key);

    assertThat(theirs.status()).isEqualTo(202);
    assertThat(theirs.body().get("id").asString()).isNotEqualTo(mine);
    Api.Response tooLong =
        stack
            .api()
            .post(
                "/api/batch/jobs",
                aSubmission().json(),
                Map.of("Idempotency-Key", "k".repeat(201)));
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.body().get("errors").get(0).get("field").asString())
        .isEqualTo("Idempotency-Key");
  }

  private static long jobsOfKey(String key) {
    return stack
        .jdbi()
        .withHandle(
            h ->
                h.select(
                        "SELECT count(*) FROM job j JOIN idempotency_key k ON k.job_id = j.id"
                            + " WHERE k.key = ?",
                        key)
                    .mapTo(Long.class)
                    .one());
  }

  private static long taskRows(String job) {
    return stack
        .jdbi()
        .withHandle(
            h ->
                h.select("SELECT count(*) FROM task WHERE job_id = CAST(? AS uuid)", job)
                    .mapTo(Long.class)
                    .one());
  }
}
