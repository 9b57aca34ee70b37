package io.findoc.batch.coordinator.metrics;

import io.findoc.batch.common.agent.PeriodicAgent;
import io.findoc.batch.coordinator.config.CoordinatorProperties;
import io.findoc.batch.coordinator.store.MetricsStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Adds what this coordinator counted ({@link MinuteFigures}) to {@code metrics_minute} every {@code
 * findoc.metrics.flush-period} (5 s), and once more when it stops. The table's values are added to,
 * never set, so every coordinator writes its own share and the sums are exact; figures that could
 * not be written are kept for the next pass.
 */
@Component
public class MetricsFlusher extends PeriodicAgent implements SmartLifecycle {

  private final MinuteFigures figures;
  private final MetricsStore store;

  public MetricsFlusher(
      MinuteFigures figures, MetricsStore store, CoordinatorProperties properties) {
    super("metrics-flusher", properties.metrics().flushPeriod());
    this.figures = figures;
    this.store = store;
  }

  @Override
  protected void runPass() {
    flush();
  }

  /** Writes what was counted so far; the metrics API calls it before it reads. */
  public void flush() {
    Map<FigureKey, Long> taken = figures.takeAll();
    if (taken.isEmpty()) {
      return;
    }
    try {
      store.addFigures(rows(new TreeMap<>(taken)));
    } catch (RuntimeException e) {
      figures.putBack(taken);
      throw e;
    }
  }

  private static MetricsStore.FigureRows rows(Map<FigureKey, Long> sorted) {
    int n = sorted.size();
    String[] minutes = new String[n];
    String[] tenants = new String[n];
    String[] metrics = new String[n];
    String[] labels = new String[n];
    int[] buckets = new int[n];
    long[] values = new long[n];
    List<Map.Entry<FigureKey, Long>> entries = new ArrayList<>(sorted.entrySet());
    for (int i = 0; i < n; i++) {
      FigureKey key = entries.get(i).getKey();
      minutes[i] = key.minute().toString();
      tenants[i] = key.tenant();
      metrics[i] = key.metric();
      labels[i] = key.label();
      buckets[i] = key.bucket();
      values[i] = entries.get(i).getValue();
    }
    return new MetricsStore.FigureRows(minutes, tenants, metrics, labels, buckets, values);
  }

  @Override
  public synchronized void stop() {
    super.stop();
    try {
      flush();
    } catch (RuntimeException e) {
      // The database may be gone already; these seconds of figures are lost, nothing else.
    }
  }
}
