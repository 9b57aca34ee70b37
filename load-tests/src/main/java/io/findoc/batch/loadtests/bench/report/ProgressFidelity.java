package io.findoc.batch.loadtests.bench.report;

import io.findoc.batch.loadtests.client.ProgressEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How closely a job's progress stream followed the truth, judged from its events and the tasks' own
 * finish times (set by the workers, on the same clock as the watcher's):
 *
 * <ul>
 *   <li><b>accuracy</b>: for each event that arrived once at least a tenth of the tasks had
 *       finished, the count it showed over the tasks finished when it arrived; mean and worst;
 *   <li><b>lag</b>: for each task that finished once the watcher could watch (its submission had
 *       been answered), from its finish until the first event whose count includes it (the stream's
 *       cadence included); p50, p99 and worst. Tasks that finished while the submission was still
 *       being answered are left out: no watcher can know of the job before that;
 *   <li><b>points behind</b>: the most percentage points of the job an event showed fewer than had
 *       finished when it arrived;
 *   <li><b>events per second</b> between the first and the last event;
 *   <li><b>ETA error</b> at 25, 50 and 75% done: the first event at or past the share, its
 *       estimated finish against the last task's finish, as a share of the time that was still left
 *       then.
 * </ul>
 *
 * @param accuracyMean mean of the counts shown over the true ones, after 10% done
 * @param accuracyWorst the lowest of them
 * @param lagP50Ms median lag over the tasks, in ms
 * @param lagP99Ms 99th percentile of the lag, in ms
 * @param lagMaxMs the largest lag, in ms
 * @param pointsBehind the most percentage points an event trailed the truth by
 * @param eventsPerSecond events per second while the job ran
 * @param etaError25 the ETA's error at 25% done, as a share of the time left (NaN without one)
 * @param etaError50 the same at 50% done
 * @param etaError75 the same at 75% done
 */
public record ProgressFidelity(
    double accuracyMean,
    double accuracyWorst,
    double lagP50Ms,
    double lagP99Ms,
    double lagMaxMs,
    double pointsBehind,
    double eventsPerSecond,
    double etaError25,
    double etaError50,
    double etaError75) {

  /** Accuracy counts only once this share of the tasks has finished: early ratios are noise. */
  static final double ACCURACY_FROM = 0.10;

  /**
   * Judges {@code events} (in arrival order) against the finish times of all the job's tasks.
   *
   * @param watchable when the watcher could first ask for the job (its submission was answered)
   */
  public static ProgressFidelity of(
      List<Instant> finishes, List<ProgressEvent> events, Instant watchable) {
    if (finishes.isEmpty() || events.isEmpty()) {
      throw new IllegalArgumentException("no tasks finished or no event arrived");
    }
    long[] finished = finishes.stream().mapToLong(ProgressFidelity::micros).sorted().toArray();
    int total = finished.length;
    List<Double> ratios = new ArrayList<>();
    double behind = 0;
    for (ProgressEvent event : events) {
      int truth = finishedBy(finished, micros(event.arrivedAt()));
      behind = Math.max(behind, 100.0 * (truth - event.done()) / total);
      if (truth >= ACCURACY_FROM * total) {
        ratios.add((double) event.done() / truth);
      }
    }
    Stats accuracy = ratios.isEmpty() ? Stats.of(Double.NaN) : Stats.of(ratios);
    List<Double> lags = lagsMs(finished, events, micros(watchable));
    Stats lag = lags.isEmpty() ? Stats.of(Double.NaN) : Stats.of(lags);
    long last = finished[total - 1];
    Duration running =
        Duration.between(events.get(0).arrivedAt(), events.get(events.size() - 1).arrivedAt());
    return new ProgressFidelity(
        accuracy.mean(),
        accuracy.min(),
        lag.median(),
        lag.percentile(99),
        lag.max(),
        behind,
        running.isZero() ? Double.NaN : (events.size() - 1) / (running.toNanos() / 1e9),
        etaError(events, total, 0.25, last),
        etaError(events, total, 0.50, last),
        etaError(events, total, 0.75, last));
  }

  /**
   * For each task in finish order that finished after {@code from}, the ms until an event showed a
   * count that includes it.
   */
  private static List<Double> lagsMs(long[] finished, List<ProgressEvent> events, long from) {
    List<Double> lags = new ArrayList<>(finished.length);
    int next = 0;
    for (int task = finishedBy(finished, from); task < finished.length; task++) {
      while (next < events.size()
          && (events.get(next).done() <= task
              || micros(events.get(next).arrivedAt()) < finished[task])) {
        next++;
      }
      if (next == events.size()) {
        break; // never shown: the stream ended early; the remaining tasks have no lag to give
      }
      lags.add(Math.max(0, micros(events.get(next).arrivedAt()) - finished[task]) / 1000.0);
    }
    return lags;
  }

  private static double etaError(List<ProgressEvent> events, int total, double share, long end) {
    for (ProgressEvent event : events) {
      if (event.done() >= share * total) {
        long at = micros(event.arrivedAt());
        if (event.estimatedFinishAt() == null || end <= at) {
          return Double.NaN;
        }
        return Math.abs(micros(event.estimatedFinishAt()) - end) / (double) (end - at);
      }
    }
    return Double.NaN;
  }

  /** How many of the sorted finish times are at or before {@code at}. */
  private static int finishedBy(long[] finished, long at) {
    int i = Arrays.binarySearch(finished, at);
    if (i < 0) {
      return -i - 1;
    }
    while (i + 1 < finished.length && finished[i + 1] == at) {
      i++;
    }
    return i + 1;
  }

  private static long micros(Instant instant) {
    return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1000;
  }
}
