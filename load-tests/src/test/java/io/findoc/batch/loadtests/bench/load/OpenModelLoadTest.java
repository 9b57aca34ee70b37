package io.findoc.batch.loadtests.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.findoc.batch.loadtests.client.FindocClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The open-model sender against a stand-in for the coordinator's submission endpoint (the JDK's
 * HTTP server): refusals are honoured and counted, failures counted, never thrown.
 */
class OpenModelLoadTest {

  private HttpServer server;
  private final AtomicInteger requests = new AtomicInteger();

  /** Answers the n-th request (from 1) with the status {@code answer} gives. */
  private FindocClient coordinator(IntFunction<Integer> answer) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/api/batch/jobs",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          int n = requests.incrementAndGet();
          int status = answer.apply(n);
          byte[] body =
              (status == 202 ? "{\"id\":\"job-" + n + "\"}" : "{\"title\":\"Too many requests\"}")
                  .getBytes(StandardCharsets.UTF_8);
          if (status == 429) {
            exchange.getResponseHeaders().add("Retry-After", "0");
          }
          exchange.sendResponseHeaders(status, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    return new FindocClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), "key");
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  private static ArrivalSchedule fiveArrivals() {
    return ArrivalSchedule.at(
        50, Duration.ofMillis(20), Duration.ofMillis(80), Instant.now().plusMillis(50));
  }

  @Test
  void refusedSubmissionsAreSentAgainAfterTheirRetryAfterAndCounted() throws Exception {
    FindocClient client = coordinator(n -> n <= 3 ? 429 : 202);

    OpenModelLoad.Outcome outcome =
        new OpenModelLoad(client, 100, 10)
            .run(new byte[] {'{', '}'}, fiveArrivals(), Duration.ofSeconds(30));

    assertThat(outcome.sent()).isEqualTo(5);
    assertThat(outcome.accepted()).isEqualTo(5);
    assertThat(outcome.refusals()).isEqualTo(3);
    assertThat(outcome.failures()).isEmpty();
    assertThat(outcome.measured()).hasSize(4).allMatch(s -> s.jobId().startsWith("job-"));
  }

  @Test
  void aSubmissionRefusedEveryTimeFailsAfterItsAttemptsWithoutStoppingTheLoad() throws Exception {
    FindocClient client = coordinator(n -> 429);

    OpenModelLoad.Outcome outcome =
        new OpenModelLoad(client, 100, 2)
            .run(new byte[] {'{', '}'}, fiveArrivals(), Duration.ofSeconds(30));

    assertThat(outcome.sent()).isEqualTo(5);
    assertThat(outcome.accepted()).isZero();
    assertThat(outcome.refusals()).isEqualTo(10);
    assertThat(outcome.failures()).containsEntry("refused (429) 2 times", 5L);
  }

  @Test
  void otherAnswersAndAnUnreachableCoordinatorAreCountedAsFailures() throws Exception {
    FindocClient client = coordinator(n -> n == 1 ? 400 : 202);

    OpenModelLoad.Outcome outcome =
        new OpenModelLoad(client, 100, 2)
            .run(new byte[] {'{', '}'}, fiveArrivals(), Duration.ofSeconds(30));
    server.stop(0);
    server = null;
    OpenModelLoad.Outcome unreachable =
        new OpenModelLoad(client, 100, 2)
            .run(new byte[] {'{', '}'}, fiveArrivals(), Duration.ofSeconds(30));

    assertThat(outcome.accepted()).isEqualTo(4);
    assertThat(outcome.failures()).containsEntry("answered 400", 1L);
    assertThat(unreachable.accepted()).isZero();
    assertThat(unreachable.failed()).isEqualTo(5);
    assertThat(unreachable.failures().keySet())
        .allMatch(reason -> reason.startsWith("connection: "));
  }

  @Test
  void theSynchronousClientHonoursARefusalAndCountsIt() throws Exception {
    FindocClient client = coordinator(n -> n == 1 ? 429 : 202);

    String id = client.submitJson(new byte[] {'{', '}'}).get("id").asString();

    assertThat(id).isEqualTo("job-2");
    assertThat(client.refusals()).isEqualTo(1);
  }
}
