package io.findoc.batch.cli.commands;

import io.findoc.batch.cli.ExitCode;
import io.findoc.batch.cli.watch.Interrupts;
import io.findoc.batch.cli.watch.Progress;
import io.findoc.batch.cli.watch.ProgressText;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/**
 * {@code findoc events tail}: the tenant's job events as the API streams them (server-sent events)
 * until Ctrl-C, resumable with {@code --since}; with {@code --job}, that job's progress events
 * until it finishes.
 */
@Command(
    name = "events",
    description = "Server-sent events of the API.",
    subcommands = EventsCommand.Tail.class)
public class EventsCommand {

  @Command(
      name = "tail",
      description = {
        "The tenant's job events as they come (SSE), until Ctrl-C;",
        "with --job, that job's progress events until it finishes."
      })
  static class Tail extends ApiCommand {

    @Option(names = "--job", paramLabel = "JOB", description = "one job's progress instead")
    String job;

    @Option(
        names = "--since",
        paramLabel = "ID",
        description = "go on after this event (the id printed last; not with --job)")
    Long since;

    /** One server-sent event: its name, id (may be null) and data. */
    private record Event(String name, String id, JsonNode data) {}

    @Override
    protected int run() {
      if (job != null && since != null) {
        throw new UsageException("--since goes with the tenant's events, not with --job");
      }
      return job == null ? tailTenant() : tailJob();
    }

    private int tailTenant() {
      Interrupts interrupts = context.interrupts().get();
      String last = since == null ? null : since.toString();
      // The coordinator ends a stream after an hour, or a client far behind: go on after the last.
      while (true) {
        Map<String, String> headers = last == null ? Map.of() : Map.of("Last-Event-ID", last);
        try (InputStream stream =
            api().stream("/api/batch/events/stream", "text/event-stream", headers)) {
          interrupts.onStop(() -> close(stream));
          for (Event event : (Iterable<Event>) () -> events(stream, interrupts)) {
            printer()
                .item(
                    event.data(),
                    d ->
                        d.path("occurredAt").asString()
                            + " "
                            + event.id()
                            + " "
                            + event.name()
                            + " job "
                            + d.path("jobId").asString()
                            + " "
                            + d.path("data").path("state").asString());
            if (event.id() != null) {
              last = event.id();
            }
          }
        } catch (IOException | UncheckedIOException e) {
          if (!interrupts.stopRequested()) {
            throw new UncheckedIOException(
                e instanceof IOException io ? io : ((UncheckedIOException) e).getCause());
          }
        }
        if (interrupts.stopRequested() || !pause(interrupts)) {
          System.err.println(
              "findoc: stopped."
                  + (last == null ? "" : " Go on with: findoc events tail --since " + last));
          return ExitCode.INTERRUPTED;
        }
      }
    }

    private int tailJob() {
      Interrupts interrupts = context.interrupts().get();
      try (InputStream stream =
          api().stream("/api/batch/jobs/" + job + "/stream", "text/event-stream")) {
        interrupts.onStop(() -> close(stream));
        for (Event event : (Iterable<Event>) () -> events(stream, interrupts)) {
          if (print(event.name(), event.data())) {
            // As for jobs watch: 0 all succeeded, 3 some failed, 4 cancelled.
            return Progress.of(List.of(event.data())).exitCode();
          }
        }
      } catch (IOException | UncheckedIOException e) {
        if (!interrupts.stopRequested()) {
          throw new UncheckedIOException(
              e instanceof IOException io ? io : ((UncheckedIOException) e).getCause());
        }
      }
      if (interrupts.stopRequested()) {
        System.err.println("findoc: stopped. Go on with: findoc events tail --job " + job);
        return ExitCode.INTERRUPTED;
      }
      System.err.println(
          "The stream ended before job "
              + job
              + " finished (the coordinator restarted, or an hour passed); run the command again"
              + " to go on.");
      return ExitCode.ERROR;
    }

    /**
     * The events of a stream, read as they come on a reader thread; ends with the stream, or at
     * Ctrl-C even while no event comes.
     */
    private Iterator<Event> events(InputStream stream, Interrupts interrupts) {
      BlockingQueue<Object> queue = new LinkedBlockingQueue<>(1000);
      Object end = new Object();
      BufferedReader lines =
          new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
      Thread reader =
          new Thread(
              () -> {
                Object last = end;
                try {
                  for (Event event; (event = read(lines)) != null; ) {
                    queue.put(event);
                  }
                } catch (RuntimeException e) {
                  last = e;
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                queue.offer(last);
              },
              "findoc-events");
      reader.setDaemon(true);
      reader.start();
      return new Iterator<>() {
        private Object next;

        @Override
        public boolean hasNext() {
          try {
            while (next == null && !interrupts.stopRequested()) {
              next = queue.poll(200, TimeUnit.MILLISECONDS);
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
          }
          if (next instanceof RuntimeException failure && !interrupts.stopRequested()) {
            throw failure;
          }
          return next instanceof Event && !interrupts.stopRequested();
        }

        @Override
        public Event next() {
          Event event = (Event) next;
          next = null;
          return event;
        }
      };
    }

    private Event read(BufferedReader lines) {
      String name = "message";
      String id = null;
      StringBuilder data = new StringBuilder();
      try {
        for (String line; (line = lines.readLine()) != null; ) {
          if (line.startsWith("event:")) {
            name = line.substring(6).strip();
          } else if (line.startsWith("id:")) {
            id = line.substring(3).strip();
          } else if (line.startsWith("data:")) {
            data.append(line.substring(5).strip());
          } else if (line.isEmpty() && data.length() > 0) {
            return new Event(name, id, context.json().readTree(data.toString()));
          } else if (line.isEmpty()) {
            name = "message";
            id = null;
          }
        }
        return null;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** A second before connecting again; false if Ctrl-C came meanwhile. */
    private static boolean pause(Interrupts interrupts) {
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
      return !interrupts.stopRequested();
    }

    private static void close(InputStream stream) {
      try {
        stream.close();
      } catch (IOException e) {
        // Closing is how Ctrl-C ends the read; a failure to close ends it too.
      }
    }

    /** Prints one progress event; answers whether the job has finished. */
    private boolean print(String event, JsonNode data) {
      printer()
          .item(
              data,
              d ->
                  event
                      + " "
                      + d.path("state").asString()
                      + " "
                      + ProgressText.summary(Progress.of(List.of(d)), 0, null));
      return Progress.FINISHED.contains(data.path("state").asString());
    }
  }
}
