package io.findoc.batch.loadtests.client;

import io.findoc.batch.common.json.Json;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * Follows {@code GET /api/batch/jobs/{id}/stream} on a thread of its own, as a watcher would, and
 * keeps every {@code progress} event with the moment its data arrived; the stream ends when the job
 * does.
 */
public final class ProgressWatch implements AutoCloseable {

  private final List<ProgressEvent> events = Collections.synchronizedList(new ArrayList<>());
  private final CountDownLatch ended = new CountDownLatch(1);
  private final Thread reader;
  private volatile Stream<String> lines;
  private volatile Exception failure;

  private ProgressWatch(FindocClient client, String jobId) {
    reader =
        new Thread(
            () -> {
              try {
                HttpResponse<Stream<String>> response =
                    client.lines("/api/batch/jobs/" + jobId + "/stream");
                lines = response.body();
                String event = "message";
                for (String line : (Iterable<String>) lines::iterator) {
                  if (line.startsWith("event:")) {
                    event = line.substring(6).strip();
                  } else if (line.startsWith("data:") && event.equals("progress")) {
                    events.add(parse(Instant.now(), line.substring(5)));
                  } else if (line.isEmpty()) {
                    event = "message";
                  }
                }
              } catch (RuntimeException e) {
                failure = e;
              } finally {
                ended.countDown();
              }
            },
            "progress-watch-" + jobId);
    reader.setDaemon(true);
  }

  /** Starts following the job's stream. */
  public static ProgressWatch follow(FindocClient client, String jobId) {
    ProgressWatch watch = new ProgressWatch(client, jobId);
    watch.reader.start();
    return watch;
  }

  static ProgressEvent parse(Instant arrivedAt, String data) {
    JsonNode job = Json.mapper().readTree(data);
    JsonNode finish = job.at("/progress/estimatedFinishAt");
    return new ProgressEvent(
        arrivedAt,
        job.get("state").asString(),
        job.at("/progress/done").asInt(),
        job.at("/progress/total").asInt(),
        finish.isMissingNode() || finish.isNull() ? null : Instant.parse(finish.asString()));
  }

  /**
   * Waits until the stream ends (the job finished) and returns its events in arrival order.
   *
   * @throws IllegalStateException if it did not end within {@code timeout} or broke off
   */
  public List<ProgressEvent> awaitEnd(Duration timeout) throws InterruptedException {
    if (!ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new IllegalStateException("the progress stream did not end within " + timeout);
    }
    if (failure != null) {
      throw new IllegalStateException("the progress stream broke off", failure);
    }
    synchronized (events) {
      return List.copyOf(events);
    }
  }

  @Override
  public void close() {
    Stream<String> open = lines;
    if (open != null) {
      open.close();
    }
    reader.interrupt();
  }
}
