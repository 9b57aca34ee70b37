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
import java.util.function.ToIntFunction;
import org.springframework.stereotype.Component;

/**
 * One action on every job a filter matches, job by job through {@link JobOperations} as the API
 * does it: a job whose state forbids the action is skipped and counted. The action goes to the
 * audit trail with its filter and the number of jobs it changed. The dead letters' "redeliver all
 * matching" goes the same way, job by job, counting the tasks it sent again.
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
    Tally tally =
        eachJob(
            ids,
            id ->
                switch (action) {
                  case PAUSE -> {
                    operations.pause(id, caller.actor());
                    yield 0;
                  }
                  case RESUME -> {
                    operations.resume(id, caller.actor());
                    yield 0;
                  }
                  case CANCEL -> {
                    operations.cancel(id, caller.actor(), "bulk cancel from the dashboard");
                    yield 0;
                  }
                  case RETRY -> operations.retryFailed(id, caller.actor(), null, null);
                });
    audit.changed(caller, "bulk " + action.label(), filter.describe() + tally.note(), tally.jobs());
    return new Outcome(action, tally.jobs(), tally.skipped(), tally.tasks(), tally.truncated());
  }

  /**
   * Sends the dead letters of {@code jobIds} again, each job's failed tasks (of {@code errorCode}
   * only, unless null) as new attempts, as the job's retry does; audited with {@code filter}, the
   * dead-letter list's filter in words, and the number of tasks sent.
   */
  Tally redeliverDeadLetters(Caller caller, List<UUID> jobIds, String errorCode, String filter) {
    caller.require(Role.OPERATOR);
    List<String> codes = errorCode == null ? null : List.of(errorCode);
    Tally tally = eachJob(jobIds, id -> operations.retryFailed(id, caller.actor(), codes, null));
    audit.changed(caller, "redeliver all dead letters", filter + tally.note(), tally.tasks());
    return tally;
  }

  /**
   * Refuses an action on {@code expected} things (the count its preview showed) unless that count
   * was typed as {@code confirmation}, when it is above {@code findoc.ui.confirm-above}.
   *
   * @param things what is counted, for the message ("jobs", "dead letters")
   */
  void requireConfirmation(Long expected, String confirmation, String things) {
    if (expected == null) {
      throw new InvalidParameterException("expected", "is required: the count of the preview");
    }
    if (expected > settings.confirmAbove()
        && (confirmation == null || !confirmation.strip().equals(Long.toString(expected)))) {
      throw new InvalidParameterException(
          "confirmation", "type " + expected + " to confirm an action on that many " + things);
    }
  }

  /**
   * What an action on many jobs did.
   *
   * @param jobs jobs the action was applied to
   * @param skipped jobs whose state forbade it
   * @param tasks tasks it sent again (retry and redelivery)
   * @param truncated whether more jobs matched than one action changes ({@code bulk-limit})
   */
  public record Tally(int jobs, int skipped, int tasks, boolean truncated) {

    /** The tally as the audit trail's target gets it after the filter. */
    String note() {
      return "; skipped " + skipped + (truncated ? "; more matched" : "");
    }
  }

  /**
   * Applies {@code change} (answering the tasks it sent again) to each job up to {@code
   * bulk-limit}; a job whose state forbids it is skipped and counted.
   */
  private Tally eachJob(List<UUID> ids, ToIntFunction<UUID> change) {
    boolean truncated = ids.size() > settings.bulkLimit();
    int changed = 0;
    int skipped = 0;
    int tasks = 0;
    for (UUID id : ids.subList(0, Math.min(ids.size(), settings.bulkLimit()))) {
      try {
        tasks += change.applyAsInt(id);
        changed++;
      } catch (JobStateConflictException e) {
        skipped++;
      }
    }
    return new Tally(changed, skipped, tasks, truncated);
  }
}
