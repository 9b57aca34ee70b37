package io.findoc.batch.loadtests.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * FI-14: a rolling restart, as a Kubernetes rolling update does it: every coordinator, then every
 * worker, stopped with SIGTERM and started again, one at a time, while a job runs and a client
 * polls it through a load balancer stand-in (round robin over the coordinators, skipping one that
 * refuses connections, as a load balancer's passive health check does). While each process
 * restarts, jobs are submitted through a coordinator that stays up whenever fewer than {@link
 * #BACKLOG} tasks wait, so work is left when it is back. Every job completes with every invariant
 * held, no attempt starts twice (stopping workers drain, stopping coordinators finish what they
 * claimed), and the client never sees a 5xx.
 */
@Tag("faults")
@Tag("slow")
class RollingRestartFaultIT {

  private static final int COORDINATORS = 2;
  private static final int WORKERS = 2;
  private static final int JOB_TASKS = 400;

  /**
   * The fewest tasks left waiting while a process restarts: 20 s of work for two workers of two
   * threads, 100 ms a task, longer than it takes to submit one more job.
   */
  private static final int BACKLOG = 800;

  private static FaultStack stack;

  @BeforeAll
  static void up() {
    stack =
        FaultStack.start("rolling", WORKERS, COORDINATORS, Map.of("FINDOC_WORKER_THREADS", "2"));
  }

  @AfterAll
  static void down() {
    stack.close();
  }

  @Test
  void fi14RollingRestartOfEveryProcessLosesNothingAndAnswersNo5xx() throws Exception {
    FaultRun run = new FaultRun("FI-14", stack);
    List<String> jobs = new ArrayList<>();
    keepBusy(run, jobs);
    await().atMost(Duration.ofMinutes(3)).until(() -> run.succeeded(jobs.get(0)) >= 200);

    try (RoundRobinPoller poller = new RoundRobinPoller(jobs.get(0))) {
      List<String> processes = new ArrayList<>();
      for (int n = 1; n <= COORDINATORS; n++) {
        processes.add(FaultStack.coordinator(n));
      }
      for (int n = 1; n <= WORKERS; n++) {
        processes.add("worker-" + n);
      }
      for (String process : processes) {
        // The client talks to a coordinator that stays up: the second while the first restarts.
        stack.useCoordinator(process.equals(FaultStack.coordinator(1)) ? 2 : 1);
        restartKeepingBusy(run, jobs, process);
        assertThat(remaining(run, jobs)).as("tasks left when %s was back", process).isPositive();
      }
      stack.useCoordinator(1);
      run.faultRemoved();
      InvariantChecker.Findings findings = run.finish(Duration.ofMinutes(8));
      poller.close();
      System.out.println("FAULT FI-14 client RESULT " + poller);
      assertThat(poller.serverErrors.get()).as("5xx seen by the client").isZero();
      assertThat(poller.answered.get()).as("answers seen by the client").isPositive();
      assertThat(findings.startedTwice()).as("attempts started twice").isZero();
    }
  }

  /** Submits jobs until at least {@link #BACKLOG} tasks are left to run. */
  private static void keepBusy(FaultRun run, List<String> jobs) {
    while (remaining(run, jobs) < BACKLOG) {
      jobs.add(run.submit(JOB_TASKS, "simulate", Map.of("sleepMs", 100)));
    }
  }

  /** Restarts {@code process} on a thread of its own and keeps the work topped up meanwhile. */
  private static void restartKeepingBusy(FaultRun run, List<String> jobs, String process)
      throws Exception {
    keepBusy(run, jobs);
    CompletableFuture<Void> restarted = CompletableFuture.runAsync(() -> restart(run, process));
    while (!restarted.isDone()) {
      keepBusy(run, jobs);
      try {
        restarted.get(1, TimeUnit.SECONDS);
      } catch (TimeoutException stillRestarting) {
        // top up again
      }
    }
    restarted.get();
  }

  private static int remaining(FaultRun run, List<String> jobs) {
    return jobs.stream().mapToInt(id -> JOB_TASKS - run.succeeded(id)).sum();
  }

  private static void restart(FaultRun run, String process) {
    long started = System.nanoTime();
    stack.signal(process, "TERM");
    stack.up();
    run.injected(
        "SIGTERM "
            + process
            + ", started again: up after "
            + Duration.ofNanos(System.nanoTime() - started).toMillis()
            + "ms");
  }

  /** GETs the job in turn from each coordinator, passing over one that refuses connections. */
  private static final class RoundRobinPoller implements AutoCloseable {
    final AtomicLong answered = new AtomicLong();
    final AtomicLong serverErrors = new AtomicLong();
    final AtomicLong passedOver = new AtomicLong();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final HttpClient http =
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Thread thread;

    RoundRobinPoller(String job) {
      String key = stack.apiKey();
      List<URI> coordinators =
          java.util.stream.IntStream.rangeClosed(1, COORDINATORS)
              .mapToObj(
                  n -> {
                    stack.useCoordinator(n);
                    return stack.client().api().resolve("/api/batch/jobs/" + job);
                  })
              .toList();
      stack.useCoordinator(1);
      thread =
          new Thread(
              () -> {
                int next = 0;
                while (!stop.get()) {
                  URI uri = coordinators.get(next++ % coordinators.size());
                  HttpRequest request =
                      HttpRequest.newBuilder(uri)
                          .header("Authorization", "Bearer " + key)
                          .timeout(Duration.ofSeconds(10))
                          .build();
                  try {
                    int status =
                        http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                    answered.incrementAndGet();
                    if (status >= 500) {
                      serverErrors.incrementAndGet();
                      System.out.println("FAULT FI-14: " + uri + " answered " + status);
                    }
                  } catch (IOException e) {
                    // A load balancer sends the request to the next instance.
                    passedOver.incrementAndGet();
                  } catch (InterruptedException e) {
                    return;
                  }
                  try {
                    Thread.sleep(20);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              },
              "round-robin-poller");
      thread.start();
    }

    @Override
    public void close() throws InterruptedException {
      stop.set(true);
      thread.join(15_000);
    }

    @Override
    public String toString() {
      return "answered="
          + answered
          + " 5xx="
          + serverErrors
          + " passed over (connection refused or reset)="
          + passedOver;
    }
  }
}
