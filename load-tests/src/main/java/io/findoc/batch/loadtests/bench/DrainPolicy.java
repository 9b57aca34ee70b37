package io.findoc.batch.loadtests.bench;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Decides, from what the coordinator still has unfinished, what the drain before a scenario does
 * next: go on (drained), wait, cancel leftovers, or give up and go on with a warning. A paused job
 * never finishes by itself, so it is cancelled at once; any other unfinished job is waited for up
 * to the timeout, then cancelled; a job rolling back cannot be cancelled and is waited for. Once no
 * job is unfinished, the task topics' consumer lag (messages the workers have not consumed,
 * cancelled tasks' included) is waited for up to {@code lagGrace}, since the next scenario would
 * queue behind it. Past the timeout plus {@code lagGrace} it gives up: the next scenario runs, with
 * a warning.
 */
public final class DrainPolicy {

  private static final Set<String> CANCELLABLE = Set.of("WAITING", "QUEUED", "RUNNING", "PAUSED");

  private final Duration timeout;
  private final Duration lagGrace;

  /**
   * @param timeout how long unfinished jobs are waited for before they are cancelled
   * @param lagGrace how long a consumer lag is waited for once no job is unfinished (and how long,
   *     past the timeout, cancelled jobs may take to end)
   */
  public DrainPolicy(Duration timeout, Duration lagGrace) {
    this.timeout = timeout;
    this.lagGrace = lagGrace;
  }

  /** An unfinished job: its id and state. */
  public record Unfinished(String id, String state) {}

  /** What to do next. */
  public enum Action {
    /** Nothing unfinished, no lag: the scenario may start. */
    DRAINED,
    /** Poll again in a moment. */
    WAIT,
    /** Cancel {@link Step#cancel()}, then poll again. */
    CANCEL,
    /** Still not drained past every bound: report it and go on. */
    GIVE_UP
  }

  /**
   * @param action what to do
   * @param cancel the jobs to cancel (with {@link Action#CANCEL})
   * @param reason what is left, for the report
   */
  public record Step(Action action, List<Unfinished> cancel, String reason) {}

  /**
   * The next step.
   *
   * @param unfinished the tenant's unfinished jobs now
   * @param lag the task topics' consumer lag, summed (null: unknown, then not waited for)
   * @param waited since the drain started
   * @param lagSince how long the lag alone has been waited for (zero while jobs were unfinished)
   * @param cancelRequested jobs whose cancellation was asked already (never asked twice)
   */
  public Step next(
      List<Unfinished> unfinished,
      Long lag,
      Duration waited,
      Duration lagSince,
      Set<String> cancelRequested) {
    if (unfinished.isEmpty()) {
      if (lag == null || lag == 0) {
        return new Step(Action.DRAINED, List.of(), "");
      }
      String reason = "no unfinished job, but " + lag + " task messages not consumed";
      return lagSince.compareTo(lagGrace) >= 0
          ? new Step(Action.GIVE_UP, List.of(), reason)
          : new Step(Action.WAIT, List.of(), reason);
    }
    String reason = unfinished.size() + " unfinished job(s): " + summary(unfinished);
    boolean late = waited.compareTo(timeout) >= 0;
    List<Unfinished> cancel =
        unfinished.stream()
            .filter(j -> CANCELLABLE.contains(j.state()))
            .filter(j -> !cancelRequested.contains(j.id()))
            .filter(j -> late || j.state().equals("PAUSED"))
            .toList();
    if (!cancel.isEmpty()) {
      return new Step(Action.CANCEL, cancel, reason);
    }
    if (waited.compareTo(timeout.plus(lagGrace)) >= 0) {
      return new Step(Action.GIVE_UP, List.of(), reason);
    }
    return new Step(Action.WAIT, List.of(), reason);
  }

  private static String summary(List<Unfinished> jobs) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < Math.min(5, jobs.size()); i++) {
      text.append(i == 0 ? "" : ", ")
          .append(jobs.get(i).id())
          .append(' ')
          .append(jobs.get(i).state());
    }
    return jobs.size() > 5 ? text.append(", ...").toString() : text.toString();
  }
}
