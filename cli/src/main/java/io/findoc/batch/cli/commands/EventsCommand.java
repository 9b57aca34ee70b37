package io.findoc.batch.cli.commands;

import io.findoc.batch.cli.ExitCode;
import io.findoc.batch.cli.watch.Interrupts;
import io.findoc.batch.cli.watch.Progress;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/**
 * {@code findoc events tail --job JOB}: the job's progress events as the API streams them
 * (server-sent events), until the job finishes or Ctrl-C.
 */
@Command(
    name = "events",
    description = "Server-sent events of the API.",
    subcommands = EventsCommand.Tail.class)
public class EventsCommand {

  @Command(name = "tail", description = "A job's progress events as they come (SSE).")
  static class Tail extends ApiCommand {

    @Option(names = "--job", required = true, paramLabel = "JOB", description = "the job")
    String job;

    @Override
    protected int run() {
      Interrupts interrupts = context.interrupts().get();
      try (InputStream stream =
              api().stream("/api/batch/jobs/" + job + "/stream", "text/event-stream");
          BufferedReader lines =
              new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
        String event = "message";
        StringBuilder data = new StringBuilder();
        for (String line; (line = lines.readLine()) != null; ) {
          if (interrupts.stopRequested()) {
            return ExitCode.INTERRUPTED;
          }
          if (line.startsWith("event:")) {
            event = line.substring(6).strip();
          } else if (line.startsWith("data:")) {
            data.append(line.substring(5).strip());
          } else if (line.isEmpty() && data.length() > 0) {
            JsonNode job = context.json().readTree(data.toString());
            if (print(event, job)) {
              // As for jobs watch: 0 all succeeded, 3 some failed, 4 cancelled.
              return Progress.of(List.of(job)).exitCode();
            }
            data.setLength(0);
            event = "message";
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      System.err.println(
          "The stream ended before job "
              + job
              + " finished (the coordinator restarted, or an hour passed); run the command again"
              + " to go on.");
      return ExitCode.ERROR;
    }

    /** Prints one event; answers whether the job has finished. */
    private boolean print(String event, JsonNode data) {
      printer()
          .item(
              data,
              d ->
                  event
                      + " "
                      + d.path("state").asString()
                      + " "
                      + io.findoc.batch.cli.watch.ProgressText.summary(
                          Progress.of(List.of(d)), 0, null));
      return Progress.FINISHED.contains(data.path("state").asString());
    }
  }
}
