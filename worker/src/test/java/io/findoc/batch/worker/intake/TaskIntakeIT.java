package io.findoc.batch.worker.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.findoc.batch.common.id.JobId;
import io.findoc.batch.common.json.JsonSerde;
import io.findoc.batch.common.message.Document;
import io.findoc.batch.common.message.Priority;
import io.findoc.batch.common.message.StatusKind;
import io.findoc.batch.common.message.StatusMessage;
import io.findoc.batch.common.message.TaskMessage;
import io.findoc.batch.common.topic.DeadLetters;
import io.findoc.batch.worker.testing.TestKafka;
import io.findoc.batch.worker.testing.TestTasks;
import io.findoc.batch.worker.testing.TestWorkers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;

/** A worker alone on the real broker: task messages in, status reports out. */
class TaskIntakeIT {

  private static final String PREFIX = "w" + UUID.randomUUID().toString().substring(0, 8) + ".";
  private static final String HIGH = PREFIX + "tasks.high";
  private static final String NORMAL = PREFIX + "tasks.normal";
  private static final String LOW = PREFIX + "tasks.low";
  private static final String STATUS = PREFIX + "task-status";
  private static final String DLT = PREFIX + "tasks.dlt";

  private static ConfigurableApplicationContext worker;
  private static KafkaProducer<String, byte[]> producer;
  private static KafkaConsumer<String, byte[]> consumer;
  private static final List<ConsumerRecord<String, byte[]>> received = new ArrayList<>();
  private static final JsonSerde<TaskMessage> tasks = new JsonSerde<>(TaskMessage.class);
  private static final JsonSerde<StatusMessage> statuses = new JsonSerde<>(StatusMessage.class);

  @BeforeAll
  static void start() throws Exception {
    TestWorkers.createTopics(PREFIX);
    worker = TestWorkers.start(PREFIX, "test-worker", "--findoc.worker.heartbeat-interval=400ms");
    producer = TestKafka.producer();
    consumer = TestKafka.reader(PREFIX + "reader");
    consumer.subscribe(List.of(STATUS, DLT));
  }

  @AfterAll
  static void stop() {
    consumer.close();
    producer.close();
    worker.close();
  }

  @Test
  void theWorkerIsReadyWhenItReachesTheBroker() throws Exception {
    String port = worker.getEnvironment().getProperty("local.server.port");
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> readiness =
        http.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(readiness.statusCode()).isEqualTo(200);
    assertThat(readiness.body()).contains("\"status\":\"UP\"");
    // The readiness group names the check (the worker would not start otherwise); it is up.
    Health kafka = worker.getBean("kafka", HealthIndicator.class).health(true);
    assertThat(kafka.getStatus()).isEqualTo(Status.UP);
    assertThat(kafka.getDetails()).containsEntry("brokers", 1).containsKey("clusterId");
  }

  @Test
  void everyTaskOfEveryPriorityIsReportedOnceWithItsStartTime() {
    JobId job = JobId.random();
    for (int n = 1; n <= 30; n++) {
      Priority priority = Priority.values()[n % 3];
      send(topic(priority), TestTasks.task(job, n, priority, "noop", Map.of()));
    }

    List<StatusMessage> reports = awaitReports(job, 30);

    for (int n = 1; n <= 30; n++) {
      int number = n;
      List<StatusMessage> ofTask = reports.stream().filter(r -> r.taskNumber() == number).toList();
      assertThat(ofTask).as("task %d", n).hasSize(1);
      assertThat(ofTask.get(0).kind()).isEqualTo(StatusKind.SUCCEEDED);
      assertThat(ofTask.get(0).startedAt())
          .isNotNull()
          .isBeforeOrEqualTo(ofTask.get(0).finishedAt());
    }
    assertThat(reports).allSatisfy(r -> assertThat(r.worker()).isEqualTo("test-worker"));
  }

  /**
   * The simulate processor returns the document id in its result; PostgreSQL takes no NUL in jsonb,
   * so the coordinator would dead-letter the report and the task would wait for its lease.
   */
  @Test
  void aResultTheStatusTopicRefusesIsReportedAsAPermanentFailure() {
    JobId job = JobId.random();
    TaskMessage plain = TestTasks.task(job, 1, Priority.HIGH, "simulate", Map.of());
    send(
        HIGH,
        new TaskMessage(
            plain.version(),
            job,
            1,
            1,
            plain.tenant(),
            Priority.HIGH,
            "simulate",
            Map.of(),
            Document.ofText("doc-\u0000-1", "text")));

    StatusMessage report =
        awaitReports(job, 1).stream().filter(r -> r.kind().isFinal()).findFirst().orElseThrow();

    assertThat(report.kind()).isEqualTo(StatusKind.FAILED);
    assertThat(report.error().code()).isEqualTo("REPORT_INVALID");
    assertThat(report.error().retryable()).isFalse();
    assertThat(report.error().message()).contains("result.document has a NUL character");
  }

  @Test
  void attemptStillRunningAfterTheDelayIsReportedStartedFirst() {
    JobId job = JobId.random();
    send(HIGH, TestTasks.task(job, 1, Priority.HIGH, "simulate", Map.of("sleepMs", 500)));

    List<StatusMessage> reports =
        awaitReports(job, 2).stream().filter(r -> r.kind() != StatusKind.HEARTBEAT).toList();

    assertThat(reports)
        .extracting(StatusMessage::kind)
        .containsExactly(StatusKind.STARTED, StatusKind.SUCCEEDED);
    assertThat(reports.get(0).startedAt()).isEqualTo(reports.get(1).startedAt());
  }

  @Test
  void aLongAttemptSendsHeartbeatsUntilItEnds() {
    JobId job = JobId.random();
    send(NORMAL, TestTasks.task(job, 1, Priority.NORMAL, "simulate", Map.of("sleepMs", 2000)));

    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> awaitReports(job, 1).stream().anyMatch(r -> r.kind().isFinal()));
    List<StatusMessage> reports = awaitReports(job, 1);

    assertThat(reports.get(0).kind()).isEqualTo(StatusKind.STARTED);
    assertThat(reports.get(reports.size() - 1).kind()).isEqualTo(StatusKind.SUCCEEDED);
    assertThat(reports.subList(1, reports.size() - 1))
        .hasSizeGreaterThanOrEqualTo(2)
        .allSatisfy(
            heartbeat -> {
              assertThat(heartbeat.kind()).isEqualTo(StatusKind.HEARTBEAT);
              assertThat(heartbeat.startedAt()).isEqualTo(reports.get(0).startedAt());
            });
  }

  @Test
  void aCompensationRunningBesideItsTasksAttemptSendsHeartbeatsOfItsOwn() {
    JobId job = JobId.random();
    TaskMessage attempt =
        TestTasks.task(job, 1, Priority.NORMAL, "simulate", Map.of("sleepMs", 2000));
    send(NORMAL, attempt);
    send(NORMAL, compensationOf(attempt));

    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> awaitReports(job, 1).stream().filter(r -> r.kind().isFinal()).count() == 2);
    List<StatusMessage> heartbeats =
        awaitReports(job, 1).stream().filter(r -> r.kind() == StatusKind.HEARTBEAT).toList();

    // Same task, same attempt number: only the compensation flag tells the two apart.
    assertThat(heartbeats).anyMatch(StatusMessage::compensation);
    assertThat(heartbeats).anyMatch(r -> !r.compensation());
  }

  @Test
  void failureIsReportedWithItsCodeAndRetryability() {
    JobId job = JobId.random();
    send(NORMAL, TestTasks.task(job, 1, Priority.NORMAL, "simulate", Map.of("failAttempts", 1)));
    send(NORMAL, TestTasks.task(job, 2, Priority.NORMAL, "no-such-processor", Map.of()));

    List<StatusMessage> finals = awaitReports(job, 2);

    StatusMessage simulated = finals.stream().filter(r -> r.taskNumber() == 1).findFirst().get();
    assertThat(simulated.error().code()).isEqualTo("SIMULATED_FAILURE");
    assertThat(simulated.error().retryable()).isTrue();
    StatusMessage unknown = finals.stream().filter(r -> r.taskNumber() == 2).findFirst().get();
    assertThat(unknown.error().code()).isEqualTo("UNKNOWN_PROCESSOR");
    assertThat(unknown.error().retryable()).isFalse();
  }

  @Test
  void poisonTaskMessageIsDeadLetteredAndThePartitionKeepsFlowing() {
    JobId job = JobId.random();
    String poisonKey = job + "/poison";
    byte[] poison = "not json at all".getBytes(StandardCharsets.UTF_8);
    sendRaw(LOW, poisonKey, poison);
    send(LOW, TestTasks.task(job, 1, Priority.LOW, "noop", Map.of()));

    awaitReports(job, 1);

    ConsumerRecord<String, byte[]> dead =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> {
                  pollOnce();
                  return received.stream()
                      .filter(r -> r.topic().equals(DLT) && poisonKey.equals(r.key()))
                      .findFirst()
                      .orElse(null);
                },
                r -> r != null);
    assertThat(dead.value()).isEqualTo(poison);
    assertThat(new String(dead.headers().lastHeader(DeadLetters.ORIGINAL_TOPIC).value()))
        .isEqualTo(LOW);
  }

  private static String topic(Priority priority) {
    return switch (priority) {
      case HIGH -> HIGH;
      case NORMAL -> NORMAL;
      case LOW -> LOW;
    };
  }

  private static TaskMessage compensationOf(TaskMessage task) {
    return new TaskMessage(
        TaskMessage.VERSION,
        task.jobId(),
        task.taskNumber(),
        1,
        task.tenant(),
        task.priority(),
        task.processor(),
        task.options(),
        task.document(),
        true);
  }

  private static void send(String topic, TaskMessage task) {
    sendRaw(topic, task.taskId().toString(), tasks.serialize(topic, task));
  }

  private static void sendRaw(String topic, String key, byte[] value) {
    try {
      producer.send(new ProducerRecord<>(topic, key, value)).get();
    } catch (InterruptedException | ExecutionException e) {
      throw new IllegalStateException(e);
    }
  }

  private static synchronized void pollOnce() {
    consumer.poll(Duration.ofMillis(200)).forEach(received::add);
  }

  /** Waits until {@code count} reports of the job arrived; returns them in order. */
  private static List<StatusMessage> awaitReports(JobId job, int count) {
    return await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              pollOnce();
              return received.stream()
                  .filter(r -> r.topic().equals(STATUS) && r.key().equals(job.toString()))
                  .map(r -> statuses.deserialize(STATUS, r.value()))
                  .toList();
            },
            reports -> reports.size() >= count);
  }
}
