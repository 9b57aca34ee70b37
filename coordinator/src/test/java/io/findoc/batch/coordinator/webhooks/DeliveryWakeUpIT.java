package io.findoc.batch.coordinator.webhooks;

import static io.findoc.batch.coordinator.testing.Submission.aSubmission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.findoc.batch.coordinator.testing.Api;
import io.findoc.batch.coordinator.testing.Awaits;
import io.findoc.batch.coordinator.testing.StackExtension;
import io.findoc.batch.coordinator.testing.WebhookReceiver;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The outbox relay and the webhook deliverer are woken by what this coordinator commits, not only
 * by their polls: with both polls at ten minutes, a job's events and a redelivery still arrive.
 */
class DeliveryWakeUpIT {

  private static final String PATH = "/woken";
  private static final Duration POLL = Duration.ofMinutes(10);
  @AutoClose static final WebhookReceiver receiver = WebhookReceiver.start();

  @RegisterExtension
  static final StackExtension stack =
      StackExtension.withWebhooksToThisMachine(
          1,
          Map.of(
              "findoc.webhooks.per-endpoint-in-flight", "2",
              "findoc.webhooks.poll-interval", POLL.toString(),
              "findoc.events.relay-interval", POLL.toString()));

  private static Api api;

  @BeforeAll
  static void start() {
    api = stack.api();
  }

  @Test
  void eventsAndRedeliveriesArriveLongBeforeThePollsWouldFindThem() {
    Api.Response created =
        api.post(
            "/api/webhooks",
            Api.json(
                Map.of(
                    "url",
                    receiver.url(PATH),
                    "eventTypes",
                    List.of("batch.job.created", "batch.job.completed", "batch.task.completed"))));
    assertThat(created.status()).isEqualTo(201);
    receiver.secrets(PATH, created.body().get("secret").asString());
    String endpoint = created.body().get("id").asString();

    // 12 task events to an endpoint that takes 2 at a time: each ended attempt wakes the next.
    String job = api.submit(aSubmission().tasks(10).json());
    Awaits.jobReaches(api, job, Duration.ofSeconds(60), "COMPLETED");
    await()
        .atMost(POLL.dividedBy(5))
        .until(
            () ->
                receiver.received(PATH).stream()
                        .filter(r -> r.data().get("jobId").asString().equals(job))
                        .count()
                    >= 12);
    assertThat(receiver.received(PATH)).allMatch(WebhookReceiver.Received::signatureValid);

    String delivery =
        api.get("/api/webhooks/" + endpoint + "/deliveries").body().get(0).get("id").asString();
    int before = receiver.received(PATH).size();
    assertThat(
            api.post("/api/webhooks/" + endpoint + "/deliveries/" + delivery + "/redeliver", "")
                .status())
        .isEqualTo(202);
    await().atMost(POLL.dividedBy(5)).until(() -> receiver.received(PATH).size() > before);
  }
}
