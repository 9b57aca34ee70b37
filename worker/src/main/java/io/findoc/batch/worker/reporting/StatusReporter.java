package io.findoc.batch.worker.reporting;

import io.findoc.batch.common.json.JsonSerde;
import io.findoc.batch.common.message.StatusMessage;
import io.findoc.batch.worker.config.WorkerProperties;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes status reports, keyed by job id so that one job's reports stay in order on one
 * partition. A final report is sent again until the broker takes it: the task's offset is committed
 * only after that, so a report is never lost, at worst sent twice.
 */
@Component
public class StatusReporter implements DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(StatusReporter.class);

  private final KafkaTemplate<String, byte[]> kafka;
  private final String topic;
  private final Duration retryPause;
  private final JsonSerde<StatusMessage> serde = new JsonSerde<>(StatusMessage.class);
  private final ScheduledExecutorService retries =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "status-report-retry");
            thread.setDaemon(true);
            return thread;
          });
  private volatile boolean stopped;

  public StatusReporter(KafkaTemplate<String, byte[]> kafka, WorkerProperties properties) {
    this.kafka = kafka;
    this.topic = properties.topics().taskStatus();
    this.retryPause = properties.worker().reporting().reportRetryPause();
  }

  /**
   * Serialises the report; fails at once (in the caller) if the result cannot be written as JSON.
   */
  public byte[] encode(StatusMessage report) {
    return serde.serialize(topic, report);
  }

  /** Sends without waiting; a lost {@code STARTED} report is made up for by the final one. */
  public void send(StatusMessage report, byte[] encoded) {
    kafka.send(topic, report.jobId().toString(), encoded);
  }

  /** Sends until the broker acknowledges; the future completes then. */
  public CompletableFuture<Void> sendUntilAcknowledged(StatusMessage report, byte[] encoded) {
    CompletableFuture<Void> acknowledged = new CompletableFuture<>();
    attempt(report, encoded, acknowledged);
    return acknowledged;
  }

  private void attempt(StatusMessage report, byte[] encoded, CompletableFuture<Void> done) {
    kafka
        .send(topic, report.jobId().toString(), encoded)
        .whenComplete(
            (result, failure) -> {
              if (failure == null) {
                done.complete(null);
              } else if (stopped) {
                done.completeExceptionally(failure);
              } else {
                LOG.warn(
                    "The broker did not take the {} report of task {} attempt {}; sending it again"
                        + " in {}.",
                    report.kind(),
                    report.taskId(),
                    report.attempt(),
                    retryPause,
                    failure);
                retries.schedule(
                    () -> attempt(report, encoded, done),
                    retryPause.toMillis(),
                    TimeUnit.MILLISECONDS);
              }
            });
  }

  @Override
  public void destroy() {
    stopped = true;
    retries.shutdownNow();
  }
}
