package io.findoc.batch.coordinator.control;

import io.findoc.batch.common.agent.PeriodicAgent;
import io.findoc.batch.common.id.JobId;
import io.findoc.batch.coordinator.config.CoordinatorProperties;
import io.findoc.batch.coordinator.store.JobStore;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Lifts the instructions of finished jobs from the control topic, with a tombstone each, once they
 * finished {@code findoc.control.retention} ago: every worker holds the topic's standing
 * instructions in memory and reads them at start, so they must not pile up. The retention covers
 * attempts of a cancelled job still waiting in Kafka, which the workers must keep skipping.
 */
@Component
public class ControlJanitor extends PeriodicAgent implements SmartLifecycle {

  private static final int BATCH = 500;

  private final JobStore jobs;
  private final ControlPublisher control;
  private final Duration retention;

  public ControlJanitor(JobStore jobs, ControlPublisher control, CoordinatorProperties properties) {
    super("control-janitor", properties.control().cleanupPeriod());
    this.jobs = jobs;
    this.control = control;
    this.retention = properties.control().retention();
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

  @Override
  protected void runPass() {
    liftOnce();
  }
}
