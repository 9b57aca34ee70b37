package io.findoc.batch.coordinator.metrics;

import io.findoc.batch.common.agent.PeriodicAgent;
import io.findoc.batch.coordinator.config.CoordinatorProperties;
import io.findoc.batch.coordinator.store.MetricsStore;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Deletes the per-minute figures older than {@code findoc.metrics.retention} (7 days), every {@code
 * findoc.metrics.cleanup-period} (10 min).
 */
@Component
public class MetricsJanitor extends PeriodicAgent implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(MetricsJanitor.class);

  private final MetricsStore store;
  private final Clock clock;
  private final Duration retention;

  public MetricsJanitor(MetricsStore store, Clock clock, CoordinatorProperties properties) {
    super("metrics-janitor", properties.metrics().cleanupPeriod());
    this.store = store;
    this.clock = clock;
    this.retention = properties.metrics().retention();
  }

  @Override
  protected void runPass() {
    runOnce();
  }

  /** Deletes the figures past their retention; returns how many rows. */
  public int runOnce() {
    int deleted = store.deleteBefore(clock.instant().minus(retention));
    if (deleted > 0) {
      LOG.debug("Deleted {} per-minute figures older than {}.", deleted, retention);
    }
    return deleted;
  }
}
