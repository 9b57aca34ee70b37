package io.findoc.batch.loadtests.faults;

import io.findoc.batch.common.json.Json;
import io.findoc.batch.common.message.FailedTask;
import io.findoc.batch.common.message.StatusKind;
import io.findoc.batch.common.message.StatusMessage;
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
 * the API and the dead-letter topic can show: INV-1 (every accepted task terminal, one row each),
 * INV-2 (counters equal the task rows and add up to the total; the job's state agrees with them),
 * INV-3 (every accepted job exists with all its tasks), INV-4 (at most one accepted result per
 * task: final reports seen on the status topic beyond one per task are duplicates that changed
 * nothing), INV-5 (every job history step is allowed by {@link JobState}), INV-6 (every FAILED task
 * has a dead-letter record with its code and attempts). INV-8 is the caller's wait for the jobs to
 * finish with no manual step. It also counts what the fault cost: tasks that took more than one
 * attempt, and attempts reported started more than once.
 */
final class InvariantChecker {

  /** What the checker found: violations (empty when every invariant holds) and costs. */
  record Findings(
      List<String> violations,
      int tasks,
      int reRunTasks,
      int duplicateFinalReports,
      int startedTwice,
      int deadLettered) {

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
          + " dead-lettered="
          + deadLettered
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
    readStatusTopic(accepted.keySet(), finalReports, starts);
    int duplicates = finalReports.values().stream().mapToInt(n -> Math.max(0, n - 1)).sum();
    int startedTwice = (int) starts.values().stream().filter(n -> n > 1).count();
    Set<String> deadLettered = readDeadLetters(accepted.keySet());
    for (String failed : failedTasks) {
      if (!deadLettered.contains(failed)) {
        violations.add("INV-6: failed task " + failed + " has no dead-letter record");
      }
    }
    return new Findings(violations, tasks, reRun, duplicates, startedTwice, deadLettered.size());
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

  private void readStatusTopic(
      Set<String> jobs, Map<String, Integer> finalReports, Map<String, Integer> starts) {
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
      String attempt =
          report.taskId() + "#" + report.attempt() + (report.compensation() ? "c" : "");
      if (report.kind() == StatusKind.SUCCEEDED || report.kind() == StatusKind.FAILED) {
        finalReports.merge(report.taskId() + (report.compensation() ? "c" : ""), 1, Integer::sum);
      } else if (report.kind() == StatusKind.STARTED) {
        starts.merge(attempt, 1, Integer::sum);
      }
    }
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
