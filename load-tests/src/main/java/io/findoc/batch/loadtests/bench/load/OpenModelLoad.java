package io.findoc.batch.loadtests.bench.load;

import io.findoc.batch.loadtests.client.FindocClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends one job per arrival of an {@link ArrivalSchedule}, asynchronously, from one thread that
 * only waits for the next due time: an answer, slow or not, never delays a later arrival. A 429 is
 * sent again after its {@code Retry-After} (the submission's latency still counts from the time it
 * was due), up to {@code maxAttempts} sends; refusals, connection errors and other answers are
 * counted, never thrown. Past {@code maxInFlight} unanswered sends, an arrival is not sent and is
 * counted as such (the client would otherwise pile up connections without bound).
 */
public final class OpenModelLoad {

  private final FindocClient client;
  private final int maxInFlight;
  private final int maxAttempts;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicLong refusals = new AtomicLong();
  private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();

  public OpenModelLoad(FindocClient client, int maxInFlight, int maxAttempts) {
    this.client = client;
    this.maxInFlight = maxInFlight;
    this.maxAttempts = maxAttempts;
  }

  /** One arrival: when it was due, and the job it created (null if it created none). */
  public static final class Submission {
    private final int index;
    private final Instant due;
    private final CompletableFuture<String> jobId = new CompletableFuture<>();

    Submission(int index, Instant due) {
      this.index = index;
      this.due = due;
    }

    public int index() {
      return index;
    }

    public Instant due() {
      return due;
    }

    /** The job's id, or null if the submission failed or is still unanswered. */
    public String jobId() {
      return jobId.getNow(null);
    }
  }

  /**
   * What the load did.
   *
   * @param measured the submissions of the measurement window, in order
   * @param sent arrivals sent (at least once)
   * @param accepted answered 202
   * @param refusals 429 answers (each honoured, so an accepted submission may have some)
   * @param failures submissions that created no job, by reason
   * @param latestSend how late, at worst, the sender sent an arrival (the client's own lag)
   */
  public record Outcome(
      List<Submission> measured,
      long sent,
      long accepted,
      long refusals,
      Map<String, Long> failures,
      Duration latestSend) {

    public long failed() {
      return failures.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  /**
   * Sends {@code body} at each arrival of {@code schedule} (its start should be now or a little
   * ahead), then waits up to {@code answerWait} for the last answers.
   */
  public Outcome run(byte[] body, ArrivalSchedule schedule, Duration answerWait)
      throws InterruptedException {
    long baseNanos =
        System.nanoTime() + Duration.between(Instant.now(), schedule.start()).toNanos();
    List<Submission> all = new ArrayList<>(schedule.total());
    long latest = 0;
    long sent = 0;
    for (int i = 0; i < schedule.total(); i++) {
      long dueNanos = baseNanos + schedule.offset(i).toNanos();
      waitUntil(dueNanos);
      latest = Math.max(latest, System.nanoTime() - dueNanos);
      Submission submission = new Submission(i, schedule.due(i));
      all.add(submission);
      if (inFlight.get() >= maxInFlight) {
        fail(submission, "not sent: " + maxInFlight + " submissions unanswered");
        continue;
      }
      sent++;
      inFlight.incrementAndGet();
      send(body, submission, 1);
    }
    CompletableFuture<Void> answered =
        CompletableFuture.allOf(all.stream().map(s -> s.jobId).toArray(CompletableFuture[]::new));
    try {
      answered.get(answerWait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      for (Submission submission : all) {
        if (!submission.jobId.isDone()) {
          fail(submission, "no answer within " + answerWait.toSeconds() + " s after the last send");
        }
      }
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("a submission's future failed", e); // never: all complete
    }
    long accepted = all.stream().filter(s -> s.jobId() != null).count();
    Map<String, Long> byReason = new TreeMap<>();
    failures.forEach((reason, count) -> byReason.put(reason, count.sum()));
    return new Outcome(
        all.stream().filter(s -> schedule.inWindow(s.index)).toList(),
        sent,
        accepted,
        refusals.get(),
        byReason,
        Duration.ofNanos(latest));
  }

  private void send(byte[] body, Submission submission, int attempt) {
    client
        .postJobAsync(body)
        .whenComplete(
            (response, error) -> {
              if (error != null) {
                done(submission, null, "connection: " + rootCause(error));
              } else if (response.statusCode() == 429 && attempt < maxAttempts) {
                refusals.incrementAndGet();
                Duration wait = FindocClient.retryAfter(response);
                CompletableFuture.delayedExecutor(wait.toMillis(), TimeUnit.MILLISECONDS)
                    .execute(() -> send(body, submission, attempt + 1));
              } else if (response.statusCode() == 429) {
                refusals.incrementAndGet();
                done(submission, null, "refused (429) " + attempt + " times");
              } else if (response.statusCode() == 202) {
                done(submission, jobId(response), null);
              } else {
                done(submission, null, "answered " + response.statusCode());
              }
            });
  }

  private static String jobId(HttpResponse<byte[]> response) {
    return FindocClient.acceptedJobId(response);
  }

  private void done(Submission submission, String id, String failure) {
    inFlight.decrementAndGet();
    if (failure != null) {
      fail(submission, failure);
    } else {
      synchronized (submission) {
        submission.jobId.complete(id);
      }
    }
  }

  /**
   * Counts the failure, then completes the submission: whoever waits for every submission to
   * complete then finds every failure counted.
   */
  private void fail(Submission submission, String reason) {
    synchronized (submission) {
      if (!submission.jobId.isDone()) {
        failures.computeIfAbsent(reason, r -> new LongAdder()).increment();
        submission.jobId.complete(null);
      }
    }
  }

  private static String rootCause(Throwable error) {
    Throwable cause = error;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause.getClass().getSimpleName();
  }

  private static void waitUntil(long dueNanos) throws InterruptedException {
    long left;
    while ((left = dueNanos - System.nanoTime()) > 0) {
      LockSupport.parkNanos(left);
      if (Thread.interrupted()) {
        throw new InterruptedException("the open-model sender was interrupted");
      }
    }
  }
}
