package io.findoc.batch.cli.watch;

import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Where one or more jobs stand, added up: their tasks per state and whether every job has finished.
 */
public record Progress(
    int jobs,
    int finishedJobs,
    int total,
    int succeeded,
    int failed,
    int cancelled,
    int skipped,
    int running,
    boolean anyJobCancelled,
    boolean anyJobFailed) {

  /** The job states after which nothing changes any more (unless a retry reopens the job). */
  public static final Set<String> FINISHED =
      Set.of("COMPLETED", "COMPLETED_WITH_ERRORS", "FAILED", "CANCELLED", "ROLLED_BACK");

  private static final Set<String> FAILED_STATES =
      Set.of("COMPLETED_WITH_ERRORS", "FAILED", "ROLLED_BACK");

  /** Adds up jobs as {@code GET /api/batch/jobs/{id}} shows them. */
  public static Progress of(List<JsonNode> jobs) {
    int finished = 0;
    int total = 0;
    int succeeded = 0;
    int failed = 0;
    int cancelled = 0;
    int skipped = 0;
    int running = 0;
    boolean anyCancelled = false;
    boolean anyFailed = false;
    for (JsonNode job : jobs) {
      String state = job.path("state").asString();
      if (FINISHED.contains(state)) {
        finished++;
      }
      anyCancelled |= state.equals("CANCELLED");
      anyFailed |= FAILED_STATES.contains(state);
      JsonNode counts = job.path("counts");
      total += counts.path("total").asInt();
      succeeded += counts.path("succeeded").asInt();
      failed += counts.path("failed").asInt();
      cancelled += counts.path("cancelled").asInt();
      skipped += counts.path("skipped").asInt();
      running += counts.path("running").asInt();
    }
    return new Progress(
        jobs.size(),
        finished,
        total,
        succeeded,
        failed,
        cancelled,
        skipped,
        running,
        anyCancelled,
        anyFailed);
  }

  /** Tasks that have ended, whatever their end. */
  public int done() {
    return succeeded + failed + cancelled + skipped;
  }

  public boolean allFinished() {
    return jobs > 0 && finishedJobs == jobs;
  }

  /**
   * The exit code of finished jobs: {@link io.findoc.batch.cli.ExitCode#CANCELLED} if one was
   * cancelled, else {@link io.findoc.batch.cli.ExitCode#SOME_FAILED} if a task or a job failed,
   * else {@link io.findoc.batch.cli.ExitCode#SUCCEEDED}.
   */
  public int exitCode() {
    if (anyJobCancelled) {
      return io.findoc.batch.cli.ExitCode.CANCELLED;
    }
    if (anyJobFailed || failed > 0) {
      return io.findoc.batch.cli.ExitCode.SOME_FAILED;
    }
    return io.findoc.batch.cli.ExitCode.SUCCEEDED;
  }
}
