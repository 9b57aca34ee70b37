package io.findoc.batch.coordinator.metrics;

import io.findoc.batch.coordinator.store.JobInfo;
import io.findoc.batch.coordinator.store.MetricsStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The tenant and submission time of the jobs whose reports this coordinator applies, for the
 * figures: read once per job and kept for the most recent {@value #CAPACITY} jobs, so a batch costs
 * at most one small query, and only when it has reports of jobs not seen lately.
 */
@Component
public class JobDirectory {

  static final int CAPACITY = 10_000;

  private final MetricsStore store;
  private final Map<UUID, JobInfo> known =
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, JobInfo> eldest) {
          return size() > CAPACITY;
        }
      };

  public JobDirectory(MetricsStore store) {
    this.store = store;
  }

  /** The jobs among {@code ids} that exist. */
  public synchronized Map<UUID, JobInfo> find(Collection<UUID> ids) {
    Map<UUID, JobInfo> found = new HashMap<>();
    List<UUID> missing = new ArrayList<>();
    for (UUID id : ids) {
      JobInfo info = known.get(id);
      if (info == null) {
        missing.add(id);
      } else {
        found.put(id, info);
      }
    }
    if (!missing.isEmpty()) {
      for (JobInfo info : store.findJobInfo(missing.toArray(UUID[]::new))) {
        known.put(info.id(), info);
        found.put(info.id(), info);
      }
    }
    return found;
  }
}
