package io.findoc.batch.coordinator.control;

import io.findoc.batch.common.id.JobId;
import io.findoc.batch.coordinator.config.CoordinatorProperties;
import io.findoc.batch.coordinator.store.JobStore;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Lifts the instructions of finished jobs from the control topic, with a tombstone each, once they
 * finished {@code findoc.control.retention} ago: every worker holds the topic's standing
 * instructions in memory and reads them at start, so they must not pile up. The retention covers
 * attempts of a cancelled job still waiting in Kafka, which the workers must keep skipping.
 */
@Component
public class ControlJanitor implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(ControlJanitor.class);
  private static final int BATCH = 500;

  private final JobStore jobs;
  private final ControlPublisher control;
  private final Duration retention;
  private final Duration period;
  private ScheduledExecutorService timer;

  public ControlJanitor(JobStore jobs, ControlPublisher control, CoordinatorProperties properties) {
    this.jobs = jobs;
    this.control = control;
    this.retention = properties.control().retention();
    this.period = properties.control().cleanupPeriod();
  }

  /** One pass; returns how many instructions it lifted. */
  public int liftOnce() {
    List<UUID> finished = jobs.findControlsToLift(retention.toSeconds() + " seconds", BATCH);
    for (UUID id : finished) {
      control.publish(new JobId(id), null);
    }
    if (!finished.isEmpty()) {
      jobs.clearControlSignals(finished.toArray(UUID[]::new));
    }
    return finished.size();
  }

  private void runSafely() {
    try {
      liftOnce();
    } catch (RuntimeException e) {
      LOG.warn("Lifting the control instructions of finished jobs failed; trying again later.", e);
    }
  }

  @Override
  public synchronized void start() {
    if (timer == null) {
      timer =
          Executors.newSingleThreadScheduledExecutor(
              runnable -> {
                Thread thread = new Thread(runnable, "control-janitor");
                thread.setDaemon(true);
                return thread;
              });
      timer.scheduleWithFixedDelay(
          this::runSafely, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  @Override
  public synchronized void stop() {
    if (timer != null) {
      timer.shutdownNow();
      timer = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return timer != null;
  }
}
