package io.findoc.batch.coordinator.events;

import static io.findoc.batch.coordinator.testing.Submission.aSubmission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.findoc.batch.common.json.Json;
import io.findoc.batch.coordinator.testing.Api;
import io.findoc.batch.coordinator.testing.RunningStack;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/batch/events/stream} against a running coordinator: the tenant's job events and
 * no other tenant's, each named by its type with its seq as id; a stream resumed with {@code
 * Last-Event-ID} gets the events it missed, after that one, and then the new ones; a malformed id
 * is a problem+json 400.
 */
class JobEventStreamIT {

  private static RunningStack stack;
  private static Api api;
  private static Api other;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    stack = RunningStack.coordinatorOnly(Map.of());
    api = stack.api();
    stack.admin().post("/api/admin/tenants", "{\"id\":\"other\"}");
    other = api.withKey(stack.createKey("other", "operator"));
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  @Test
  void aStreamHasTheTenantsJobEventsAndResumesAfterTheLastOneSeen() {
    try (Sse stream = Sse.open(api, null)) {
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () -> stream.lines.stream().anyMatch(l -> l.endsWith("job events of tenant acme")));
      String mine = api.submit(aSubmission().tasks(2).json());
      other.submit(aSubmission().json());
      api.delete("/api/batch/jobs/" + mine + "?reason=stream");
      List<Sse.Event> events =
          await()
              .atMost(Duration.ofSeconds(30))
              .until(
                  stream::events,
                  e -> e.size() >= 2 && e.get(e.size() - 1).type().equals("batch.job.failed"));
      assertThat(events).extracting(Sse.Event::type).startsWith("batch.job.created");
      assertThat(events)
          .allSatisfy(e -> assertThat(e.data().get("jobId").asString()).isEqualTo(mine));
      assertThat(events.get(0).data().get("data").get("state").asString()).isEqualTo("QUEUED");
      assertThat(events).extracting(Sse.Event::id).isSorted();

      // Missed while away: a job submitted and cancelled; the stream goes on after the first event.
      String later = api.submit(aSubmission().json());
      api.delete("/api/batch/jobs/" + later);
      try (Sse resumed = Sse.open(api, events.get(0).id())) {
        List<Sse.Event> again =
            await()
                .atMost(Duration.ofSeconds(30))
                .until(
                    resumed::events,
                    e ->
                        e.stream()
                                .filter(x -> x.data().get("jobId").asString().equals(later))
                                .count()
                            >= 2);
        assertThat(again.get(0).id()).isEqualTo(events.get(1).id());
        assertThat(again).extracting(Sse.Event::id).doesNotHaveDuplicates().isSorted();
        String newest = api.submit(aSubmission().json());
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                resumed::events,
                e -> e.stream().anyMatch(x -> x.data().get("jobId").asString().equals(newest)));
      }
    }
  }

  @Test
  void aMalformedLastEventIdIsRefusedAndAKeyIsNeeded() throws Exception {
    HttpResponse<String> malformed =
        HTTP.send(request(api.key(), "yesterday").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(malformed.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(malformed.body()).contains("Last-Event-ID");
    HttpResponse<String> anonymous =
        HTTP.send(request(null, (String) null).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(anonymous.statusCode()).isEqualTo(401);
  }

  private static HttpRequest.Builder request(String key, String lastEventId) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(api.base().resolve("/api/batch/events/stream"))
            .header("Accept", "text/event-stream");
    if (key != null) {
      builder.header("Authorization", "Bearer " + key);
    }
    if (lastEventId != null) {
      builder.header("Last-Event-ID", lastEventId);
    }
    return builder;
  }

  /** An open stream, its lines collected as they come. */
  private static final class Sse implements AutoCloseable {

    record Event(long id, String type, JsonNode data) {}

    final List<String> lines = new CopyOnWriteArrayList<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;

    private Sse(Long lastEventId) {
      response =
          HTTP.sendAsync(
              request(api.key(), lastEventId == null ? null : lastEventId.toString()).build(),
              HttpResponse.BodyHandlers.ofLines());
      response.thenAccept(
          r -> {
            Thread reader = new Thread(() -> r.body().forEach(lines::add), "sse-reader");
            reader.setDaemon(true);
            reader.start();
          });
    }

    static Sse open(Api api, Long lastEventId) {
      return new Sse(lastEventId);
    }

    List<Event> events() {
      List<Event> events = new java.util.ArrayList<>();
      Long id = null;
      String type = null;
      for (String line : lines) {
        if (line.startsWith("id:")) {
          id = Long.parseLong(line.substring(3).strip());
        } else if (line.startsWith("event:")) {
          type = line.substring(6).strip();
        } else if (line.startsWith("data:")) {
          events.add(new Event(id, type, Json.mapper().readTree(line.substring(5).strip())));
        }
      }
      return events;
    }

    @Override
    public void close() {
      response.thenAccept(r -> r.body().close());
      response.cancel(true);
    }
  }
}
