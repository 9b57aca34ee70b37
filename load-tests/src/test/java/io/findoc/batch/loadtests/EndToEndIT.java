package io.findoc.batch.loadtests;

import static io.findoc.batch.loadtests.TestHost.deleteRecursively;
import static io.findoc.batch.loadtests.TestHost.freePort;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.findoc.batch.loadtests.bench.Bench;
import io.findoc.batch.loadtests.bench.BenchOptions;
import io.findoc.batch.loadtests.client.FindocClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The product as users run it: {@code ./findoc up} starts the broker, PostgreSQL, the coordinator
 * and two workers as OS processes; 2,000 tasks go in over HTTP; the checker then verifies INV-1 to
 * INV-3 of TESTING.md against the API and the database; a job is paused and resumed and another
 * cancelled across the processes; every benchmark scenario runs in its smoke version (a few
 * thousand tasks, no assertion on speed) and writes its files; and {@code ./findoc down} must leave
 * no process behind.
 */
class EndToEndIT {

  private static final Set<String> FINISHED =
      Set.of("COMPLETED", "COMPLETED_WITH_ERRORS", "FAILED", "CANCELLED", "ROLLED_BACK");

  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
  private static final Path VAR = ROOT.resolve("load-tests/target/e2e-var");
  private static final Map<String, String> ENV = new HashMap<>();
  private static FindocClient client;
  private static int pgPort;

  @BeforeAll
  static void up() throws IOException {
    deleteRecursively(VAR);
    pgPort = freePort();
    int api = freePort();
    ENV.put("FINDOC_VAR", VAR.toString());
    ENV.put("FINDOC_SKIP_BUILD", "1");
    ENV.put("FINDOC_COORDINATOR_PORT", Integer.toString(api));
    ENV.put("FINDOC_KAFKA_PORT", Integer.toString(freePort()));
    ENV.put("FINDOC_KAFKA_CONTROLLER_PORT", Integer.toString(freePort()));
    ENV.put("FINDOC_PG_PORT", Integer.toString(pgPort));
    assertThat(findoc("up", "--workers", "2")).as("./findoc up").isZero();
    client =
        FindocClient.withKeyFile(URI.create("http://127.0.0.1:" + api), VAR.resolve("demo-key"));
  }

  @AfterAll
  static void down() {
    List<Long> pids = startedPids();
    assertThat(findoc("down")).as("./findoc down").isZero();
    for (long pid : pids) {
      assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
          .as("process %d after ./findoc down", pid)
          .isFalse();
    }
  }

  @Test
  void twoThousandTasksOverHttpEndExactlyOnceAndAddUp() throws SQLException {
    Map<String, Integer> accepted = new LinkedHashMap<>();
    for (int job = 1; job <= 3; job++) {
      accepted.put(submit(job, "noop", Map.of()), 500);
    }
    accepted.put(
        submit(4, "simulate", Map.of("failureRate", 0.1, "failure", "permanent", "sleepMs", 2)),
        500);

    Map<String, JsonNode> finished = new HashMap<>();
    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> {
              for (String id : accepted.keySet()) {
                JsonNode job = client.job(id);
                if (FINISHED.contains(job.get("state").asString())) {
                  finished.put(id, job);
                }
              }
              return finished.size() == accepted.size();
            });

    try (Connection db =
        DriverManager.getConnection(
            "jdbc:postgresql://127.0.0.1:" + pgPort + "/findoc", "findoc", "findoc")) {
      for (Map.Entry<String, Integer> entry : accepted.entrySet()) {
        checkInvariants(entry.getKey(), entry.getValue(), finished.get(entry.getKey()), db);
      }
    }
  }

  @Test
  void theApiAnswersOnlyAKeyItKnows() {
    FindocClient anonymous = new FindocClient(client.api(), null);
    FindocClient wrong = new FindocClient(client.api(), "fdk_000000000000.not-a-key");
    for (FindocClient stranger : List.of(anonymous, wrong)) {
      assertThatThrownBy(() -> stranger.get("/api/batch/jobs"))
          .isInstanceOf(FindocClient.ApiException.class)
          .hasMessageContaining("answered 401")
          .hasMessageContaining("problem:unauthenticated");
    }
  }

  @Test
  void pauseResumeAndCancelHoldAcrossRealProcesses() throws SQLException {
    String paused = submit(5, 600, "simulate", Map.of("sleepMs", 50));
    await()
        .atMost(Duration.ofMinutes(1))
        .until(() -> client.job(paused).get("counts").get("succeeded").asInt() > 50);

    client.put("/api/batch/jobs/" + paused + "/pause");

    await()
        .atMost(Duration.ofMinutes(1))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> {
              JsonNode counts = client.job(paused).get("counts");
              return counts.get("running").asInt() == 0 && counts.get("queued").asInt() == 0;
            });
    JsonNode whilePaused = client.job(paused);
    assertThat(whilePaused.get("state").asString()).isEqualTo("PAUSED");
    assertThat(whilePaused.get("counts").get("pending").asInt()).isPositive();
    client.put("/api/batch/jobs/" + paused + "/resume");

    String sleeper = submit(6, 40, "simulate", Map.of("sleepMs", 60_000));
    // Running as the coordinator sees it: STARTED reports of some attempts have been seen to come
    // a minute late (open bug, see the closing note), so one started attempt is what is awaited.
    await()
        .atMost(Duration.ofMinutes(1))
        .until(() -> client.job(sleeper).get("counts").get("running").asInt() >= 1);
    JsonNode cancelled = client.delete("/api/batch/jobs/" + sleeper);
    assertThat(cancelled.get("state").asString()).isEqualTo("CANCELLED");
    String after = submit(7, 100, "noop", Map.of());

    Map<String, JsonNode> finished = new HashMap<>();
    await()
        .atMost(Duration.ofMinutes(1))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> {
              for (String id : List.of(paused, after)) {
                JsonNode job = client.job(id);
                if (FINISHED.contains(job.get("state").asString())) {
                  finished.put(id, job);
                }
              }
              return finished.size() == 2;
            });
    try (Connection db =
        DriverManager.getConnection(
            "jdbc:postgresql://127.0.0.1:" + pgPort + "/findoc", "findoc", "findoc")) {
      checkInvariants(paused, 600, finished.get(paused), db);
      checkInvariants(after, 100, finished.get(after), db);
      checkInvariants(sleeper, 40, client.job(sleeper), db);
    }
    assertThat(finished.get(paused).get("counts").get("succeeded").asInt()).isEqualTo(600);
  }

  @Test
  void everyBenchScenarioRunsInSmokeModeAndWritesItsFiles() throws IOException {
    Path results = ROOT.resolve("load-tests/target/bench-smoke-it");
    deleteRecursively(results);

    int failed =
        Bench.run(
            BenchOptions.parse(
                new String[] {
                  "--smoke",
                  "--api",
                  client.api().toString(),
                  "--var",
                  VAR.toString(),
                  "--db",
                  "jdbc:postgresql://127.0.0.1:" + pgPort + "/findoc",
                  "--kafka",
                  "127.0.0.1:" + ENV.get("FINDOC_KAFKA_PORT"),
                  "--results",
                  results.toString()
                }));

    assertThat(failed).as("failed bench scenarios").isZero();
    String resultLines = Files.readString(results.resolve("results.txt"));
    for (String scenario : BenchOptions.ALL) {
      assertThat(results.resolve(scenario + ".csv")).isNotEmptyFile();
      assertThat(results.resolve(scenario + ".html")).content().contains("<svg");
      if (!scenario.equals("resources")) { // the sum of the others' samples
        assertThat(results.resolve("resources-" + scenario + ".csv"))
            .content()
            .contains("coordinator");
      }
      assertThat(resultLines).contains("RESULT " + scenario + " ");
    }
    assertThat(results.resolve("resources.csv")).content().contains("all,coordinator,");
    assertThat(results.resolve("summary.txt")).content().contains("goals (issue 8");
    assertThat(resultLines).contains("RESULT summary goals_pass=");
    assertThat(results.resolve("machine.txt")).content().contains("cores: ");
  }

  /**
   * INV-1: all terminal, once; INV-2: counts add up and match the state; INV-3: all tasks exist.
   */
  private static void checkInvariants(String id, int documents, JsonNode job, Connection db)
      throws SQLException {
    JsonNode counts = job.get("counts");
    int succeeded = counts.get("succeeded").asInt();
    int failed = counts.get("failed").asInt();
    assertThat(counts.get("total").asInt()).isEqualTo(documents);
    assertThat(succeeded + failed + counts.get("cancelled").asInt() + counts.get("skipped").asInt())
        .as("terminal counts of %s", id)
        .isEqualTo(documents);
    String expectedState =
        counts.get("cancelled").asInt() > 0
            ? "CANCELLED"
            : failed == 0 ? "COMPLETED" : succeeded == 0 ? "FAILED" : "COMPLETED_WITH_ERRORS";
    assertThat(job.get("state").asString()).isEqualTo(expectedState);

    Map<String, Integer> byState = new HashMap<>();
    try (PreparedStatement q =
        db.prepareStatement(
            "SELECT state, count(*), count(DISTINCT number), min(number), max(number)"
                + " FROM task WHERE job_id = CAST(? AS uuid) GROUP BY state")) {
      q.setString(1, id);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          byState.put(rs.getString(1), rs.getInt(2));
          assertThat(rs.getInt(3)).isEqualTo(rs.getInt(2));
        }
      }
    }
    assertThat(byState.keySet()).as("task states of %s", id).isSubsetOf(FINISHED_TASK_STATES);
    assertThat(byState.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(documents);
    assertThat(byState.getOrDefault("SUCCEEDED", 0)).isEqualTo(succeeded);
    assertThat(byState.getOrDefault("FAILED", 0)).isEqualTo(failed);
    assertThat(byState.getOrDefault("CANCELLED", 0)).isEqualTo(counts.get("cancelled").asInt());
    assertThat(
            client
                .get("/api/batch/jobs/" + id + "/tasks?state=FAILED&limit=1")
                .get("total")
                .asInt())
        .isEqualTo(failed);
  }

  private static final Set<String> FINISHED_TASK_STATES =
      Set.of("SUCCEEDED", "FAILED", "CANCELLED", "SKIPPED");

  private static String submit(int number, String processor, Map<String, Object> options) {
    return submit(number, 500, processor, options);
  }

  private static String submit(
      int number, int tasks, String processor, Map<String, Object> options) {
    List<Map<String, Object>> documents = new ArrayList<>();
    for (int i = 1; i <= tasks; i++) {
      documents.add(Map.of("id", "job" + number + "-doc" + i, "text", "document " + i));
    }
    Map<String, Object> job = new LinkedHashMap<>();
    job.put("name", "end-to-end " + number);
    job.put("processor", processor);
    job.put("options", options);
    job.put("documents", documents);
    return client.submit(job).get("id").asString();
  }

  private static int findoc(String... args) {
    return Launcher.run(ROOT, ENV, Duration.ofMinutes(5), args);
  }

  /** The pids in var/run, and the PostgreSQL server's own. */
  private static List<Long> startedPids() {
    List<Long> pids = new ArrayList<>();
    try (Stream<Path> files = Files.list(VAR.resolve("run"))) {
      for (Path file : files.toList()) {
        pids.add(Long.parseLong(Files.readString(file).trim()));
      }
      Path postmaster = VAR.resolve("postgres/postmaster.pid");
      if (Files.exists(postmaster)) {
        pids.add(Long.parseLong(Files.readAllLines(postmaster).get(0).trim()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return pids;
  }
}
