package io.findoc.batch.coordinator.dispatch;

import io.findoc.batch.common.message.Priority;
import io.findoc.batch.common.state.TaskState;
import io.findoc.batch.coordinator.config.CoordinatorProperties;
import io.findoc.batch.coordinator.store.AttachedStores;
import io.findoc.batch.coordinator.store.ClaimedTask;
import io.findoc.batch.coordinator.store.CountDeltas;
import io.findoc.batch.coordinator.store.DispatchCandidate;
import io.findoc.batch.coordinator.store.DispatchStore;
import io.findoc.batch.coordinator.store.JobCountStore;
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

  /**
   * How often at most a round looks for rounds past their retry time: they come due seconds apart
   * ({@code send-timeout} + 5 s, or 1 s after a refusal), and the look costs a query and a store
   * attached on every round, which with small jobs is every job.
   */
  static final Duration DUE_ROUNDS_CHECK = Duration.ofMillis(500);

  private final Jdbi jdbi;
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
  private long nextDueRoundsCheck = System.nanoTime();

  public TaskDispatcher(
      Jdbi jdbi,
      DispatchRounds rounds,
      DispatchSignal signal,
      CompletionRate completions,
      CoordinatorProperties properties,
      MeterRegistry meters) {
    this.completions = completions;
    this.credit = new DispatchCredit(properties.dispatch());
    this.jdbi = jdbi;
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
    int again = 0;
    if (System.nanoTime() - nextDueRoundsCheck >= 0) {
      nextDueRoundsCheck = System.nanoTime() + DUE_ROUNDS_CHECK.toNanos();
      again = rounds.publishDue();
    }
    return again + dispatchNew();
  }

  private int dispatchNew() {
    Round round = jdbi.inTransaction(this::planAndClaim);
    if (round.tasks().isEmpty()) {
      return 0;
    }
    publishing.record(() -> rounds.publish(round.id(), round.tasks()));
    dispatched.increment(round.tasks().size());
    return round.tasks().size();
  }

  private record Round(long id, List<ClaimedTask> tasks) {}

  private static final Round NONE = new Round(0, List.of());

  /**
   * Plans a round and claims its tasks, in one transaction with one store: with small jobs a round
   * runs for every job, and each handle and each attached store costs more than the queries.
   */
  private Round planAndClaim(Handle handle) {
    DispatchStore store = AttachedStores.of(handle, DispatchStore.class);
    List<DispatchCandidate> candidates = store.findDispatchCandidates(MAX_JOBS_PER_ROUND);
    if (candidates.isEmpty()) {
      return NONE;
    }
    Set<Priority> waiting = EnumSet.noneOf(Priority.class);
    candidates.forEach(job -> waiting.add(job.priority()));
    int target = this.credit.target(completions.perSecond());
    Map<Priority, Integer> credit =
        this.credit.forRound(target, store.countQueuedByPriority(), waiting);
    DispatchPlan plan = DispatchPlanner.plan(candidates, target, credit);
    if (plan.isEmpty()) {
      return NONE;
    }
    List<ClaimedTask> claimed =
        claiming.record(
            () -> {
              List<ClaimedTask> all = new ArrayList<>(claim(store, plan.fifo(), false));
              all.addAll(claim(store, plan.lifo(), true));
              return all;
            });
    if (claimed.isEmpty()) {
      return NONE;
    }
    CountDeltas deltas = new CountDeltas();
    for (ClaimedTask task : claimed) {
      deltas.move(task.jobId(), task.previousState(), TaskState.QUEUED);
    }
    AttachedStores.of(handle, JobCountStore.class).addCounts(deltas);
    return new Round(rounds.open(handle, claimed), claimed);
  }

  private static List<ClaimedTask> claim(
      DispatchStore store, DispatchPlan.Claims claims, boolean newestFirst) {
    if (claims.isEmpty()) {
      return List.of();
    }
    return store.claimDispatchable(claims.jobIds(), claims.limits(), newestFirst);
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
