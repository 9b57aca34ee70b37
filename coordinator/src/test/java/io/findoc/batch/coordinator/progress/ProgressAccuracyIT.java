package io.findoc.batch.coordinator.progress;

import static io.findoc.batch.coordinator.testing.Submission.aSubmission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.findoc.batch.common.json.Json;
import io.findoc.batch.common.json.JsonSerde;
import io.findoc.batch.common.message.StatusKind;
import io.findoc.batch.common.message.StatusMessage;
import io.findoc.batch.coordinator.testing.StackExtension;
import io.findoc.batch.devstack.TestInfrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * The progress a job reports is the truth, at most a second late: while two workers run a few
 * thousand tasks, this test reads every SUCCEEDED report off the status topic itself (noting when
 * it first saw each task's) and samples {@code GET /api/batch/jobs/{id}} every 50 ms. Every sample
 * must count at least the tasks whose reports were on the topic a second before the sample was
 * asked for, and the final count must equal the tasks reported. Watchers of the job's stream see
 * its count grow to the end, then the stream closes. (How close the stream follows the truth is
 * measured, not asserted: {@code ./findoc bench --scenario progress}.)
 */
class ProgressAccuracyIT {

  private static final Duration ALLOWED_LAG = Duration.ofSeconds(1);

  @RegisterExtension static final StackExtension stack = StackExtension.withWorkers(2);

  private record Sample(long askedAtNanos, int succeeded) {}

  @Test
  void reportedProgressTrailsTheFinishedTasksByAtMostOneSecond() throws Exception {
    String topic = stack.property("findoc.topics.task-status");
    Map<String, Long> seenAt = new ConcurrentHashMap<>();
    AtomicBoolean reading = new AtomicBoolean(true);
    // The reader starts at the topic's current end, before the job exists.
    Thread reader = new Thread(() -> readReports(topic, seenAt, reading));
    reader.start();
    await().atMost(Duration.ofSeconds(30)).until(() -> readerReady);
    // Warm up: the first batches after a start wait for group joins and a cold JIT.
    String warmUp = stack.api().submit(aSubmission().tasks(200).json());
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> !stack.api().job(warmUp).get("finishedAt").isNull());
    String job =
        stack
            .api()
            .submit(aSubmission().processor("simulate").tasks(3000).option("sleepMs", 10).json());
    List<Sample> samples = new ArrayList<>();
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (System.nanoTime() < deadline) {
      long asked = System.nanoTime();
      JsonNode view = stack.api().job(job);
      samples.add(new Sample(asked, view.at("/counts/succeeded").asInt()));
      if (!view.get("finishedAt").isNull()) {
        break;
      }
      Thread.sleep(50);
    }
    int reported = samples.get(samples.size() - 1).succeeded();
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> ofJob(seenAt, job).size() >= reported);
    reading.set(false);
    reader.join(10_000);

    assertThat(reported).isEqualTo(3000);
    List<Long> seen = ofJob(seenAt, job);
    assertThat(seen).hasSize(reported);
    seen.sort(Long::compare);
    long worstLagNanos = 0;
    int behind = 0;
    for (Sample sample : samples) {
      long known =
          seen.stream().filter(t -> t <= sample.askedAtNanos() - ALLOWED_LAG.toNanos()).count();
      if (sample.succeeded() < known) {
        behind++;
      }
      if (sample.succeeded() < seen.size()) {
        long firstMissing = seen.get(sample.succeeded());
        worstLagNanos = Math.max(worstLagNanos, sample.askedAtNanos() - firstMissing);
      }
    }
    System.out.printf(
        "PROGRESS samples=%d more_than_1s_behind=%d worst_lag_ms=%d%n",
        samples.size(), behind, TimeUnit.NANOSECONDS.toMillis(worstLagNanos));
    assertThat(behind).as("samples that missed reports older than a second").isZero();
    assertThat(Duration.ofNanos(worstLagNanos)).isLessThanOrEqualTo(ALLOWED_LAG);
  }

  private record StreamEvent(String state, int done, int total) {}

  @Test
  void everyWatcherOfAJobSeesItsProgressGrowToTheEndAndThenTheStreamCloses() throws Exception {
    String job =
        stack
            .api()
            .submit(aSubmission().processor("simulate").tasks(2000).option("sleepMs", 10).json());
    List<CompletableFuture<List<StreamEvent>>> watchers = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      watchers.add(CompletableFuture.supplyAsync(() -> follow(job)));
    }

    for (CompletableFuture<List<StreamEvent>> watcher : watchers) {
      List<StreamEvent> events = watcher.get(3, TimeUnit.MINUTES);
      assertThat(events).isNotEmpty();
      assertThat(events).extracting(StreamEvent::done).isSorted();
      assertThat(events.get(events.size() - 1)).isEqualTo(new StreamEvent("COMPLETED", 2000, 2000));
      assertThat(events.subList(0, events.size() - 1))
          .as("one event of the finished job, the last")
          .allMatch(e -> !e.state().equals("COMPLETED"));
    }
  }

  /** The job's {@code progress} events until its stream ends. */
  private static List<StreamEvent> follow(String job) {
    HttpRequest request =
        HttpRequest.newBuilder(stack.api().base().resolve("/api/batch/jobs/" + job + "/stream"))
            .header("Authorization", "Bearer " + stack.api().key())
            .build();
    try {
      HttpResponse<java.util.stream.Stream<String>> response =
          HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofLines());
      assertThat(response.statusCode()).isEqualTo(200);
      return response
          .body()
          .filter(line -> line.startsWith("data:"))
          .map(line -> Json.mapper().readTree(line.substring(5)))
          .map(
              view ->
                  new StreamEvent(
                      view.get("state").asString(),
                      view.at("/progress/done").asInt(),
                      view.at("/progress/total").asInt()))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static volatile boolean readerReady;

  /** When the SUCCEEDED report of each task of the job was first seen. */
  private static List<Long> ofJob(Map<String, Long> seenAt, String job) {
    return seenAt.entrySet().stream()
        .filter(e -> e.getKey().startsWith(job + "/"))
        .map(Map.Entry::getValue)
        .collect(Collectors.toCollection(ArrayList::new));
  }

  private static void readReports(String topic, Map<String, Long> seenAt, AtomicBoolean reading) {
    JsonSerde<StatusMessage> serde = new JsonSerde<>(StatusMessage.class);
    try (KafkaConsumer<String, byte[]> consumer = consumer()) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToEnd(partitions);
      partitions.forEach(consumer::position);
      readerReady = true;
      while (reading.get()) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(20))) {
          long now = System.nanoTime();
          StatusMessage report = serde.deserialize(topic, record.value());
          if (report != null && report.kind() == StatusKind.SUCCEEDED) {
            seenAt.putIfAbsent(report.jobId() + "/" + report.taskNumber(), now);
          }
        }
      }
    }
  }

  private static KafkaConsumer<String, byte[]> consumer() {
    return new KafkaConsumer<>(
        Map.of("bootstrap.servers", TestInfrastructure.kafkaBootstrap()),
        new StringDeserializer(),
        new ByteArrayDeserializer());
  }
}
