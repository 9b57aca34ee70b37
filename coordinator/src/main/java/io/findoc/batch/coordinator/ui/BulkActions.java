package io.findoc.batch.coordinator.ui;

import io.findoc.batch.coordinator.api.InvalidParameterException;
import io.findoc.batch.coordinator.control.JobOperations;
import io.findoc.batch.coordinator.control.JobStateConflictException;
import io.findoc.batch.coordinator.security.Caller;
import io.findoc.batch.coordinator.security.Role;
import io.findoc.batch.coordinator.store.DashboardStore;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * One action on every job a filter matches, job by job through {@link JobOperations} as the API
 * does it: a job whose state forbids the action is skipped and counted. The action goes to the
 * audit trail with its filter and the number of jobs it changed.
 */
@Component
public class BulkActions {

  /** What a bulk action does to each job. */
  public enum Action {
    PAUSE,
    RESUME,
    CANCEL,
    RETRY;

    static Action parse(String text) {
      try {
        return valueOf(text.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new InvalidParameterException("action", "must be pause, resume, cancel or retry");
      }
    }

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * @param changed jobs the action was applied to
   * @param skipped jobs whose state forbade it
   * @param retriedTasks failed tasks sent again (retry only)
   * @param truncated whether more jobs matched than one action changes
   */
  public record Outcome(
      Action action, int changed, int skipped, int retriedTasks, boolean truncated) {}

  private final DashboardStore store;
  private final JobOperations operations;
  private final UiAudit audit;
  private final UiProperties settings;

  public BulkActions(
      DashboardStore store, JobOperations operations, UiAudit audit, UiProperties settings) {
    this.store = store;
    this.operations = operations;
    this.audit = audit;
    this.settings = settings;
  }

  Outcome apply(Caller caller, Action action, JobFilter filter) {
    caller.require(Role.OPERATOR);
    List<UUID> ids = store.findJobIds(filter.selection(caller), settings.bulkLimit() + 1);
    boolean truncated = ids.size() > settings.bulkLimit();
    int changed = 0;
    int skipped = 0;
    int retried = 0;
    for (UUID id : ids.subList(0, Math.min(ids.size(), settings.bulkLimit()))) {
      try {
        switch (action) {
          case PAUSE -> operations.pause(id, caller.actor());
          case RESUME -> operations.resume(id, caller.actor());
          case CANCEL -> operations.cancel(id, caller.actor(), "bulk cancel from the dashboard");
          case RETRY -> retried += operations.retryFailed(id, caller.actor(), null, null);
        }
        changed++;
      } catch (JobStateConflictException e) {
        skipped++;
      }
    }
    audit.changed(
        caller,
        "bulk " + action.label(),
        filter.describe() + "; skipped " + skipped + (truncated ? "; more matched" : ""),
        changed);
    return new Outcome(action, changed, skipped, retried, truncated);
  }
}
