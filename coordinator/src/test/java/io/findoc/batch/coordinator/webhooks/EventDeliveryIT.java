package io.findoc.batch.coordinator.webhooks;

import static io.findoc.batch.coordinator.testing.Submission.aSubmission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.findoc.batch.coordinator.testing.Api;
import io.findoc.batch.coordinator.testing.Awaits;
import io.findoc.batch.coordinator.testing.StackExtension;
import io.findoc.batch.coordinator.testing.TopicRecords;
import io.findoc.batch.coordinator.testing.WebhookReceiver;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every event reaches a tenant's endpoint and the events topic exactly once per id after
 * deduplication, also when the coordinator is restarted in the middle of the jobs; prints the
 * delivery latency (event written to receiver called), p50 and p99.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EventDeliveryIT {

  private static final String PATH = "/everything";
  @AutoClose static final WebhookReceiver receiver = WebhookReceiver.start();

  @RegisterExtension
  static final StackExtension stack =
      StackExtension.withWebhooksToThisMachine(
          1,
          Map.of(
              "findoc.webhooks.initial-backoff", "200ms",
              "findoc.webhooks.max-backoff", "1s",
              "findoc.webhooks.timeout", "2s",
              "findoc.events.progress-interval", "1s"));

  /** Subscribes the receiver's {@code PATH} to every event type. */
  @BeforeAll
  static void subscribe() {
    Api.Response created =
        stack
            .api()
            .post(
                "/api/webhooks",
                Api.json(
                    Map.of(
                        "url",
                        receiver.url(PATH),
                        "eventTypes",
                        List.of(
                            "batch.job.created",
                            "batch.job.started",
                            "batch.job.progress",
                            "batch.job.completed",
                            "batch.job.failed",
                            "batch.task.completed",
                            "batch.task.failed"))));
    assertThat(created.status()).isEqualTo(201);
    receiver.secrets(PATH, created.body().get("secret").asString());
  }

  @Test
  @Order(1)
  void eventsOfSteadyJobsArriveOnceEachWithTheirLatency() {
    List<String> jobs = submit(3, 100);
    jobs.forEach(job -> Awaits.jobReaches(stack.api(), job, Duration.ofSeconds(120), "COMPLETED"));

    Map<String, Instant> written = awaitAllDelivered(jobs);
    printLatency("steady", written);
  }

  @Test
  @Order(2)
  void aCoordinatorRestartInTheMiddleLosesNoEventAndDeliversEachIdOnceAfterDedup() {
    List<String> jobs = submit(4, 200);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                receiver.received(PATH).stream()
                    .anyMatch(r -> r.type().equals("batch.task.completed")));

    stack.running().restartCoordinator();

    jobs.forEach(job -> Awaits.jobReaches(stack.api(), job, Duration.ofSeconds(180), "COMPLETED"));
    Map<String, Instant> written = awaitAllDelivered(jobs);
    printLatency("across a coordinator restart", written);

    // On the topic too: every event, in each job's order (duplicates of a re-run relay round
    // aside).
    String topic = stack.property("findoc.topics.job-events");
    List<ConsumerRecord<String, byte[]>> records =
        TopicRecords.readUntil(
            topic,
            read ->
                read.stream()
                    .map(r -> header(r, "ce_id"))
                    .collect(Collectors.toSet())
                    .containsAll(written.keySet()));
    for (String job : jobs) {
      List<String> onTopic =
          records.stream()
              .filter(r -> job.equals(r.key()))
              .map(r -> header(r, "ce_id"))
              .distinct()
              .toList();
      assertThat(onTopic)
          .as("events of job %s on the topic, in order", job)
          .isEqualTo(eventIds(job));
      List<String> types =
          records.stream().filter(r -> job.equals(r.key())).map(r -> header(r, "ce_type")).toList();
      assertThat(types.stream().filter("batch.job.completed"::equals).count())
          .as("one completion per job")
          .isEqualTo(
              records.stream()
                  .filter(r -> job.equals(r.key()))
                  .filter(r -> header(r, "ce_type").equals("batch.job.completed"))
                  .map(r -> header(r, "ce_id"))
                  .distinct()
                  .count());
    }
  }

  private static List<String> submit(int jobs, int tasks) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < jobs; i++) {
      ids.add(
          stack
              .api()
              .submit(
                  aSubmission().processor("simulate").tasks(tasks).option("sleepMs", 20).json()));
    }
    return ids;
  }

  /**
   * Waits until the receiver got every event of the jobs; checks each arrived with a valid
   * signature and once per id after dedup; returns when each was written.
   */
  private static Map<String, Instant> awaitAllDelivered(List<String> jobs) {
    Map<String, Instant> written = new LinkedHashMap<>();
    for (String job : jobs) {
      written.putAll(eventTimes(job));
    }
    await()
        .atMost(Duration.ofSeconds(120))
        .until(
            () ->
                receiver.received(PATH).stream()
                    .map(WebhookReceiver.Received::webhookId)
                    .collect(Collectors.toSet())
                    .containsAll(written.keySet()));
    List<WebhookReceiver.Received> got =
        receiver.received(PATH).stream().filter(r -> written.containsKey(r.webhookId())).toList();
    assertThat(got).allMatch(WebhookReceiver.Received::signatureValid);
    Set<String> distinct =
        got.stream().map(WebhookReceiver.Received::webhookId).collect(Collectors.toSet());
    assertThat(distinct).isEqualTo(written.keySet());
    for (String job : jobs) {
      long completions =
          got.stream()
              .filter(r -> r.type().equals("batch.job.completed"))
              .filter(r -> r.data().get("jobId").asString().equals(job))
              .map(WebhookReceiver.Received::webhookId)
              .distinct()
              .count();
      assertThat(completions).as("completion events of %s", job).isEqualTo(1);
      assertThat(
              got.stream()
                  .filter(r -> r.type().equals("batch.task.completed"))
                  .filter(r -> r.data().get("jobId").asString().equals(job))
                  .map(WebhookReceiver.Received::webhookId)
                  .distinct()
                  .count())
          .isEqualTo(stack.api().job(job).get("counts").get("total").asLong());
    }
    System.out.printf(
        "EVENTS delivered=%d distinct=%d duplicates=%d%n",
        got.size(), distinct.size(), got.size() - distinct.size());
    return written;
  }

  private static void printLatency(String run, Map<String, Instant> written) {
    Map<String, Instant> first = new HashMap<>();
    for (WebhookReceiver.Received r : receiver.received(PATH)) {
      first.merge(r.webhookId(), r.receivedAt(), (a, b) -> a.isBefore(b) ? a : b);
    }
    List<Long> millis =
        written.entrySet().stream()
            .map(e -> Duration.between(e.getValue(), first.get(e.getKey())).toMillis())
            .sorted()
            .toList();
    System.out.printf(
        "RESULT webhook-latency run=\"%s\" events=%d p50_ms=%d p99_ms=%d max_ms=%d%n",
        run,
        millis.size(),
        millis.get(millis.size() / 2),
        millis.get(Math.min(millis.size() - 1, (int) Math.ceil(millis.size() * 0.99) - 1)),
        millis.get(millis.size() - 1));
    System.out.println(
        "RESULT webhook-latency-parts run=\""
            + run
            + "\" "
            + stack
                .jdbi()
                .withHandle(
                    h ->
                        h.createQuery(
                                "SELECT 'written_to_relayed_ms=' || round(avg(extract(epoch FROM"
                                    + " e.relayed_at - e.occurred_at)) * 1000) || '"
                                    + " relayed_to_delivered_ms=' || round(avg(extract(epoch FROM"
                                    + " d.delivered_at - e.relayed_at)) * 1000) || '"
                                    + " http_ms=' || round(avg(d.latency_ms)) || ' attempts=' ||"
                                    + " sum(d.attempt) FROM webhook_delivery d JOIN job_event e ON"
                                    + " e.id = d.event_id WHERE d.state = 'SUCCEEDED'")
                            .mapTo(String.class)
                            .one()));
  }

  private static List<String> eventIds(String job) {
    return new ArrayList<>(eventTimes(job).keySet());
  }

  private static Map<String, Instant> eventTimes(String job) {
    Map<String, Instant> times = new LinkedHashMap<>();
    stack
        .jdbi()
        .useHandle(
            h ->
                h.createQuery(
                        "SELECT CAST(id AS text) AS id, occurred_at FROM job_event"
                            + " WHERE job_id = CAST(:j AS uuid) ORDER BY seq")
                    .bind("j", job)
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getTimestamp(2).toInstant()))
                    .forEach(e -> times.put(e.getKey(), e.getValue())));
    return times;
  }

  private static String header(ConsumerRecord<String, byte[]> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
