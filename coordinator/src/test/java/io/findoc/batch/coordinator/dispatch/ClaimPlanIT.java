package io.findoc.batch.coordinator.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.findoc.batch.coordinator.testing.RunningStack;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Types;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How PostgreSQL plans the dispatcher's claim of tasks out of turn ({@code
 * DispatchStore/claimOutOfTurn.sql}, the file the coordinator runs) for a round over many jobs on a
 * large task table. The planner takes a per-job {@code LIMIT} it cannot know for a tenth of a job's
 * rows; without the round's total as a bound it expected hundreds of thousands of claimed rows and
 * joined its UPDATE by reading the whole task table, seconds per round once a benchmark had left
 * millions of rows.
 */
class ClaimPlanIT {

  private static final int JOBS = 300;
  private static final int TASKS_PER_JOB = 1000;
  private static final String CLAIM =
      "io/findoc/batch/coordinator/store/DispatchStore/claimOutOfTurn.sql";
  private static final String TOTAL_BOUND = "LIMIT :total";

  private static RunningStack stack;
  private static UUID[] jobIds;

  @BeforeAll
  static void start() {
    stack = RunningStack.coordinatorOnly(Map.of());
    // Pending second attempts (dispatchable out of turn) of jobs without a job row: the dispatcher
    // never sees them (it starts from the job table), the planner does.
    jobIds = new UUID[JOBS];
    Arrays.setAll(jobIds, i -> UUID.randomUUID());
    stack
        .jdbi()
        .useHandle(
            handle -> {
              handle
                  .createUpdate(
                      """
                      INSERT INTO task (job_id, number, document_ref, document, attempt)
                      SELECT j, n, 'd' || n, '{}', 2
                      FROM unnest(CAST(:jobIds AS uuid[])) j, generate_series(1, :tasks) n
                      """)
                  .bind("jobIds", jobIds)
                  .bind("tasks", TASKS_PER_JOB)
                  .execute();
              handle.execute("ANALYZE task");
            });
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  @Test
  void aRoundOverManyJobsFindsItsRowsByIndexNotByReadingTheTable() throws IOException {
    String claim = shippedClaim();
    assertThat(claim).contains(TOTAL_BOUND);

    String plan = explain(claim);

    assertThat(plan).doesNotContain("Seq Scan on task").contains("Index Scan using task_pkey");
  }

  @Test
  void withoutTheTotalBoundTheSamePlanReadsTheWholeTable() throws IOException {
    // Shows that the large table of this test does lead the planner astray: the test above can
    // fail.
    String plan = explain(shippedClaim().replace(TOTAL_BOUND, ""));

    assertThat(plan).contains("Seq Scan on task");
  }

  private static String explain(String claim) {
    int[] limits = new int[jobIds.length];
    Arrays.fill(limits, 8);
    return stack
        .jdbi()
        .withHandle(
            handle -> {
              handle.execute("SET plan_cache_mode = force_custom_plan");
              return String.join(
                  "\n",
                  handle
                      .createQuery("EXPLAIN " + claim)
                      .define("direction", "ASC")
                      .bind("jobIds", jobIds)
                      .bind("limits", limits)
                      .bind("total", Arrays.stream(limits).sum())
                      .bindNull("now", Types.TIMESTAMP_WITH_TIMEZONE)
                      .mapTo(String.class)
                      .list());
            });
  }

  private static String shippedClaim() throws IOException {
    try (InputStream in = ClaimPlanIT.class.getClassLoader().getResourceAsStream(CLAIM)) {
      assertThat(in).as(CLAIM).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
