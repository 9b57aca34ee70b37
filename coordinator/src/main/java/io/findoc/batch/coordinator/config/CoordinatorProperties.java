package io.findoc.batch.coordinator.config;

import io.findoc.batch.common.topic.TopicNames;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Everything configurable in the coordinator, under {@code findoc.*}.
 *
 * @param topics topic names ({@code findoc.topics.*}); defaults in {@link TopicNames#DEFAULTS}
 * @param partitions partitions of the topics the coordinator creates when they are missing
 * @param tenant tenancy until authentication exists
 * @param submission limits and defaults of job submissions
 * @param dispatch the dispatcher's pace and credit
 * @param retry backoff between attempts of a task that failed with a retryable error
 * @param control the pause and cancel signals on the control topic
 * @param security authentication, rate limits and request limits of the API
 * @param lease how long a running attempt lives without its worker's heartbeats
 * @param metrics the figures of the metrics API, their history and the live workers
 * @param events the job-event outbox and its relay to the job-events topic
 * @param webhooks delivery of job events to webhook endpoints
 */
@ConfigurationProperties("findoc")
public record CoordinatorProperties(
    @DefaultValue TopicNames topics,
    @DefaultValue TopicLayout topicLayout,
    @DefaultValue Tenant tenant,
    @DefaultValue Submission submission,
    @DefaultValue Dispatch dispatch,
    @DefaultValue Retry retry,
    @DefaultValue Control control,
    @DefaultValue Security security,
    @DefaultValue Lease lease,
    @DefaultValue Metrics metrics,
    @DefaultValue Events events,
    @DefaultValue Progress progress,
    @DefaultValue Webhooks webhooks) {

  public CoordinatorProperties {
    if (events.retention().compareTo(webhooks.horizon()) <= 0) {
      throw new IllegalArgumentException(
          "findoc.events.retention ("
              + events.retention()
              + ") must be longer than findoc.webhooks.horizon ("
              + webhooks.horizon()
              + "): an event must outlive the retries of its deliveries");
    }
    if (retry.maxBackoff().compareTo(retry.initialBackoff()) < 0) {
      throw new IllegalArgumentException(
          "findoc.retry.max-backoff ("
              + retry.maxBackoff()
              + ") must not be shorter than findoc.retry.initial-backoff ("
              + retry.initialBackoff()
              + ")");
    }
  }

  /**
   * @param taskPartitions partitions of each task topic (default 12): the most worker consumers a
   *     priority can feed
   * @param statusPartitions partitions of the status and dead-letter topics (default 12): the most
   *     coordinators sharing the aggregation
   * @param controlPartitions partitions of the compacted control topic (default 3), which every
   *     worker reads whole
   * @param replicas replicas of each topic (default 1, for a single local broker; 3 in production)
   */
  public record TopicLayout(
      @DefaultValue("12") int taskPartitions,
      @DefaultValue("12") int statusPartitions,
      @DefaultValue("3") int controlPartitions,
      @DefaultValue("1") short replicas) {}

  /**
   * @param defaultTenant the tenant every request acts for until API keys exist (default {@code
   *     default})
   */
  public record Tenant(@DefaultValue("default") String defaultTenant) {}

  /**
   * @param maxDocuments the most documents one job may have (default 1,000,000)
   * @param maxInlineBytes the largest inline document, {@code content} after base64 decoding or
   *     {@code text} in UTF-8 (default 262,144)
   * @param defaultProcessor the processor of jobs that name none (default {@code noop}, until the
   *     document analyser exists)
   * @param defaultMaxAttempts attempts per task of jobs that set none (default 3)
   * @param maxUnfinishedTasksPerTenant the most tasks of one tenant not done yet; a submission past
   *     it is refused with 429 and nothing is stored (default 5,000,000)
   * @param maxDependencies the most jobs a job, or documents a document, may depend on (default
   *     100)
   */
  public record Submission(
      @DefaultValue("1000000") int maxDocuments,
      @DefaultValue("262144") int maxInlineBytes,
      @DefaultValue("noop") String defaultProcessor,
      @DefaultValue("3") int defaultMaxAttempts,
      @DefaultValue("5000000") long maxUnfinishedTasksPerTenant,
      @DefaultValue("100") int maxDependencies) {}

  /**
   * @param batchSize the most tasks one dispatch round claims and publishes (default 5,000)
   * @param queueTime how much work, in time at the observed completion rate, each priority keeps
   *     dispatched but not started (default 2 s): what a newly submitted job of the same priority
   *     waits behind
   * @param minInFlight the fewest tasks each priority may keep dispatched and not started, whatever
   *     the completion rate (default 500): the start, before any rate is known
   * @param maxInFlight the most tasks dispatched and not started over all priorities (default
   *     20,000): bounds what pause or cancel would have to chase
   * @param idlePoll how long the dispatcher sleeps when it found nothing to do, unless woken by a
   *     submission or a finished task (default 200 ms)
   * @param sendTimeout how long a round waits for the broker to acknowledge its messages before it
   *     is tried again a second later (default 10 s); a round of a coordinator that died is
   *     published again by another this long plus 5 s after its claim
   */
  public record Dispatch(
      @DefaultValue("5000") int batchSize,
      @DefaultValue("2s") Duration queueTime,
      @DefaultValue("500") int minInFlight,
      @DefaultValue("20000") int maxInFlight,
      @DefaultValue("200ms") Duration idlePoll,
      @DefaultValue("10s") Duration sendTimeout) {

    public Dispatch {
      if (minInFlight < 1 || minInFlight > maxInFlight) {
        throw new IllegalArgumentException(
            "findoc.dispatch.min-in-flight ("
                + minInFlight
                + ") must be between 1 and findoc.dispatch.max-in-flight ("
                + maxInFlight
                + ")");
      }
    }
  }

  /**
   * @param enabled whether every API request needs a key (default true); {@code false} is for a
   *     laptop only: every request then acts as an admin of the default tenant, and the coordinator
   *     says so loudly at start-up
   * @param adminKey the key of the platform administrator, who creates tenants and their keys (from
   *     the environment, {@code FINDOC_ADMIN_KEY}; none by default, so no one can)
   * @param requestsPerSecond requests each key may make per second, on average (default 100)
   * @param burst requests a key may make at once after a quiet spell (default 200)
   * @param maxBodyBytes the largest request body (default 256 MiB: a million small documents)
   * @param maxJsonDepth the deepest nesting of objects and arrays in a JSON body (default 32)
   * @param maxJsonStringBytes the longest string in a JSON body (default 1 MiB; an inline
   *     document's base64 stays below it)
   */
  public record Security(
      @DefaultValue("true") boolean enabled,
      String adminKey,
      @DefaultValue("100") int requestsPerSecond,
      @DefaultValue("200") int burst,
      @DefaultValue("268435456") long maxBodyBytes,
      @DefaultValue("32") int maxJsonDepth,
      @DefaultValue("1048576") int maxJsonStringBytes) {}

  /**
   * @param duration how long a running attempt keeps its task without a heartbeat (default 30 s;
   *     workers send one every {@code findoc.worker.heartbeat-interval}, 5 s)
   * @param reapPeriod how often expired leases are looked for (default 5 s)
   */
  public record Lease(
      @DefaultValue("30s") Duration duration, @DefaultValue("5s") Duration reapPeriod) {

    /** The duration as a PostgreSQL interval. */
    public String asInterval() {
      return duration.toMillis() + " milliseconds";
    }
  }

  /**
   * @param retention how long after a job finished its pause or cancel signal stays on the control
   *     topic (default 1 h): attempts of a cancelled job still in Kafka are skipped until then
   * @param cleanupPeriod how often the coordinator lifts the signals past their retention (default
   *     1 min)
   */
  public record Control(
      @DefaultValue("1h") Duration retention, @DefaultValue("1m") Duration cleanupPeriod) {}

  /**
   * @param initialBackoff the wait before the second attempt (default 1 s); doubles per attempt,
   *     with jitter
   * @param maxBackoff the longest wait between attempts (default 5 min)
   */
  public record Retry(
      @DefaultValue("1s") Duration initialBackoff, @DefaultValue("5m") Duration maxBackoff) {}

  /**
   * @param flushPeriod how often a coordinator adds what it counted to the per-minute figures in
   *     PostgreSQL (default 5 s); the metrics API also does before it reads
   * @param retention how long the per-minute figures are kept for the history (default 7 days)
   * @param cleanupPeriod how often figures past their retention are deleted (default 10 min)
   * @param latencyWindow the window of the latency percentiles and error counts of the metrics API
   *     (default 15 min)
   * @param workerGroup the workers' consumer group id ({@code spring.kafka.consumer.group-id} of
   *     the workers, default {@code findoc-workers}); their groups are {@code <it>.<priority>},
   *     whose lag the metrics API reports
   * @param workerTimeout a worker whose last heartbeat is older than this is no longer live
   *     (default 20 s; workers send one every {@code findoc.worker.status-interval}, 5 s)
   * @param kafkaTimeout how long the consumer-lag figures and the Kafka health check wait for the
   *     broker (default 3 s)
   */
  public record Metrics(
      @DefaultValue("5s") Duration flushPeriod,
      @DefaultValue("7d") Duration retention,
      @DefaultValue("10m") Duration cleanupPeriod,
      @DefaultValue("15m") Duration latencyWindow,
      @DefaultValue("findoc-workers") String workerGroup,
      @DefaultValue("20s") Duration workerTimeout,
      @DefaultValue("3s") Duration kafkaTimeout) {}

  /**
   * @param relayInterval how often the outbox relay looks for events to publish (default 1 s);
   *     events committed by this coordinator wake it at once, so this is a fallback only: at 100
   *     ms, the idle polls of the relay and the deliverer took 8% of the coordinator's CPU samples
   *     in the one-million-task benchmark
   * @param relayBatchSize the most events one relay round publishes (default 1,000)
   * @param progressInterval the shortest time between two {@code batch.job.progress} events of a
   *     job (default 5 s)
   * @param progressStepPercent a job's progress event is written only when its share of tasks done
   *     reached a new multiple of this percentage (default 10)
   * @param retention how long relayed events (and their deliveries) are kept (default 7 days); must
   *     be longer than the webhook retry horizon (checked at start-up); an event a delivery still
   *     waits to send is kept past it
   * @param source the CloudEvents {@code source} attribute (default {@code urn:findoc:batch})
   */
  public record Events(
      @DefaultValue("1s") Duration relayInterval,
      @DefaultValue("1000") int relayBatchSize,
      @DefaultValue("5s") Duration progressInterval,
      @DefaultValue("10") int progressStepPercent,
      @DefaultValue("7d") Duration retention,
      @DefaultValue("urn:findoc:batch") String source) {

    public Events {
      if (progressStepPercent < 1 || progressStepPercent > 100) {
        throw new IllegalArgumentException(
            "findoc.events.progress-step-percent ("
                + progressStepPercent
                + ") must be between 1 and 100");
      }
    }
  }

  /**
   * The progress streams ({@code GET /api/batch/jobs/{id}/stream}).
   *
   * @param interval how often each streamed job is read (default 200 ms): one query for all the
   *     streamed jobs per interval, however many watch each; a job's watchers get an event when its
   *     counts or state changed since the last one, so at most one per interval
   * @param refresh the longest time without an event (default 5 s): the job is sent again even if
   *     nothing changed, so its throughput and ETA stay current and idle connections stay open
   * @param slowClientTimeout how long one event may take to reach a watcher (default 10 s); a
   *     watcher still receiving after that is dropped. A watcher behind is never buffered for: it
   *     gets the newest event when its previous one went out, the ones in between are skipped
   * @param senderThreads the threads that write events to watchers (default 4)
   */
  public record Progress(
      @DefaultValue("200ms") Duration interval,
      @DefaultValue("5s") Duration refresh,
      @DefaultValue("10s") Duration slowClientTimeout,
      @DefaultValue("4") int senderThreads) {

    public Progress {
      if (interval.isNegative() || interval.isZero() || senderThreads < 1) {
        throw new IllegalArgumentException(
            "findoc.progress.interval must be positive and sender-threads at least 1");
      }
    }
  }

  /**
   * @param timeout how long one delivery attempt may take, connection included (default 15 s); a
   *     timeout is a failed attempt
   * @param initialBackoff the wait after the first failed attempt (default 5 s); doubles per
   *     attempt, with jitter
   * @param maxBackoff the longest wait between attempts (default 1 h)
   * @param horizon how long after an event a delivery is retried before it is given up (default 24
   *     h)
   * @param perEndpointInFlight the most attempts in flight to one endpoint (default 8), so that a
   *     slow or dead endpoint holds no more than that
   * @param maxInFlight the most attempts in flight over all endpoints (default 32): the deliverer's
   *     threads
   * @param pollInterval how often the deliverer looks for due deliveries (default 1 s); new
   *     deliveries of this coordinator's relay, redeliveries and freed slots wake it at once, so
   *     this bounds the delay of retries coming due (backoffs start at 5 s) and of deliveries made
   *     by another coordinator
   * @param secretOverlap how long a rotated secret keeps signing beside the new one (default 24 h)
   *     unless the rotation says otherwise
   * @param allowLoopback whether endpoints may be on loopback addresses (default false); private,
   *     link-local and metadata addresses are refused at registration and at connect time whatever
   *     this says; for tests and demos, like the worker's {@code allow-loopback}
   * @param allowedHosts hosts that skip the address check (default none)
   * @param maxPerJob the most webhooks one submission may register (default 10)
   */
  public record Webhooks(
      @DefaultValue("15s") Duration timeout,
      @DefaultValue("5s") Duration initialBackoff,
      @DefaultValue("1h") Duration maxBackoff,
      @DefaultValue("24h") Duration horizon,
      @DefaultValue("8") int perEndpointInFlight,
      @DefaultValue("32") int maxInFlight,
      @DefaultValue("1s") Duration pollInterval,
      @DefaultValue("24h") Duration secretOverlap,
      @DefaultValue("false") boolean allowLoopback,
      @DefaultValue List<String> allowedHosts,
      @DefaultValue("10") int maxPerJob) {

    public Webhooks {
      if (maxBackoff.compareTo(initialBackoff) < 0) {
        throw new IllegalArgumentException(
            "findoc.webhooks.max-backoff ("
                + maxBackoff
                + ") must not be shorter than findoc.webhooks.initial-backoff ("
                + initialBackoff
                + ")");
      }
      if (perEndpointInFlight < 1 || perEndpointInFlight > maxInFlight) {
        throw new IllegalArgumentException(
            "findoc.webhooks.per-endpoint-in-flight ("
                + perEndpointInFlight
                + ") must be between 1 and findoc.webhooks.max-in-flight ("
                + maxInFlight
                + ")");
      }
    }
  }
}
