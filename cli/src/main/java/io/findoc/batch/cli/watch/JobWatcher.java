package io.findoc.batch.cli.watch;

import io.findoc.batch.cli.ExitCode;
import io.findoc.batch.cli.http.FindocApi;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Follows jobs until all have finished, {@code timeout} runs out or the user presses Ctrl-C,
 * polling each unfinished job about once a second (less often for many jobs, to stay well within
 * the key's rate limit), and answers the exit code.
 */
public final class JobWatcher {

  /** How the watch ended: the exit code and the last view of the jobs. */
  public record Ending(int exitCode, Progress progress, List<JsonNode> jobs) {}

  private static final Duration POLL = Duration.ofSeconds(1);
  private static final int REQUESTS_PER_SECOND = 20;

  private final FindocApi api;
  private final ProgressView view;
  private final Interrupts interrupts;
  private final Clock clock;

  public JobWatcher(FindocApi api, ProgressView view, Interrupts interrupts, Clock clock) {
    this.api = api;
    this.view = view;
    this.interrupts = interrupts;
    this.clock = clock;
  }

  /**
   * Watches the jobs; {@code timeout} null waits for ever. {@code resumeHint} is the command that
   * watches again, said when the user stops or the time runs out.
   */
  public Ending watch(List<String> ids, Duration timeout, String resumeHint) {
    Instant deadline = timeout == null ? null : clock.instant().plus(timeout);
    Map<String, JsonNode> jobs = new LinkedHashMap<>();
    RateMeter rate = new RateMeter(Duration.ofSeconds(15));
    Duration pause =
        POLL.multipliedBy(
            Math.max(1, (ids.size() + REQUESTS_PER_SECOND - 1) / REQUESTS_PER_SECOND));
    Instant started = clock.instant();
    Progress first = null;
    while (true) {
      for (String id : ids) {
        JsonNode known = jobs.get(id);
        if (known == null || !Progress.FINISHED.contains(known.path("state").asString())) {
          jobs.put(id, api.get("/api/batch/jobs/" + id));
        }
      }
      List<JsonNode> now = new ArrayList<>(jobs.values());
      Progress progress = Progress.of(now);
      first = first == null ? progress : first;
      rate.add(clock.instant(), progress.done());
      if (progress.allFinished()) {
        view.finish(progress, meanRate(started, first, progress));
        return new Ending(progress.exitCode(), progress, now);
      }
      view.update(progress, rate.perSecond(), rate.eta(progress.total() - progress.done()));
      if (interrupts.stopRequested()) {
        view.say(
            "findoc: stopped watching; the jobs go on. Watch again with: "
                + resumeHint
                + "\n        (Ctrl-C again aborts at once)");
        return new Ending(ExitCode.INTERRUPTED, progress, now);
      }
      if (deadline != null && !clock.instant().isBefore(deadline)) {
        view.say(
            "findoc: timed out after "
                + ProgressText.duration(timeout)
                + "; the jobs go on. Watch again with: "
                + resumeHint);
        return new Ending(ExitCode.TIMED_OUT, progress, now);
      }
      sleep(pause);
    }
  }

  /** Tasks per second from the first look to now (0 if they had all finished already). */
  private double meanRate(Instant started, Progress first, Progress last) {
    double seconds = Duration.between(started, clock.instant()).toMillis() / 1000.0;
    return seconds <= 0 ? 0 : (last.done() - first.done()) / seconds;
  }

  private void sleep(Duration pause) {
    long until = System.nanoTime() + pause.toNanos();
    // In small steps, so that Ctrl-C is answered at once.
    while (System.nanoTime() < until && !interrupts.stopRequested()) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
