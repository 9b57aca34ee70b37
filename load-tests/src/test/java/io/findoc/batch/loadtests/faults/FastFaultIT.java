package io.findoc.batch.loadtests.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.findoc.batch.common.event.EventType;
import io.findoc.batch.common.topic.DeadLetters;
import io.findoc.batch.common.topic.TopicNames;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The fast subset of the fault catalogue, run by {@code ./findoc test}: FI-01 ({@code kill -9} of a
 * worker with tasks running), FI-05 for events ({@code kill -9} of the coordinator while a job's
 * events flow to a webhook receiver and the events topic: INV-7), FI-09 (poison bytes on a task
 * topic and on the status topic) and FI-13 (one submission sent twice with one Idempotency-Key), on
 * one stack of real processes; and the {@link InvariantChecker}'s own test, which breaks each
 * invariant by hand.
 */
@Tag("faults")
class FastFaultIT {

  private static FaultStack stack;

  @BeforeAll
  static void up() {
    stack = FaultStack.start("fast", 2, FaultStack.WEBHOOKS_TO_THIS_HOST);
  }

  @AfterAll
  static void down() {
    stack.close();
  }

  @Test
  void fi01KilledWorkersTasksRunAgainAfterTheirLeaseAndEndOnce() throws Exception {
    FaultRun run = new FaultRun("FI-01", stack);
    // About 40 s of work for two workers of eight threads: a kill always finds some running.
    long submitted = System.nanoTime();
    String id = run.submit(300, "simulate", Map.of("sleepMs", 2000));
    await().atMost(Duration.ofMinutes(3)).until(() -> run.running(id) >= 2);
    System.out.println(
        "FAULT FI-01: 2 tasks seen running "
            + Duration.ofNanos(System.nanoTime() - submitted).toMillis()
            + "ms after the submission");

    stack.signal("worker-1", "KILL");
    run.injected("kill -9 worker-1 with " + run.running(id) + " tasks running");
    stack.up();
    run.faultRemoved();

    InvariantChecker.Findings findings = run.finish(Duration.ofMinutes(4));
    assertThat(run.succeeded(id)).isEqualTo(300);
    assertThat(findings.tasks()).isEqualTo(300);
  }

  /**
   * A job's whole life reaches a webhook receiver (its own signature check) and the events topic,
   * each event once after deduplication by id, though the coordinator is killed while the events
   * flow; prints what the kill cost and the delivery latency.
   */
  @Test
  void fi05EveryEventArrivesSignedOnceAndInOrderAcrossACoordinatorKill() throws Exception {
    FaultRun run = new FaultRun("FI-05 events", stack);
    int tasks = 400;
    try (WebhookReceiver receiver = new WebhookReceiver()) {
      JsonNode endpoint =
          stack
              .client()
              .call(
                  "POST",
                  "/api/webhooks",
                  Map.of(
                      "url",
                      receiver.url(),
                      "eventTypes",
                      Arrays.stream(EventType.values()).map(EventType::wireName).toList()),
                  201);
      receiver.secret(endpoint.get("secret").asString());
      try {
        // About 8 s of work for two workers of eight threads; three tasks fail for good.
        String id =
            run.submit(
                tasks,
                "simulate",
                Map.of(
                    "sleepMs",
                    300,
                    "failure",
                    "permanent",
                    "failDocuments",
                    List.of("doc-7", "doc-70", "doc-170")));
        await()
            .atMost(Duration.ofMinutes(3))
            .until(() -> taskEventsReceived(receiver, id) >= tasks / 4);

        Instant killed = Instant.now();
        stack.signal("coordinator", "KILL");
        run.injected(
            "kill -9 coordinator with "
                + taskEventsReceived(receiver, id)
                + " task events of the job received and "
                + outboxBacklog()
                + " in flight");
        stack.up();
        Instant restarted = Instant.now();
        run.faultRemoved();
        run.finish(Duration.ofMinutes(4));

        EventChecker checker = new EventChecker(stack);
        checker.awaitArrived(id, receiver, Duration.ofMinutes(2));
        EventChecker.Findings findings = checker.check(id, tasks, receiver.received());
        System.out.println("FAULT FI-05 events RESULT " + findings);
        printLatency(findings, killed, restarted);
        assertThat(findings.violations()).as("events after a coordinator kill").isEmpty();

        // The checker itself: an event in the outbox that never left is reported.
        try (var db = stack.db();
            var insert =
                db.prepareStatement(
                    "INSERT INTO job_event (job_id, tenant_id, type, data, relayed_at)"
                        + " SELECT id, tenant_id, 'batch.job.progress', '{}', now() FROM job"
                        + " WHERE id = CAST(? AS uuid)")) {
          insert.setString(1, id);
          assertThat(insert.executeUpdate()).isEqualTo(1);
        }
        assertThat(checker.check(id, tasks, receiver.received()).violations())
            .anyMatch(v -> v.startsWith("INV-7") && v.contains("never arrived"))
            .anyMatch(v -> v.startsWith("INV-7: the topic lacks"));
      } finally {
        // Later jobs of the tenant then write no task events and deliver nothing here.
        stack.client().call("DELETE", "/api/webhooks/" + endpoint.get("id").asString(), null, 204);
      }
    }
  }

  private static long taskEventsReceived(WebhookReceiver receiver, String jobId) {
    return receiver.received().stream()
        .filter(r -> jobId.equals(r.jobId()) && r.type().startsWith("batch.task."))
        .count();
  }

  /** Events not yet relayed and deliveries not yet made, over all jobs. */
  private static String outboxBacklog() throws Exception {
    try (var db = stack.db();
        var q =
            db.prepareStatement(
                "SELECT (SELECT count(*) FROM job_event WHERE relayed_at IS NULL),"
                    + " (SELECT count(*) FROM webhook_delivery WHERE state = 'PENDING')");
        var rs = q.executeQuery()) {
      rs.next();
      return rs.getLong(1) + " events not relayed, " + rs.getLong(2) + " deliveries pending";
    }
  }

  /**
   * Latency from an event's row to its first arrival: of the events that arrived before the kill
   * (the undisturbed figure, also as a RESULT line; it leaves out the events still queued at the
   * kill), of those written after the restart, and of all.
   */
  private static void printLatency(
      EventChecker.Findings findings, Instant killed, Instant restarted) {
    List<Long> before =
        findings.latencies().stream()
            .filter(l -> l.occurredAt().plusMillis(l.millis()).isBefore(killed))
            .map(EventChecker.Latency::millis)
            .toList();
    List<Long> after =
        findings.latencies().stream()
            .filter(l -> l.occurredAt().isAfter(restarted))
            .map(EventChecker.Latency::millis)
            .toList();
    List<Long> all = findings.latencies().stream().map(EventChecker.Latency::millis).toList();
    System.out.printf(
        "FAULT FI-05 events latency (row written to first arrival): arrived before the kill p50=%dms"
            + " p99=%dms (%d events); after the restart p50=%dms p99=%dms (%d events);"
            + " all p50=%dms p99=%dms max=%dms (%d events)%n",
        EventChecker.percentile(before, 0.5),
        EventChecker.percentile(before, 0.99),
        before.size(),
        EventChecker.percentile(after, 0.5),
        EventChecker.percentile(after, 0.99),
        after.size(),
        EventChecker.percentile(all, 0.5),
        EventChecker.percentile(all, 0.99),
        EventChecker.percentile(all, 1),
        all.size());
    System.out.printf(
        "RESULT events latencyP50Ms=%d latencyP99Ms=%d events=%d%n",
        EventChecker.percentile(before, 0.5), EventChecker.percentile(before, 0.99), before.size());
  }

  @Test
  void fi09PoisonBytesAreDeadLetteredAndThePartitionsKeepFlowing() throws Exception {
    FaultRun run = new FaultRun("FI-09", stack);
    TopicNames topics = TopicNames.DEFAULTS;
    Properties properties = new Properties();
    properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrap());
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer())) {
      byte[] poison = {(byte) 0xde, (byte) 0xad, '{', (byte) 0xbe, (byte) 0xef};
      for (int partition = 0; partition < 12; partition++) {
        producer.send(new ProducerRecord<>(topics.tasksNormal(), partition, "poison", poison));
        producer.send(new ProducerRecord<>(topics.taskStatus(), partition, "poison", poison));
      }
      producer.flush();
    }
    run.injected(
        "24 unreadable records: one on each partition of the normal task and status topics");
    String id = run.submit(200, "noop", Map.of());

    run.finish(Duration.ofMinutes(2));
    assertThat(run.succeeded(id)).isEqualTo(200);
    long fromTasks = 0;
    long fromStatus = 0;
    for (ConsumerRecord<String, byte[]> record :
        new InvariantChecker(stack).readAll(topics.deadLetters())) {
      Header origin = record.headers().lastHeader(DeadLetters.ORIGINAL_TOPIC);
      if (origin == null || !"poison".equals(record.key())) {
        continue;
      }
      String topic = new String(origin.value(), StandardCharsets.UTF_8);
      fromTasks += topic.equals(topics.tasksNormal()) ? 1 : 0;
      fromStatus += topic.equals(topics.taskStatus()) ? 1 : 0;
    }
    System.out.println(
        "FAULT FI-09 dead letters: "
            + fromTasks
            + " from the task topic, "
            + fromStatus
            + " from the status topic");
    // Each worker's copy of the normal priority group reads each poisoned task partition once.
    assertThat(fromTasks).isGreaterThanOrEqualTo(12);
    assertThat(fromStatus).isGreaterThanOrEqualTo(12);
  }

  /**
   * Reports another Kafka client writes on the status topic while a job runs, each readable but
   * invalid: before the intake checked them, one stopped it for every tenant, every lease expired
   * and every running task was run again. Now each is dead-lettered with its reason, and the job
   * finishes with no task run twice.
   */
  @Test
  void forgedStatusReportsAreDeadLetteredAndTheJobFinishesWithNoReRun() throws Exception {
    FaultRun run = new FaultRun("forged reports", stack);
    // About 6 s of work for two workers of eight threads.
    String id = run.submit(1000, "simulate", Map.of("sleepMs", 100));
    await().atMost(Duration.ofMinutes(2)).until(() -> run.succeeded(id) >= 50);
    String times = "\"startedAt\":\"2026-12-03T10:00:00Z\",\"finishedAt\":\"2026-12-03T10:00:01Z\"";
    String of = "{\"version\":1,\"jobId\":\"" + id + "\",";
    List<String> forged =
        List.of(
            "{\"version\":1,\"kind\":\"SUCCEEDED\",\"taskNumber\":900,\"attempt\":1," + times + "}",
            of
                + "\"kind\":\"SUCCEEDED\",\"taskNumber\":901,\"attempt\":1,\"worker\":\"w\\u0000\","
                + times
                + "}",
            of
                + "\"kind\":\"FAILED\",\"taskNumber\":902,\"attempt\":1,\"worker\":\"w\","
                + times
                + ",\"error\":{\"code\":\"X\",\"message\":\"a\\u0000b\",\"retryable\":false}}",
            of
                + "\"kind\":\"SUCCEEDED\",\"taskNumber\":903,\"attempt\":1,\"worker\":\"w\","
                + times
                + ",\"result\":{\"name\":\"\\u0000\"}}",
            of
                + "\"kind\":\"SUCCEEDED\",\"taskNumber\":0,\"attempt\":1,\"worker\":\"w\","
                + times
                + "}",
            of
                + "\"kind\":\"SUCCEEDED\",\"taskNumber\":904,\"attempt\":-3,\"worker\":\"w\","
                + times
                + "}",
            of
                + "\"kind\":\"SUCCEEDED\",\"taskNumber\":905,\"attempt\":1,\"worker\":\"w\","
                + "\"startedAt\":\"2026-12-03T10:00:00Z\",\"finishedAt\":\"+300000-01-01T00:00:00Z\"}");
    Properties properties = new Properties();
    properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrap());
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer())) {
      for (String report : forged) {
        producer.send(
            new ProducerRecord<>(
                TopicNames.DEFAULTS.taskStatus(), id, report.getBytes(StandardCharsets.UTF_8)));
      }
      producer.flush();
    }
    run.injected(forged.size() + " readable but invalid reports on the job's status partition");
    run.faultRemoved();

    InvariantChecker.Findings findings = run.finish(Duration.ofMinutes(3));
    assertThat(run.succeeded(id)).isEqualTo(1000);
    assertThat(findings.reRunTasks()).as("tasks run again").isZero();
    List<String> reasons =
        new InvariantChecker(stack)
            .readAll(TopicNames.DEFAULTS.deadLetters()).stream()
                .filter(r -> id.equals(r.key()))
                .map(r -> r.headers().lastHeader(DeadLetters.REASON))
                .filter(h -> h != null)
                .map(h -> new String(h.value(), StandardCharsets.UTF_8))
                .filter(reason -> reason.startsWith("invalid status report: "))
                .toList();
    System.out.println("FAULT forged reports: dead-lettered with " + reasons);
    assertThat(reasons).hasSize(forged.size());
  }

  @Test
  void fi13OneSubmissionSentTwiceWithOneKeyMakesOneJob() throws Exception {
    FaultRun run = new FaultRun("FI-13", stack);
    String body =
        "{\"name\":\"twice\",\"processor\":\"noop\",\"documents\":["
            + "{\"id\":\"a\",\"text\":\"a\"},{\"id\":\"b\",\"text\":\"b\"}]}";
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest request =
        HttpRequest.newBuilder(stack.client().api().resolve(URI.create("/api/batch/jobs")))
            .header("Authorization", "Bearer " + stack.apiKey())
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", "fi-13-" + System.nanoTime())
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> first = http.send(request, HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> second = http.send(request, HttpResponse.BodyHandlers.ofString());
    run.injected("the same submission twice with one Idempotency-Key");

    JsonNode one = io.findoc.batch.common.json.Json.mapper().readTree(first.body());
    JsonNode two = io.findoc.batch.common.json.Json.mapper().readTree(second.body());
    assertThat(first.statusCode()).isEqualTo(202);
    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(two.get("id").asString()).isEqualTo(one.get("id").asString());
    run.accepted(one.get("id").asString(), 2);
    run.finish(Duration.ofMinutes(1));
    try (var db = stack.db();
        var q = db.prepareStatement("SELECT count(*) FROM job WHERE name = 'twice'");
        var rs = q.executeQuery()) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(1);
    }
  }

  /**
   * The checker itself: a clean run passes, and each invariant, broken by hand in the database of a
   * finished job, is reported. A checker that cannot fail would let every fault test pass.
   */
  @Test
  void theCheckerReportsEachInvariantBrokenByHand() throws Exception {
    FaultRun run = new FaultRun("checker", stack);
    Map<String, String> corruptions = new LinkedHashMap<>();
    corruptions.put(
        "INV-1",
        "UPDATE task SET state = 'RUNNING', finished_at = NULL WHERE job_id = ?::uuid"
            + " AND number = 1");
    corruptions.put(
        "INV-2",
        "UPDATE job SET succeeded = succeeded - 1, failed = failed + 1 WHERE id = ?::uuid");
    corruptions.put("INV-3", "DELETE FROM task WHERE job_id = ?::uuid AND number = 2");
    corruptions.put(
        "INV-4/INV-5",
        "UPDATE task SET attempt = attempt + 1 WHERE job_id = ?::uuid AND number = 3");
    corruptions.put(
        "INV-5: job",
        "INSERT INTO job_history (job_id, from_state, to_state, actor)"
            + " VALUES (?::uuid, 'COMPLETED', 'QUEUED', 'checker test')");
    corruptions.put(
        "INV-6",
        "UPDATE task SET state = 'FAILED', error_code = 'BROKEN_BY_HAND', result = NULL"
            + " WHERE job_id = ?::uuid AND number = 1");
    Map<String, String> jobs = new LinkedHashMap<>();
    for (String invariant : corruptions.keySet()) {
      jobs.put(invariant, run.submit(3, "noop", Map.of()));
    }
    run.finish(Duration.ofMinutes(2));

    for (Map.Entry<String, String> corruption : corruptions.entrySet()) {
      String id = jobs.get(corruption.getKey());
      try (var db = stack.db();
          var update = db.prepareStatement(corruption.getValue())) {
        update.setString(1, id);
        assertThat(update.executeUpdate()).isEqualTo(1);
      }
      List<String> violations = new InvariantChecker(stack).check(Map.of(id, 3)).violations();
      System.out.println("FAULT checker: " + corruption.getKey() + " broken -> " + violations);
      assertThat(violations)
          .as("violations found after breaking %s", corruption.getKey())
          .anyMatch(v -> v.startsWith(corruption.getKey()));
    }
  }
}
