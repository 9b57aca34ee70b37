package io.findoc.batch.loadtests.bench.load;

import io.findoc.batch.loadtests.bench.FindocJobs;
import io.findoc.batch.loadtests.client.FindocClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/**
 * The most a stack does of one job shape: {@code submitters} threads submit the same job back to
 * back (each sends its next as soon as the last was accepted) for {@code period}; then every job is
 * waited for. The rate is the jobs' tasks over the time from the first submission to the last job's
 * {@code finishedAt}: what the stack sustains of that shape, submission included, rather than the
 * rate of one large job, whose per-job costs are spread over a million tasks.
 */
public final class SaturationProbe {

  /**
   * What the probe found.
   *
   * @param jobs the jobs submitted
   * @param tasks their tasks
   * @param seconds from the first submission to the last job's end
   * @param tasksPerSecond tasks of all jobs over the time from the first submission to the last end
   * @param unfinished jobs still unfinished when the wait ended (the rate is then a lower bound)
   */
  public record Saturation(
      int jobs, int tasks, double seconds, double tasksPerSecond, int unfinished) {

    public double jobsPerSecond() {
      return jobs / seconds;
    }
  }

  private final FindocClient client;
  private final int submitters;

  public SaturationProbe(FindocClient client, int submitters) {
    this.client = client;
    this.submitters = submitters;
  }

  /** Submits {@code body} (a job of {@code tasksPerJob} tasks) for {@code period}, then waits. */
  public Saturation run(byte[] body, int tasksPerJob, Duration period, Duration wait)
      throws InterruptedException {
    Instant start = Instant.now();
    long stopAt = System.nanoTime() + period.toNanos();
    List<String> ids = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(submitters);
    List<Future<?>> loops = new ArrayList<>();
    for (int i = 0; i < submitters; i++) {
      loops.add(
          pool.submit(
              () -> {
                while (System.nanoTime() < stopAt) {
                  ids.add(client.submitJson(body).get("id").asString());
                }
                return null;
              }));
    }
    pool.shutdown();
    for (Future<?> loop : loops) {
      try {
        loop.get();
      } catch (ExecutionException e) {
        pool.shutdownNow();
        throw new IllegalStateException("a saturation submission failed", e.getCause());
      }
    }
    pool.awaitTermination(1, TimeUnit.MINUTES);

    long deadline = System.nanoTime() + wait.toNanos();
    Instant lastEnd = start;
    int unfinished = 0;
    for (String id : ids) {
      JsonNode job = client.job(id);
      while (!FindocJobs.finished(job) && System.nanoTime() < deadline) {
        Thread.sleep(50);
        job = client.job(id);
      }
      if (FindocJobs.finished(job)) {
        Instant end = Instant.parse(job.get("finishedAt").asString());
        lastEnd = end.isAfter(lastEnd) ? end : lastEnd;
      } else {
        unfinished++;
        lastEnd = Instant.now();
      }
    }
    double seconds = Duration.between(start, lastEnd).toNanos() / 1e9;
    int tasks = ids.size() * tasksPerJob;
    return new Saturation(ids.size(), tasks, seconds, tasks / seconds, unfinished);
  }
}
