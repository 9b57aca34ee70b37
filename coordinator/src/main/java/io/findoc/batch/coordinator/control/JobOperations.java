package io.findoc.batch.coordinator.control;

import io.findoc.batch.common.id.JobId;
import io.findoc.batch.common.message.ControlAction;
import io.findoc.batch.common.message.Priority;
import io.findoc.batch.common.state.JobState;
import io.findoc.batch.common.state.TaskState;
import io.findoc.batch.coordinator.dispatch.DispatchSignal;
import io.findoc.batch.coordinator.store.AttachedStores;
import io.findoc.batch.coordinator.store.CountDeltas;
import io.findoc.batch.coordinator.store.JobCountStore;
import io.findoc.batch.coordinator.store.JobRow;
import io.findoc.batch.coordinator.store.JobStore;
import io.findoc.batch.coordinator.store.TaskStore;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.springframework.stereotype.Component;

/**
 * Pause, resume, cancel and a new priority. Each is idempotent (asking for the state a job is
 * already in changes nothing, and signals the workers again), refuses with {@link
 * JobStateConflictException} what the job's state forbids, and records what it changed in the job's
 * history. A job moved by someone else meanwhile (the aggregator starting or finishing it) is read
 * again and the decision taken anew.
 */
@Component
public class JobOperations {

  private static final int ATTEMPTS = 5;

  private final Jdbi jdbi;
  private final JobStore jobs;
  private final ControlPublisher control;
  private final DispatchSignal dispatchSignal;

  public JobOperations(
      Jdbi jdbi, JobStore jobs, ControlPublisher control, DispatchSignal dispatchSignal) {
    this.jdbi = jdbi;
    this.jobs = jobs;
    this.control = control;
    this.dispatchSignal = dispatchSignal;
  }

  /**
   * No task of the job is dispatched any more, and workers defer the ones already handed to Kafka;
   * running tasks finish and their results count.
   */
  public void pause(UUID id, String actor) {
    for (int attempt = 1; ; attempt++) {
      JobState state = current(id).state();
      if (state == JobState.PAUSED) {
        break;
      }
      if (!state.canMoveTo(JobState.PAUSED)) {
        throw new JobStateConflictException(
            id, "pause", state, "only a QUEUED or RUNNING job can be paused");
      }
      if (jobs.moveState(id, state, JobState.PAUSED, actor, null) == 1) {
        break;
      }
      giveUpAfter(attempt, id);
    }
    signal(id, ControlAction.PAUSE);
  }

  /** Dispatch goes on where it stopped, deferred tasks included. */
  public void resume(UUID id, String actor) {
    for (int attempt = 1; ; attempt++) {
      JobRow job = current(id);
      JobState state = job.state();
      if (state == JobState.QUEUED || state == JobState.RUNNING) {
        break;
      }
      if (state != JobState.PAUSED) {
        throw new JobStateConflictException(
            id, "resume", state, "only a PAUSED job can be resumed");
      }
      JobState next =
          job.startedAt() != null || job.counts().anyStarted() ? JobState.RUNNING : JobState.QUEUED;
      if (jobs.moveState(id, state, next, actor, null) == 1) {
        break;
      }
      giveUpAfter(attempt, id);
    }
    signal(id, null);
    dispatchSignal.wakeUp();
  }

  /**
   * Cancels every task that is not done, in one transaction with the job's state: counts add up at
   * once. Workers stop the running ones; their late reports change nothing. (A job cancelled while
   * WAITING had no task handed out, so the workers are not told.)
   */
  public void cancel(UUID id, String actor, String reason) {
    String why = reason == null || reason.isBlank() ? "cancelled by " + actor : reason;
    boolean dispatched = true;
    for (int attempt = 1; ; attempt++) {
      JobState state = current(id).state();
      if (state == JobState.CANCELLED) {
        break;
      }
      dispatched = state != JobState.WAITING;
      if (!state.canMoveTo(JobState.CANCELLED)) {
        throw new JobStateConflictException(
            id, "cancel", state, "a job that has finished cannot be cancelled");
      }
      try {
        if (cancelTasksAndJob(id, state, actor, why)) {
          break;
        }
      } catch (UnableToExecuteStatementException e) {
        // The aggregator locks task rows, then job rows, as this does; a deadlock aborts one.
        if (!isDeadlock(e)) {
          throw e;
        }
      }
      giveUpAfter(attempt, id);
    }
    if (dispatched) {
      signal(id, ControlAction.CANCEL);
    }
  }

  private boolean cancelTasksAndJob(UUID id, JobState from, String actor, String reason) {
    return jdbi.inTransaction(
        handle -> {
          JobStore jobStore = AttachedStores.of(handle, JobStore.class);
          TaskStore tasks = AttachedStores.of(handle, TaskStore.class);
          // Three plain statements rather than one self-join, whose plan went quadratic on a
          // freshly copied job the statistics did not know yet.
          int locked = tasks.lockUnfinished(id);
          CountDeltas deltas = new CountDeltas();
          for (TaskStore.StateCount left : tasks.countUnfinished(id)) {
            deltas.move(id, left.state(), TaskState.CANCELLED, left.tasks());
          }
          if (tasks.cancelUnfinished(id) != locked || deltas.moves() != locked) {
            handle.rollback();
            return false;
          }
          if (!deltas.isEmpty()) {
            AttachedStores.of(handle, JobCountStore.class).addCounts(deltas);
          }
          if (jobStore.moveState(id, from, JobState.CANCELLED, actor, reason) == 0) {
            handle.rollback();
            return false;
          }
          return true;
        });
  }

  /**
   * Runs the job's failed tasks again as new attempts (those with one of {@code errorCodes}, and
   * among {@code numbers}, when given); a finished job reopens as RUNNING, and its counts stay
   * exact. Returns how many tasks will run again.
   */
  public int retryFailed(UUID id, String actor, List<String> errorCodes, List<Integer> numbers) {
    for (int attempt = 1; ; attempt++) {
      JobRow job = current(id);
      JobState state = job.state();
      if (job.rollback() != null && job.rollback().compensations() > 0) {
        throw new JobStateConflictException(
            id,
            "retry the failed tasks of",
            state,
            "a job that rolled back (its succeeded tasks were compensated) cannot be retried");
      }
      if (state == JobState.CANCELLED
          || state == JobState.ROLLED_BACK
          || state == JobState.ROLLING_BACK
          || state == JobState.COMPLETED) {
        throw new JobStateConflictException(
            id, "retry the failed tasks of", state, "a job with failed tasks can be retried");
      }
      Integer retried =
          retryInTransaction(id, state, job.hasTaskDependencies(), actor, errorCodes, numbers);
      if (retried != null) {
        if (retried > 0) {
          dispatchSignal.wakeUp();
        }
        return retried;
      }
      giveUpAfter(attempt, id);
    }
  }

  /** The retry in one transaction; null if the job changed state meanwhile. */
  private Integer retryInTransaction(
      UUID id,
      JobState from,
      boolean dependent,
      String actor,
      List<String> errorCodes,
      List<Integer> numbers) {
    String[] codes = errorCodes == null ? null : errorCodes.toArray(String[]::new);
    int[] only = numbers == null ? null : numbers.stream().mapToInt(Integer::intValue).toArray();
    return jdbi.inTransaction(
        handle -> {
          JobStore jobStore = AttachedStores.of(handle, JobStore.class);
          CountDeltas deltas = new CountDeltas();
          int retried;
          if (dependent) {
            retried = DependentRetry.retry(handle, id, codes, only, deltas);
          } else {
            retried =
                AttachedStores.of(handle, TaskStore.class).retryFailed(id, codes, only).size();
            deltas.move(id, TaskState.FAILED, TaskState.PENDING, retried);
          }
          if (retried == 0) {
            return 0;
          }
          String detail = "retry of " + retried + " failed task" + (retried == 1 ? "" : "s");
          // The job reopens before its counts move: a finished job must have all tasks terminal.
          if (from.isFinished()) {
            if (jobStore.moveState(id, from, JobState.RUNNING, actor, detail) == 0) {
              handle.rollback();
              return null;
            }
          } else {
            jobStore.recordHistory(id, from, from, actor, detail);
          }
          AttachedStores.of(handle, JobCountStore.class).addCounts(deltas);
          return retried;
        });
  }

  /**
   * Sets the priority of the job's tasks not yet dispatched; tasks already handed to Kafka keep
   * theirs.
   */
  public void changePriority(UUID id, Priority priority, String actor) {
    JobRow job = current(id);
    if (job.priority() == priority) {
      return;
    }
    jdbi.useTransaction(
        handle -> {
          JobStore jobStore = AttachedStores.of(handle, JobStore.class);
          if (jobStore.changePriority(id, priority.wireName()) == 0) {
            throw new JobStateConflictException(
                id,
                "change the priority of",
                current(id).state(),
                "only an unfinished job can change its priority");
          }
          jobStore.recordHistory(
              id,
              job.state(),
              job.state(),
              actor,
              "priority " + job.priority().wireName() + " -> " + priority.wireName());
        });
    dispatchSignal.wakeUp();
  }

  /** Records, then publishes, what stands for the job on the control topic. */
  private void signal(UUID id, ControlAction action) {
    jobs.setControlSignal(id, action);
    control.publish(new JobId(id), action);
  }

  private static boolean isDeadlock(UnableToExecuteStatementException e) {
    return e.getCause() instanceof SQLException sql && "40P01".equals(sql.getSQLState());
  }

  private JobRow current(UUID id) {
    return jobs.find(id).orElseThrow(() -> new IllegalStateException("job " + id + " vanished"));
  }

  private static void giveUpAfter(int attempt, UUID id) {
    if (attempt >= ATTEMPTS) {
      throw new IllegalStateException(
          "job " + id + " kept changing state; gave up after " + attempt + " attempts");
    }
  }
}
