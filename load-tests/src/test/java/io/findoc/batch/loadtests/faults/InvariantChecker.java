package io.findoc.batch.loadtests.faults;

import io.findoc.batch.common.json.Json;
import io.findoc.batch.common.message.FailedTask;
import io.findoc.batch.common.message.StatusKind;
import io.findoc.batch.common.message.StatusMessage;
import io.findoc.batch.common.message.StatusReportRules;
import io.findoc.batch.common.state.JobState;
import io.findoc.batch.common.topic.DeadLetters;
import io.findoc.batch.common.topic.TopicNames;
import io.findoc.batch.loadtests.client.FindocClient;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;

/**
 * Checks, once the system is quiet after a fault, the invariants of TESTING.md that the database,
 * the API and the status and dead-letter topics can show: INV-1 (every accepted task terminal, one
 * row each), INV-2 (counters equal the task rows and add up to the total; the job's state agrees
 * with them), INV-3 (every accepted job exists with all its tasks), INV-4 and INV-5 on results
 * (every SUCCEEDED task's result comes from a success report of its current attempt by the worker
 * on its row, so no older attempt's result was accepted; final reports beyond one per attempt are
 * duplicates that changed nothing), INV-5 (every job history step is allowed by {@link JobState}),
 * INV-6 (every FAILED task has a dead-letter record with its code and attempts). INV-8 is the
 * caller's wait for the jobs to finish with no manual step. It also counts what the fault cost:
 * tasks that took more than one attempt, duplicate final reports, final reports of attempts that
 * were superseded (late results, ignored), attempts reported started more than once, and the
 * slowest STARTED report.
 */
final class InvariantChecker {

  /** What the checker found: violations (empty when every invariant holds) and costs. */
  record Findings(
      List<String> violations,
      int tasks,
      int reRunTasks,
      int duplicateFinalReports,
      int startedTwice,
      int lateFinalReports,
      int deadLettered,
      long slowestStartedReportMs) {

    @Override
    public String toString() {
      return "tasks="
          + tasks
          + " re-run (attempt > 1)="
          + reRunTasks
          + " duplicate final reports="
          + duplicateFinalReports
          + " attempts started twice="
          + startedTwice
          + " final reports of superseded attempts="
          + lateFinalReports
          + " dead-lettered="
          + deadLettered
          + " slowest STARTED report="
          + slowestStartedReportMs
          + "ms"
          + " violations="
          + (violations.isEmpty() ? "none" : violations);
    }
  }

  private final FaultStack stack;

  InvariantChecker(FaultStack stack) {
    this.stack = stack;
  }

  /** Checks the accepted jobs (id to number of documents). */
  Findings check(Map<String, Integer> accepted) throws SQLException {
    List<String> violations = new ArrayList<>();
    FindocClient client = stack.client();
    int tasks = 0;
    int reRun = 0;
    Set<String> failedTasks = new HashSet<>();
    try (Connection db = stack.db()) {
      for (Map.Entry<String, Integer> entry : accepted.entrySet()) {
        String id = entry.getKey();
        int documents = entry.getValue();
        tasks += documents;
        JsonNode job = client.job(id);
        checkJob(id, documents, job, db, violations, failedTasks);
        reRun += count(db, "SELECT count(*) FROM task WHERE job_id = ?::uuid AND attempt > 1", id);
        checkHistory(id, db, violations);
      }
    }
    Map<String, Integer> finalReports = new HashMap<>();
    Map<String, Integer> starts = new HashMap<>();
    Set<String> successes = new HashSet<>();
    long slowestStartedReport = readStatusTopic(accepted.keySet(), finalReports, starts, successes);
    try (Connection db = stack.db()) {
      for (String id : accepted.keySet()) {
        checkAcceptedResults(id, db, successes, violations);
      }
    }
    int duplicates = finalReports.values().stream().mapToInt(n -> Math.max(0, n - 1)).sum();
    int late = 0;
    try (Connection db = stack.db()) {
      Map<String, Integer> attempts = currentAttempts(accepted.keySet(), db);
      for (Map.Entry<String, Integer> report : finalReports.entrySet()) {
        String key = report.getKey();
        int hash = key.lastIndexOf('#');
        if (!key.endsWith("c")
            && Integer.parseInt(key.substring(hash + 1))
                < attempts.getOrDefault(key.substring(0, hash), 0)) {
          late += report.getValue();
        }
      }
    }
    int startedTwice = (int) starts.values().stream().filter(n -> n > 1).count();
    Set<String> deadLettered = readDeadLetters(accepted.keySet());
    for (String failed : failedTasks) {
      if (!deadLettered.contains(failed)) {
        violations.add("INV-6: failed task " + failed + " has no dead-letter record");
      }
    }
    return new Findings(
        violations,
        tasks,
        reRun,
        duplicates,
        startedTwice,
        late,
        deadLettered.size(),
        slowestStartedReport);
  }

  private static void checkJob(
      String id,
      int documents,
      JsonNode job,
      Connection db,
      List<String> violations,
      Set<String> failedTasks)
      throws SQLException {
    String state = job.get("state").asString();
    JsonNode counts = job.get("counts");
    if (!JobState.valueOf(state).isFinished()) {
      violations.add("INV-1/INV-8: job " + id + " is still " + state);
    }
    if (counts.get("total").asInt() != documents) {
      violations.add("INV-3: job " + id + " has " + counts.get("total") + " of " + documents);
    }
    Map<String, Integer> rows = new HashMap<>();
    int numbers = 0;
    try (PreparedStatement q =
        db.prepareStatement(
            "SELECT state, count(*), count(DISTINCT number) FROM task"
                + " WHERE job_id = ?::uuid GROUP BY state")) {
      q.setString(1, id);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          rows.put(rs.getString(1), rs.getInt(2));
          numbers += rs.getInt(3);
        }
      }
    }
    if (numbers != documents) {
      violations.add("INV-3: job " + id + " has " + numbers + " task rows of " + documents);
    }
    for (String row : rows.keySet()) {
      if (!Set.of("SUCCEEDED", "FAILED", "CANCELLED", "SKIPPED").contains(row)) {
        violations.add("INV-1: job " + id + " has " + rows.get(row) + " tasks " + row);
      }
    }
    int terminal = 0;
    for (String kind : List.of("succeeded", "failed", "cancelled", "skipped")) {
      int counted = counts.get(kind).asInt();
      terminal += counted;
      int stored = rows.getOrDefault(kind.toUpperCase(), 0);
      if (counted != stored) {
        violations.add(
            "INV-2: job " + id + " counts " + counted + " " + kind + ", rows say " + stored);
      }
    }
    if (terminal != documents) {
      violations.add("INV-2: job " + id + " counts add up to " + terminal + " of " + documents);
    }
    int succeeded = counts.get("succeeded").asInt();
    boolean agrees =
        switch (state) {
          case "COMPLETED" -> succeeded == documents;
          case "COMPLETED_WITH_ERRORS" -> succeeded > 0 && succeeded < documents;
          case "FAILED", "CANCELLED", "ROLLED_BACK" -> succeeded < documents;
          default -> false;
        };
    if (!agrees) {
      violations.add("INV-2: job " + id + " is " + state + " with " + counts);
    }
    try (PreparedStatement q =
        db.prepareStatement(
            "SELECT number FROM task WHERE job_id = ?::uuid AND state = 'FAILED'")) {
      q.setString(1, id);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          failedTasks.add(id + "/" + rs.getInt(1));
        }
      }
    }
  }

  private static void checkHistory(String id, Connection db, List<String> violations)
      throws SQLException {
    try (PreparedStatement q =
        db.prepareStatement(
            "SELECT from_state, to_state FROM job_history WHERE job_id = ?::uuid ORDER BY seq")) {
      q.setString(1, id);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          String from = rs.getString(1);
          String to = rs.getString(2);
          if (from != null
              && !from.equals(to)
              && !JobState.valueOf(from).canMoveTo(JobState.valueOf(to))) {
            violations.add("INV-5: job " + id + " moved " + from + " -> " + to);
          }
        }
      }
    }
  }

  private static int count(Connection db, String sql, String id) throws SQLException {
    try (PreparedStatement q = db.prepareStatement(sql)) {
      q.setString(1, id);
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  /**
   * INV-4 and INV-5 on results: the result a SUCCEEDED task keeps must come from a success report
   * of the task's current attempt by the worker named on the row. A result accepted from an older
   * attempt (a worker that was stopped past its lease, FI-03) or counted from no report at all
   * shows here.
   */
  private static void checkAcceptedResults(
      String id, Connection db, Set<String> successes, List<String> violations)
      throws SQLException {
    try (PreparedStatement q =
        db.prepareStatement(
            "SELECT number, attempt, worker FROM task WHERE job_id = ?::uuid"
                + " AND state = 'SUCCEEDED' ORDER BY number")) {
      q.setString(1, id);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          String success = successKey(id + "/" + rs.getInt(1), rs.getInt(2), rs.getString(3));
          if (!successes.contains(success)) {
            violations.add(
                "INV-4/INV-5: task "
                    + success
                    + " is SUCCEEDED but no success report of that attempt by that worker exists");
          }
        }
      }
    }
  }

  /** The current attempt of every task of the jobs, by task id. */
  private static Map<String, Integer> currentAttempts(Set<String> jobs, Connection db)
      throws SQLException {
    Map<String, Integer> attempts = new HashMap<>();
    try (PreparedStatement q =
        db.prepareStatement("SELECT number, attempt FROM task WHERE job_id = ?::uuid")) {
      for (String id : jobs) {
        q.setString(1, id);
        try (ResultSet rs = q.executeQuery()) {
          while (rs.next()) {
            attempts.put(id + "/" + rs.getInt(1), rs.getInt(2));
          }
        }
      }
    }
    return attempts;
  }

  private static String successKey(String taskId, int attempt, String worker) {
    return taskId + "#" + attempt + "@" + worker;
  }

  /**
   * Reads the reports of the jobs; returns the longest time from an attempt's start (worker clock)
   * to its STARTED report being sent (the record's producer timestamp, same host): a sweeper that
   * falls behind or blocks on a send shows here, not as a violation.
   */
  private long readStatusTopic(
      Set<String> jobs,
      Map<String, Integer> finalReports,
      Map<String, Integer> starts,
      Set<String> successes) {
    long slowest = 0;
    for (ConsumerRecord<String, byte[]> record : readAll(TopicNames.DEFAULTS.taskStatus())) {
      if (record.key() == null || !jobs.contains(record.key())) {
        continue;
      }
      StatusMessage report;
      try {
        report = Json.mapper().readValue(record.value(), StatusMessage.class);
      } catch (RuntimeException e) {
        continue;
      }
      if (StatusReportRules.violation(report).isPresent()) {
        continue; // the coordinator dead-lettered it unapplied
      }
      String attempt =
          report.taskId() + "#" + report.attempt() + (report.compensation() ? "c" : "");
      if (report.kind() == StatusKind.SUCCEEDED || report.kind() == StatusKind.FAILED) {
        // Per attempt: a retried task's attempts each end with a final report of their own.
        finalReports.merge(attempt, 1, Integer::sum);
        if (report.kind() == StatusKind.SUCCEEDED && !report.compensation()) {
          successes.add(successKey(report.taskId().toString(), report.attempt(), report.worker()));
        }
      } else if (report.kind() == StatusKind.STARTED) {
        starts.merge(attempt, 1, Integer::sum);
        if (report.startedAt() != null) {
          slowest = Math.max(slowest, record.timestamp() - report.startedAt().toEpochMilli());
        }
      }
    }
    return slowest;
  }

  private Set<String> readDeadLetters(Set<String> jobs) {
    Set<String> tasks = new HashSet<>();
    for (ConsumerRecord<String, byte[]> record : readAll(TopicNames.DEFAULTS.deadLetters())) {
      Header reason = record.headers().lastHeader(DeadLetters.REASON);
      if (reason == null
          || !FailedTask.REASON.equals(new String(reason.value(), StandardCharsets.UTF_8))) {
        continue;
      }
      FailedTask failed = Json.mapper().readValue(record.value(), FailedTask.class);
      if (jobs.contains(failed.jobId().toString())
          && failed.error() != null
          && failed.error().code() != null
          && failed.attempts() >= 1) {
        tasks.add(failed.jobId() + "/" + failed.taskNumber());
      }
    }
    return tasks;
  }

  /** Every record of the topic, read from its beginning to its end as of now. */
  List<ConsumerRecord<String, byte[]>> readAll(String topic) {
    Properties properties = new Properties();
    properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrap());
    properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
          && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(500)).forEach(records::add);
      }
    }
    return records;
  }
}
