package io.findoc.batch.coordinator.dispatch;

import io.findoc.batch.common.message.Priority;
import io.findoc.batch.common.state.TaskState;
import io.findoc.batch.coordinator.config.CoordinatorProperties;
import io.findoc.batch.coordinator.store.AttachedStores;
import io.findoc.batch.coordinator.store.ClaimedTask;
import io.findoc.batch.coordinator.store.CountDeltas;
import io.findoc.batch.coordinator.store.JobStore;
import io.findoc.batch.coordinator.store.TaskStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Hands dispatchable tasks to Kafka, round after round, on a thread of its own. Each round takes
 * each priority's credit ({@link DispatchCredit}), divides it fairly among tenants and jobs ({@link
 * DispatchPlanner}), claims that many tasks of each job (QUEUED) and commits, then publishes them
 * ({@link DispatchRounds}: a round whose publication failed or whose coordinator died is published
 * again). Several coordinators may run it at once: claims skip rows another one has locked.
 */
@Component
public class TaskDispatcher implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(TaskDispatcher.class);

  /** The most jobs one round divides its credit among; later ones wait for a later round. */
  private static final int MAX_JOBS_PER_ROUND = 1000;

  private static final Duration PAUSE_AFTER_FAILURE = Duration.ofSeconds(1);

  private final Jdbi jdbi;
  private final JobStore jobs;
  private final DispatchRounds rounds;
  private final DispatchSignal signal;
  private final CoordinatorProperties.Dispatch settings;
  private final DispatchCredit credit;
  private final CompletionRate completions;
  private final Counter dispatched;
  private final Counter failedRounds;
  private final Timer claiming;
  private final Timer publishing;
  private volatile Thread thread;

  public TaskDispatcher(
      Jdbi jdbi,
      JobStore jobs,
      DispatchRounds rounds,
      DispatchSignal signal,
      CompletionRate completions,
      CoordinatorProperties properties,
      MeterRegistry meters) {
    this.completions = completions;
    this.credit = new DispatchCredit(properties.dispatch());
    this.jdbi = jdbi;
    this.jobs = jobs;
    this.rounds = rounds;
    this.signal = signal;
    this.settings = properties.dispatch();
    this.dispatched = meters.counter("findoc.dispatch.tasks");
    this.failedRounds = meters.counter("findoc.dispatch.failed.rounds");
    this.claiming = meters.timer("findoc.dispatch.claim");
    this.publishing = meters.timer("findoc.dispatch.publish");
  }

  /**
   * One dispatch round.
   *
   * @return how many tasks were handed to Kafka, those of an unfinished round published again
   *     included
   */
  public int runOnce() {
    int again = rounds.publishDue();
    return again + dispatchNew();
  }

  private int dispatchNew() {
    List<DispatchCandidate> candidates = jobs.findDispatchCandidates(MAX_JOBS_PER_ROUND);
    if (candidates.isEmpty()) {
      return 0;
    }
    Set<Priority> waiting = EnumSet.noneOf(Priority.class);
    candidates.forEach(job -> waiting.add(job.priority()));
    int target = this.credit.target(completions.perSecond());
    Map<Priority, Integer> credit =
        this.credit.forRound(target, jobs.countQueuedByPriority(), waiting);
    DispatchPlan plan = DispatchPlanner.plan(candidates, target, credit);
    if (plan.isEmpty()) {
      return 0;
    }
    Round round = jdbi.inTransaction(handle -> claim(handle, plan));
    if (round.tasks().isEmpty()) {
      return 0;
    }
    publishing.record(() -> rounds.publish(round.id(), round.tasks()));
    dispatched.increment(round.tasks().size());
    return round.tasks().size();
  }

  private record Round(long id, List<ClaimedTask> tasks) {}

  /** Claims the planned tasks, moves the job counters and records the round, in one transaction. */
  private Round claim(Handle handle, DispatchPlan plan) {
    TaskStore taskStore = AttachedStores.of(handle, TaskStore.class);
    List<ClaimedTask> claimed =
        claiming.record(
            () -> {
              List<ClaimedTask> all = new ArrayList<>(claim(taskStore, plan.fifo(), false));
              all.addAll(claim(taskStore, plan.lifo(), true));
              return all;
            });
    if (claimed.isEmpty()) {
      return new Round(0, claimed);
    }
    CountDeltas deltas = new CountDeltas();
    for (ClaimedTask task : claimed) {
      deltas.move(task.jobId(), task.previousState(), TaskState.QUEUED);
    }
    AttachedStores.of(handle, JobStore.class).addCounts(deltas);
    return new Round(rounds.open(handle, claimed), claimed);
  }

  private static List<ClaimedTask> claim(
      TaskStore tasks, DispatchPlan.Claims claims, boolean newestFirst) {
    if (claims.isEmpty()) {
      return List.of();
    }
    return tasks.claimDispatchable(claims.jobIds(), claims.limits(), newestFirst);
  }

  private void loop() {
    while (!Thread.currentThread().isInterrupted()) {
      try {
        if (runOnce() == 0) {
          signal.await(settings.idlePoll());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException e) {
        failedRounds.increment();
        LOG.warn(
            "Dispatch round failed; its tasks stay dispatchable and the next round, in {}, tries"
                + " again.",
            PAUSE_AFTER_FAILURE,
            e);
        try {
          Thread.sleep(PAUSE_AFTER_FAILURE.toMillis());
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  @Override
  public synchronized void start() {
    if (thread == null) {
      thread = new Thread(this::loop, "task-dispatcher");
      thread.setDaemon(true);
      thread.start();
    }
  }

  @Override
  public synchronized void stop() {
    Thread running = thread;
    thread = null;
    if (running != null) {
      running.interrupt();
      try {
        running.join(Duration.ofSeconds(30).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return thread != null;
  }
}
