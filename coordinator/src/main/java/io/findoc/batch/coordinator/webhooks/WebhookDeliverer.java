package io.findoc.batch.coordinator.webhooks;

import io.findoc.batch.common.agent.DaemonThreads;
import io.findoc.batch.common.agent.PeriodicAgent;
import io.findoc.batch.coordinator.config.CoordinatorProperties;
import io.findoc.batch.coordinator.store.ClaimedDelivery;
import io.findoc.batch.coordinator.store.WebhookStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Delivers job events to webhook endpoints, as Standard Webhooks: it claims due deliveries (SKIP
 * LOCKED, at most {@code per-endpoint-in-flight} per endpoint, as many as it has free threads) and
 * sends each on a thread of its own, then records the outcome: 2xx succeeded; 410 disables the
 * endpoint; 429 and 503 are retried after their {@code Retry-After}; any other answer, a redirect
 * (never followed), a timeout or a refused address is retried with backoff until the horizon
 * ({@link DeliveryBackoff}). A coordinator that dies in the middle of an attempt leaves the
 * delivery due again after the attempt's lease, and it is sent again with the same {@code
 * webhook-id}.
 *
 * <p>It claims when woken ({@link DeliverySignal}: the relay created deliveries, an attempt ended
 * and freed a slot, a redelivery was asked for) and every {@code poll-interval} for retries that
 * came due and deliveries created by other coordinators.
 */
@Component
public class WebhookDeliverer extends PeriodicAgent implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(WebhookDeliverer.class);
  private static final int MAX_ERROR_LENGTH = 500;

  private final WebhookStore store;
  private final WebhookUrls urls;
  private final DeliveryBackoff backoff;
  private final Clock clock;
  private final MeterRegistry meters;
  private final Timer eventToDelivery;
  private final CoordinatorProperties.Webhooks settings;
  private final String lease;
  private final HttpClient http;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final DeliverySignal signal;
  private ExecutorService senders;

  public WebhookDeliverer(
      Jdbi jdbi,
      WebhookUrls urls,
      CoordinatorProperties properties,
      Clock clock,
      MeterRegistry meters,
      DeliverySignal signal) {
    super("webhook-deliverer", properties.webhooks().pollInterval(), signal);
    this.signal = signal;
    this.store = jdbi.onDemand(WebhookStore.class);
    this.urls = urls;
    this.settings = properties.webhooks();
    this.backoff = new DeliveryBackoff(settings);
    this.clock = clock;
    this.meters = meters;
    this.eventToDelivery =
        Timer.builder("findoc.webhooks.event.to.delivery")
            .description("From an event's creation to its successful delivery")
            .publishPercentiles(0.5, 0.99)
            .register(meters);
    this.lease = settings.timeout().plusSeconds(5).toMillis() + " milliseconds";
    this.http =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .proxy(HttpClient.Builder.NO_PROXY)
            .connectTimeout(settings.timeout())
            .build();
  }

  @Override
  public synchronized void start() {
    if (senders == null) {
      senders =
          Executors.newFixedThreadPool(
              settings.maxInFlight(), DaemonThreads.numbered("webhook-sender-"));
    }
    super.start();
  }

  @Override
  public synchronized void stop() {
    super.stop();
    if (senders != null) {
      senders.shutdownNow();
      senders = null;
    }
  }

  /**
   * Claims and sends until nothing more can be claimed: nothing due, no free thread, or every
   * endpoint with due deliveries at its limit. An attempt that ends wakes the next pass, so an
   * endpoint limited to a few attempts in flight gets its next one as soon as one ends, not at the
   * next poll.
   */
  @Override
  protected void runPass() {
    while (runOnce() > 0) {
      // claimed some; more may be due
    }
  }

  /** Claims what is due, as many as there are free threads, and sends them; returns how many. */
  public int runOnce() {
    int free = settings.maxInFlight() - inFlight.get();
    ExecutorService pool = senders;
    if (free <= 0 || pool == null) {
      return 0;
    }
    List<ClaimedDelivery> claimed = store.claimDue(free, settings.perEndpointInFlight(), lease);
    for (ClaimedDelivery delivery : claimed) {
      inFlight.incrementAndGet();
      pool.execute(
          () -> {
            try {
              attempt(delivery);
            } catch (RuntimeException e) {
              LOG.warn(
                  "Delivery {} attempt {} could not be recorded; it is sent again after its"
                      + " lease.",
                  delivery.id(),
                  delivery.attempt(),
                  e);
            } finally {
              inFlight.decrementAndGet();
              signal.wakeUp();
            }
          });
    }
    return claimed.size();
  }

  /** Sends one attempt and records what became of it. */
  private void attempt(ClaimedDelivery delivery) {
    DeliveryOutcome outcome = send(delivery);
    if (outcome instanceof DeliveryOutcome.Delivered delivered) {
      store.recordSuccess(
          delivery.id(), delivery.attempt(), delivered.status(), delivered.latencyMs());
      eventToDelivery.record(Duration.between(delivery.occurredAt(), clock.instant()));
      count("succeeded");
    } else if (outcome instanceof DeliveryOutcome.Gone gone) {
      store.recordFailure(
          delivery.id(),
          delivery.attempt(),
          DeliveryOutcome.Gone.STATUS,
          gone.latencyMs(),
          "410 Gone: endpoint disabled",
          null);
      store.disableEndpoint(delivery.endpointId(), "answered 410 Gone at " + clock.instant());
      LOG.info(
          "Webhook endpoint {} answered 410 Gone; it is disabled and gets no more deliveries.",
          delivery.endpointId());
      count("gone");
    } else if (outcome instanceof DeliveryOutcome.Failed failed) {
      failed(delivery, failed);
    }
    // Interrupted: nothing is recorded; the delivery is due again after its lease.
  }

  /** Sends the delivery, unless its address is refused; says what became of it. */
  private DeliveryOutcome send(ClaimedDelivery delivery) {
    URI uri = URI.create(delivery.url());
    Optional<String> refused = urls.addressRefusal(uri);
    if (refused.isPresent()) {
      return new DeliveryOutcome.Failed(null, 0, "address refused: " + refused.get());
    }
    HttpRequest request = signedRequest(delivery, uri);
    long started = System.nanoTime();
    HttpResponse<Void> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.discarding());
    } catch (HttpTimeoutException e) {
      return new DeliveryOutcome.Failed(
          null, millisSince(started), "timed out after " + settings.timeout());
    } catch (IOException e) {
      return new DeliveryOutcome.Failed(
          null, millisSince(started), e.getClass().getSimpleName() + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new DeliveryOutcome.Interrupted();
    }
    return answered(response, millisSince(started));
  }

  /** The delivery as a Standard Webhooks request, signed with its endpoint's secrets. */
  private HttpRequest signedRequest(ClaimedDelivery delivery, URI uri) {
    String body = WebhookBody.of(delivery);
    long timestamp = clock.instant().getEpochSecond();
    List<String> secrets = new ArrayList<>(List.of(delivery.secret()));
    if (delivery.previousSecret() != null) {
      secrets.add(delivery.previousSecret());
    }
    return HttpRequest.newBuilder(uri)
        .timeout(settings.timeout())
        .header("Content-Type", "application/json")
        .header("User-Agent", "findoc-webhooks/1")
        .header("webhook-id", delivery.eventId().toString())
        .header("webhook-timestamp", Long.toString(timestamp))
        .header(
            "webhook-signature",
            WebhookSigner.signature(delivery.eventId().toString(), timestamp, body, secrets))
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  /** What the endpoint's answer means. */
  private DeliveryOutcome answered(HttpResponse<Void> response, int latency) {
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return new DeliveryOutcome.Delivered(status, latency);
    }
    if (status == DeliveryOutcome.Gone.STATUS) {
      return new DeliveryOutcome.Gone(latency);
    }
    Duration retryAfter =
        status == 429 || status == 503
            ? RetryAfter.parse(
                    response.headers().firstValue("Retry-After").orElse(null), clock.instant())
                .orElse(null)
            : null;
    String why =
        status >= 300 && status < 400
            ? "redirect " + status + " not followed"
            : "answered " + status;
    return new DeliveryOutcome.Failed(status, latency, why, retryAfter);
  }

  private void failed(ClaimedDelivery delivery, DeliveryOutcome.Failed failure) {
    Optional<Instant> next =
        backoff.next(
            delivery.attempt(), delivery.retryFrom(), clock.instant(), failure.retryAfter());
    String error = failure.error();
    String message =
        error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error;
    store.recordFailure(
        delivery.id(),
        delivery.attempt(),
        failure.status(),
        failure.latencyMs(),
        message,
        next.orElse(null));
    if (next.isEmpty()) {
      LOG.warn(
          "Webhook delivery {} of event {} to endpoint {} given up after {} attempts: {}",
          delivery.id(),
          delivery.eventId(),
          delivery.endpointId(),
          delivery.attempt(),
          message);
    }
    count(next.isPresent() ? "retrying" : "given-up");
  }

  private void count(String outcome) {
    meters.counter("findoc.webhooks.attempts", "outcome", outcome).increment();
  }

  private static int millisSince(long startNanos) {
    return (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - startNanos) / 1_000_000);
  }
}
