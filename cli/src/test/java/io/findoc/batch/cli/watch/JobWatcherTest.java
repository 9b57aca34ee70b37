package io.findoc.batch.cli.watch;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.findoc.batch.cli.ExitCode;
import io.findoc.batch.cli.config.ClientSettings;
import io.findoc.batch.cli.http.FindocApi;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The watch loop against a small HTTP server that plays a job moving on. */
class JobWatcherTest {

  private HttpServer server;
  private final AtomicInteger polls = new AtomicInteger();
  private volatile String finalState = "COMPLETED";
  private volatile int pollsUntilDone = 3;
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private FindocApi api;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/api/batch/jobs/",
        exchange -> {
          assertThat(exchange.getRequestHeaders().getFirst("Authorization"))
              .isEqualTo("Bearer test-key");
          int poll = polls.incrementAndGet();
          boolean done = poll >= pollsUntilDone;
          int succeeded = done ? 10 : poll * 2;
          String body =
              """
              {"id":"j1","state":"%s","counts":{"total":10,"succeeded":%d,"failed":%d,
               "cancelled":0,"skipped":0,"running":1}}
              """
                  .formatted(
                      done ? finalState : "RUNNING",
                      finalState.equals("COMPLETED_WITH_ERRORS") && done ? 9 : succeeded,
                      finalState.equals("COMPLETED_WITH_ERRORS") && done ? 1 : 0);
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    server.start();
    URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    api =
        new FindocApi(
            new ClientSettings(url, "test", "test-key", "test", List.of()),
            JsonMapper.builder().build());
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private JobWatcher watcher(Interrupts interrupts) {
    PrintStream stream = new PrintStream(err, true, StandardCharsets.UTF_8);
    return new JobWatcher(
        api,
        new PeriodicLines(stream, Clock.systemUTC(), Duration.ZERO),
        interrupts,
        Clock.systemUTC());
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aJobThatCompletesEndsTheWatchWithZero() {
    JobWatcher.Ending ending =
        watcher(Interrupts.none(System.err)).watch(List.of("j1"), null, "findoc jobs watch j1");
    assertThat(ending.exitCode()).isEqualTo(ExitCode.SUCCEEDED);
    assertThat(err()).contains("findoc: 2/10").contains("findoc: done: 10/10 100%");
  }

  @Test
  void aJobWithFailedTasksEndsTheWatchWithThree() {
    finalState = "COMPLETED_WITH_ERRORS";
    assertThat(watcher(Interrupts.none(System.err)).watch(List.of("j1"), null, "x").exitCode())
        .isEqualTo(ExitCode.SOME_FAILED);
  }

  @Test
  void aJobStillRunningAtTheTimeoutEndsTheWatchWithFiveAndSaysHowToGoOn() {
    pollsUntilDone = Integer.MAX_VALUE;
    JobWatcher.Ending ending =
        watcher(Interrupts.none(System.err))
            .watch(List.of("j1"), Duration.ofMillis(1500), "findoc jobs watch j1");
    assertThat(ending.exitCode()).isEqualTo(ExitCode.TIMED_OUT);
    assertThat(err()).contains("timed out after 1s").contains("findoc jobs watch j1");
  }

  @Test
  void theFirstCtrlCStopsWatchingAndSaysHowToGoOn() {
    pollsUntilDone = Integer.MAX_VALUE;
    Interrupts interrupts = Interrupts.none(System.err);
    interrupts.interrupted();
    JobWatcher.Ending ending =
        watcher(interrupts).watch(List.of("j1"), null, "findoc jobs watch j1");
    assertThat(ending.exitCode()).isEqualTo(ExitCode.INTERRUPTED);
    assertThat(err())
        .contains("stopped watching; the jobs go on")
        .contains("findoc jobs watch j1")
        .contains("Ctrl-C again aborts");
    assertThat(polls.get()).isOne();
  }
}
