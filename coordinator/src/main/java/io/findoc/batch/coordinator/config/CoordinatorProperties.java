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
 * @param topicLayout partitions and replicas of the topics the coordinator creates when they are
 *     missing
 * @param tenant the tenant requests act for when API keys are turned off
 * @param submission limits and defaults of job submissions
 * @param dispatch the dispatcher's pace and credit
 * @param retry backoff between attempts of a task that failed with a retryable error
 * @param control the pause and cancel signals on the control topic
 * @param security authentication, rate limits and request limits of the API
 * @param lease how long a running attempt lives without its worker's heartbeats
 * @param metrics the figures of the metrics API, their history and the live workers
 * @param events the job-event outbox and its relay to the job-events topic
 * @param progress the progress streams of jobs
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
   * @param taskPartitions partitions of each task topic (default {@value
   *     #DEFAULT_TASK_PARTITIONS}): the most worker consumers a priority can feed
   * @param statusPartitions partitions of the status and dead-letter topics (default {@value
   *     #DEFAULT_STATUS_PARTITIONS}): the most coordinators sharing the aggregation
   * @param controlPartitions partitions of the compacted control topic (default {@value
   *     #DEFAULT_CONTROL_PARTITIONS}), which every worker reads whole
   * @param replicas replicas of each topic (default {@value #DEFAULT_REPLICAS}, for a single local
   *     broker; 3 in production)
   */
  public record TopicLayout(
      @DefaultValue(DEFAULT_TASK_PARTITIONS) int taskPartitions,
      @DefaultValue(DEFAULT_STATUS_PARTITIONS) int statusPartitions,
      @DefaultValue(DEFAULT_CONTROL_PARTITIONS) int controlPartitions,
      @DefaultValue(DEFAULT_REPLICAS) short replicas) {

    public static final String DEFAULT_TASK_PARTITIONS = "12";
    public static final String DEFAULT_STATUS_PARTITIONS = "12";
    public static final String DEFAULT_CONTROL_PARTITIONS = "3";
    public static final String DEFAULT_REPLICAS = "1";
  }

  /**
   * @param defaultTenant the tenant every request acts for, as an admin, when {@code
   *     findoc.security.enabled} is false (default {@value #DEFAULT_DEFAULT_TENANT})
   */
  public record Tenant(@DefaultValue(DEFAULT_DEFAULT_TENANT) String defaultTenant) {

    public static final String DEFAULT_DEFAULT_TENANT = "default";
  }

  /**
   * @param maxDocuments the most documents one job may have (default {@value
   *     #DEFAULT_MAX_DOCUMENTS})
   * @param maxInlineBytes the largest inline document, {@code content} after base64 decoding or
   *     {@code text} in UTF-8 (default {@value #DEFAULT_MAX_INLINE_BYTES})
   * @param defaultProcessor the processor of jobs that name none (default {@value
   *     #DEFAULT_DEFAULT_PROCESSOR})
   * @param defaultMaxAttempts attempts per task of jobs that set none (default {@value
   *     #DEFAULT_DEFAULT_MAX_ATTEMPTS})
   * @param maxUnfinishedTasksPerTenant the most tasks of one tenant not done yet; a submission past
   *     it is refused with 429 and nothing is stored (default {@value
   *     #DEFAULT_MAX_UNFINISHED_TASKS_PER_TENANT})
   * @param maxDependencies the most jobs a job, or documents a document, may depend on (default
   *     {@value #DEFAULT_MAX_DEPENDENCIES})
   */
  public record Submission(
      @DefaultValue(DEFAULT_MAX_DOCUMENTS) int maxDocuments,
      @DefaultValue(DEFAULT_MAX_INLINE_BYTES) int maxInlineBytes,
      @DefaultValue(DEFAULT_DEFAULT_PROCESSOR) String defaultProcessor,
      @DefaultValue(DEFAULT_DEFAULT_MAX_ATTEMPTS) int defaultMaxAttempts,
      @DefaultValue(DEFAULT_MAX_UNFINISHED_TASKS_PER_TENANT) long maxUnfinishedTasksPerTenant,
      @DefaultValue(DEFAULT_MAX_DEPENDENCIES) int maxDependencies) {

    public static final String DEFAULT_MAX_DOCUMENTS = "1000000";
    public static final String DEFAULT_MAX_INLINE_BYTES = "262144";
    public static final String DEFAULT_DEFAULT_PROCESSOR = "noop";
    public static final String DEFAULT_DEFAULT_MAX_ATTEMPTS = "3";
    public static final String DEFAULT_MAX_UNFINISHED_TASKS_PER_TENANT = "5000000";
    public static final String DEFAULT_MAX_DEPENDENCIES = "100";
  }

  /**
   * @param batchSize the most tasks one dispatch round claims and publishes (default {@value
   *     #DEFAULT_BATCH_SIZE})
   * @param queueTime how much work, in time at the observed completion rate, each priority keeps
   *     dispatched but not started (default {@value #DEFAULT_QUEUE_TIME}): what a newly submitted
   *     job of the same priority waits behind
   * @param minInFlight the fewest tasks each priority may keep dispatched and not started, whatever
   *     the completion rate (default {@value #DEFAULT_MIN_IN_FLIGHT}): the start, before any rate
   *     is known
   * @param maxInFlight the most tasks dispatched and not started over all priorities (default
   *     {@value #DEFAULT_MAX_IN_FLIGHT}): bounds what pause or cancel would have to chase
   * @param idlePoll how long the dispatcher sleeps when it found nothing to do, unless woken by a
   *     submission or a finished task (default {@value #DEFAULT_IDLE_POLL})
   * @param sendTimeout how long a round waits for the broker to acknowledge its messages before it
   *     is tried again a second later (default {@value #DEFAULT_SEND_TIMEOUT}); a round of a
   *     coordinator that died is published again by another this long plus 5 s after its claim
   */
  public record Dispatch(
      @DefaultValue(DEFAULT_BATCH_SIZE) int batchSize,
      @DefaultValue(DEFAULT_QUEUE_TIME) Duration queueTime,
      @DefaultValue(DEFAULT_MIN_IN_FLIGHT) int minInFlight,
      @DefaultValue(DEFAULT_MAX_IN_FLIGHT) int maxInFlight,
      @DefaultValue(DEFAULT_IDLE_POLL) Duration idlePoll,
      @DefaultValue(DEFAULT_SEND_TIMEOUT) Duration sendTimeout) {

    public static final String DEFAULT_BATCH_SIZE = "5000";
    public static final String DEFAULT_QUEUE_TIME = "2s";
    public static final String DEFAULT_MIN_IN_FLIGHT = "500";
    public static final String DEFAULT_MAX_IN_FLIGHT = "20000";
    public static final String DEFAULT_IDLE_POLL = "200ms";
    public static final String DEFAULT_SEND_TIMEOUT = "10s";

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
   * @param enabled whether every API request needs a key (default {@value #DEFAULT_ENABLED});
   *     {@code false} is for a laptop only: every request then acts as an admin of the default
   *     tenant, and the coordinator says so loudly at start-up
   * @param adminKey the key of the platform administrator, who creates tenants and their keys (from
   *     the environment, {@code FINDOC_ADMIN_KEY}; none by default, so no one can)
   * @param requestsPerSecond requests each key may make per second, on average (default {@value
   *     #DEFAULT_REQUESTS_PER_SECOND})
   * @param burst requests a key may make at once after a quiet spell (default {@value
   *     #DEFAULT_BURST})
   * @param maxBodyBytes the largest request body (default {@value #DEFAULT_MAX_BODY_BYTES}: a
   *     million small documents)
   * @param maxJsonDepth the deepest nesting of objects and arrays in a JSON body (default {@value
   *     #DEFAULT_MAX_JSON_DEPTH})
   * @param maxJsonStringBytes the longest string in a JSON body (default {@value
   *     #DEFAULT_MAX_JSON_STRING_BYTES}; an inline document's base64 stays below it)
   */
  public record Security(
      @DefaultValue(DEFAULT_ENABLED) boolean enabled,
      String adminKey,
      @DefaultValue(DEFAULT_REQUESTS_PER_SECOND) int requestsPerSecond,
      @DefaultValue(DEFAULT_BURST) int burst,
      @DefaultValue(DEFAULT_MAX_BODY_BYTES) long maxBodyBytes,
      @DefaultValue(DEFAULT_MAX_JSON_DEPTH) int maxJsonDepth,
      @DefaultValue(DEFAULT_MAX_JSON_STRING_BYTES) int maxJsonStringBytes) {

    public static final String DEFAULT_ENABLED = "true";
    public static final String DEFAULT_REQUESTS_PER_SECOND = "100";
    public static final String DEFAULT_BURST = "200";
    public static final String DEFAULT_MAX_BODY_BYTES = "268435456";
    public static final String DEFAULT_MAX_JSON_DEPTH = "32";
    public static final String DEFAULT_MAX_JSON_STRING_BYTES = "1048576";
  }

  /**
   * @param duration how long a running attempt keeps its task without a heartbeat (default {@value
   *     #DEFAULT_DURATION}; workers send one every {@code findoc.worker.heartbeat-interval})
   * @param reapPeriod how often expired leases are looked for (default {@value
   *     #DEFAULT_REAP_PERIOD})
   */
  public record Lease(
      @DefaultValue(DEFAULT_DURATION) Duration duration,
      @DefaultValue(DEFAULT_REAP_PERIOD) Duration reapPeriod) {

    public static final String DEFAULT_DURATION = "30s";
    public static final String DEFAULT_REAP_PERIOD = "5s";

    /** The duration as a PostgreSQL interval. */
    public String asInterval() {
      return duration.toMillis() + " milliseconds";
    }
  }

  /**
   * @param retention how long after a job finished its pause or cancel signal stays on the control
   *     topic (default {@value #DEFAULT_RETENTION}): attempts of a cancelled job still in Kafka are
   *     skipped until then
   * @param cleanupPeriod how often the coordinator lifts the signals past their retention (default
   *     {@value #DEFAULT_CLEANUP_PERIOD})
   */
  public record Control(
      @DefaultValue(DEFAULT_RETENTION) Duration retention,
      @DefaultValue(DEFAULT_CLEANUP_PERIOD) Duration cleanupPeriod) {

    public static final String DEFAULT_RETENTION = "1h";
    public static final String DEFAULT_CLEANUP_PERIOD = "1m";
  }

  /**
   * @param initialBackoff the wait before the second attempt (default {@value
   *     #DEFAULT_INITIAL_BACKOFF}); doubles per attempt, with jitter
   * @param maxBackoff the longest wait between attempts (default {@value #DEFAULT_MAX_BACKOFF})
   */
  public record Retry(
      @DefaultValue(DEFAULT_INITIAL_BACKOFF) Duration initialBackoff,
      @DefaultValue(DEFAULT_MAX_BACKOFF) Duration maxBackoff) {

    public static final String DEFAULT_INITIAL_BACKOFF = "1s";
    public static final String DEFAULT_MAX_BACKOFF = "5m";
  }

  /**
   * @param flushPeriod how often a coordinator adds what it counted to the per-minute figures in
   *     PostgreSQL (default {@value #DEFAULT_FLUSH_PERIOD}); the metrics API also does before it
   *     reads
   * @param retention how long the per-minute figures are kept for the history (default {@value
   *     #DEFAULT_RETENTION})
   * @param cleanupPeriod how often figures past their retention are deleted (default {@value
   *     #DEFAULT_CLEANUP_PERIOD})
   * @param latencyWindow the window of the latency percentiles and error counts of the metrics API
   *     (default {@value #DEFAULT_LATENCY_WINDOW})
   * @param workerGroup the workers' consumer group id ({@code spring.kafka.consumer.group-id} of
   *     the workers, default {@value #DEFAULT_WORKER_GROUP}); their groups are {@code
   *     <it>.<priority>}, whose lag the metrics API reports
   * @param workerTimeout a worker whose last heartbeat is older than this is no longer live
   *     (default {@value #DEFAULT_WORKER_TIMEOUT}; workers send one every {@code
   *     findoc.worker.status-interval})
   * @param kafkaTimeout how long the consumer-lag figures and the Kafka health check wait for the
   *     broker (default {@value #DEFAULT_KAFKA_TIMEOUT})
   */
  public record Metrics(
      @DefaultValue(DEFAULT_FLUSH_PERIOD) Duration flushPeriod,
      @DefaultValue(DEFAULT_RETENTION) Duration retention,
      @DefaultValue(DEFAULT_CLEANUP_PERIOD) Duration cleanupPeriod,
      @DefaultValue(DEFAULT_LATENCY_WINDOW) Duration latencyWindow,
      @DefaultValue(DEFAULT_WORKER_GROUP) String workerGroup,
      @DefaultValue(DEFAULT_WORKER_TIMEOUT) Duration workerTimeout,
      @DefaultValue(DEFAULT_KAFKA_TIMEOUT) Duration kafkaTimeout) {

    public static final String DEFAULT_FLUSH_PERIOD = "5s";
    public static final String DEFAULT_RETENTION = "7d";
    public static final String DEFAULT_CLEANUP_PERIOD = "10m";
    public static final String DEFAULT_LATENCY_WINDOW = "15m";
    public static final String DEFAULT_WORKER_GROUP = "findoc-workers";
    public static final String DEFAULT_WORKER_TIMEOUT = "20s";
    public static final String DEFAULT_KAFKA_TIMEOUT = "3s";
  }

  /**
   * @param relayInterval how often the outbox relay looks for events to publish (default {@value
   *     #DEFAULT_RELAY_INTERVAL}); events committed by this coordinator wake it at once, so this is
   *     a fallback only, and kept long so that an idle relay costs little
   * @param relayBatchSize the most events one relay round publishes (default {@value
   *     #DEFAULT_RELAY_BATCH_SIZE})
   * @param progressInterval the shortest time between two {@code batch.job.progress} events of a
   *     job (default {@value #DEFAULT_PROGRESS_INTERVAL})
   * @param progressStepPercent a job's progress event is written only when its share of tasks done
   *     reached a new multiple of this percentage (default {@value #DEFAULT_PROGRESS_STEP_PERCENT})
   * @param retention how long relayed events (and their deliveries) are kept (default {@value
   *     #DEFAULT_RETENTION}); must be longer than the webhook retry horizon (checked at start-up);
   *     an event a delivery still waits to send is kept past it
   * @param source the CloudEvents {@code source} attribute (default {@value #DEFAULT_SOURCE})
   */
  public record Events(
      @DefaultValue(DEFAULT_RELAY_INTERVAL) Duration relayInterval,
      @DefaultValue(DEFAULT_RELAY_BATCH_SIZE) int relayBatchSize,
      @DefaultValue(DEFAULT_PROGRESS_INTERVAL) Duration progressInterval,
      @DefaultValue(DEFAULT_PROGRESS_STEP_PERCENT) int progressStepPercent,
      @DefaultValue(DEFAULT_RETENTION) Duration retention,
      @DefaultValue(DEFAULT_SOURCE) String source) {

    public static final String DEFAULT_RELAY_INTERVAL = "1s";
    public static final String DEFAULT_RELAY_BATCH_SIZE = "1000";
    public static final String DEFAULT_PROGRESS_INTERVAL = "5s";
    public static final String DEFAULT_PROGRESS_STEP_PERCENT = "10";
    public static final String DEFAULT_RETENTION = "7d";
    public static final String DEFAULT_SOURCE = "urn:findoc:batch";

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
   * @param interval how often each streamed job is read (default {@value #DEFAULT_INTERVAL}): one
   *     query for all the streamed jobs per interval, however many watch each; a job's watchers get
   *     an event when its counts or state changed since the last one, so at most one per interval
   * @param refresh the longest time without an event (default {@value #DEFAULT_REFRESH}): the job
   *     is sent again even if nothing changed, so its throughput and ETA stay current and idle
   *     connections stay open
   * @param slowClientTimeout how long one event may take to reach a watcher (default {@value
   *     #DEFAULT_SLOW_CLIENT_TIMEOUT}); a watcher still receiving after that is dropped. A watcher
   *     behind is never buffered for: it gets the newest event when its previous one went out, the
   *     ones in between are skipped
   * @param senderThreads the threads that write events to watchers (default {@value
   *     #DEFAULT_SENDER_THREADS})
   */
  public record Progress(
      @DefaultValue(DEFAULT_INTERVAL) Duration interval,
      @DefaultValue(DEFAULT_REFRESH) Duration refresh,
      @DefaultValue(DEFAULT_SLOW_CLIENT_TIMEOUT) Duration slowClientTimeout,
      @DefaultValue(DEFAULT_SENDER_THREADS) int senderThreads) {

    public static final String DEFAULT_INTERVAL = "200ms";
    public static final String DEFAULT_REFRESH = "5s";
    public static final String DEFAULT_SLOW_CLIENT_TIMEOUT = "10s";
    public static final String DEFAULT_SENDER_THREADS = "4";

    public Progress {
      if (interval.isNegative() || interval.isZero() || senderThreads < 1) {
        throw new IllegalArgumentException(
            "findoc.progress.interval must be positive and sender-threads at least 1");
      }
    }
  }

  /**
   * @param timeout how long one delivery attempt may take, connection included (default {@value
   *     #DEFAULT_TIMEOUT}); a timeout is a failed attempt
   * @param initialBackoff the wait after the first failed attempt (default {@value
   *     #DEFAULT_INITIAL_BACKOFF}); doubles per attempt, with jitter
   * @param maxBackoff the longest wait between attempts (default {@value #DEFAULT_MAX_BACKOFF})
   * @param horizon how long after an event a delivery is retried before it is given up (default
   *     {@value #DEFAULT_HORIZON})
   * @param perEndpointInFlight the most attempts in flight to one endpoint (default {@value
   *     #DEFAULT_PER_ENDPOINT_IN_FLIGHT}), so that a slow or dead endpoint holds no more than that
   * @param maxInFlight the most attempts in flight over all endpoints (default {@value
   *     #DEFAULT_MAX_IN_FLIGHT}): the deliverer's threads
   * @param pollInterval how often the deliverer looks for due deliveries (default {@value
   *     #DEFAULT_POLL_INTERVAL}); new deliveries of this coordinator's relay, redeliveries and
   *     freed slots wake it at once, so this bounds the delay of retries coming due (backoffs start
   *     at {@code initial-backoff}) and of deliveries made by another coordinator
   * @param secretOverlap how long a rotated secret keeps signing beside the new one (default
   *     {@value #DEFAULT_SECRET_OVERLAP}) unless the rotation says otherwise
   * @param allowLoopback whether endpoints may be on loopback addresses (default {@value
   *     #DEFAULT_ALLOW_LOOPBACK}); private, link-local and metadata addresses are refused at
   *     registration and at connect time whatever this says; for tests and demos, like the worker's
   *     {@code allow-loopback}
   * @param allowedHosts hosts that skip the address check (default none)
   * @param maxPerJob the most webhooks one submission may register (default {@value
   *     #DEFAULT_MAX_PER_JOB})
   */
  public record Webhooks(
      @DefaultValue(DEFAULT_TIMEOUT) Duration timeout,
      @DefaultValue(DEFAULT_INITIAL_BACKOFF) Duration initialBackoff,
      @DefaultValue(DEFAULT_MAX_BACKOFF) Duration maxBackoff,
      @DefaultValue(DEFAULT_HORIZON) Duration horizon,
      @DefaultValue(DEFAULT_PER_ENDPOINT_IN_FLIGHT) int perEndpointInFlight,
      @DefaultValue(DEFAULT_MAX_IN_FLIGHT) int maxInFlight,
      @DefaultValue(DEFAULT_POLL_INTERVAL) Duration pollInterval,
      @DefaultValue(DEFAULT_SECRET_OVERLAP) Duration secretOverlap,
      @DefaultValue(DEFAULT_ALLOW_LOOPBACK) boolean allowLoopback,
      @DefaultValue List<String> allowedHosts,
      @DefaultValue(DEFAULT_MAX_PER_JOB) int maxPerJob) {

    public static final String DEFAULT_TIMEOUT = "15s";
    public static final String DEFAULT_INITIAL_BACKOFF = "5s";
    public static final String DEFAULT_MAX_BACKOFF = "1h";
    public static final String DEFAULT_HORIZON = "24h";
    public static final String DEFAULT_PER_ENDPOINT_IN_FLIGHT = "8";
    public static final String DEFAULT_MAX_IN_FLIGHT = "32";
    public static final String DEFAULT_POLL_INTERVAL = "1s";
    public static final String DEFAULT_SECRET_OVERLAP = "24h";
    public static final String DEFAULT_ALLOW_LOOPBACK = "false";
    public static final String DEFAULT_MAX_PER_JOB = "10";

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
