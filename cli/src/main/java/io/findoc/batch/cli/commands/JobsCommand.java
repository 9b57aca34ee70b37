package io.findoc.batch.cli.commands;

import io.findoc.batch.cli.ExitCode;
import io.findoc.batch.cli.http.FindocApi;
import io.findoc.batch.cli.output.Column;
import io.findoc.batch.cli.watch.JobWatcher;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/** {@code findoc jobs ...}: the tenant's jobs, and what an operator does with one. */
@Command(
    name = "jobs",
    description = "List, show, watch, pause, resume, cancel or reprioritise jobs.",
    subcommands = {
      JobsCommand.List.class,
      JobsCommand.Show.class,
      JobsCommand.Watch.class,
      JobsCommand.Pause.class,
      JobsCommand.Resume.class,
      JobsCommand.Cancel.class,
      JobsCommand.Priority.class,
      JobsCommand.History.class
    })
public class JobsCommand {

  /** The columns of a job in a text table. */
  static final java.util.List<Column> COLUMNS =
      java.util.List.of(
          Column.field("ID", "id"),
          Column.field("STATE", "state"),
          Column.field("PRIORITY", "priority"),
          Column.field("TASKS", "counts.total"),
          Column.field("OK", "counts.succeeded"),
          Column.field("FAILED", "counts.failed"),
          Column.field("DONE%", "percentDone"),
          Column.field("NAME", "name"));

  static String describe(JsonNode job) {
    JsonNode counts = job.path("counts");
    StringBuilder text =
        new StringBuilder()
            .append("job ")
            .append(job.path("id").asString())
            .append("  ")
            .append(job.path("name").asString())
            .append("\n  state     ")
            .append(job.path("state").asString());
    if (job.hasNonNull("stateReason")) {
      text.append(" (").append(job.get("stateReason").asString()).append(')');
    }
    text.append("\n  priority  ")
        .append(job.path("priority").asString())
        .append("\n  processor ")
        .append(job.path("processor").asString())
        .append("\n  tasks     ")
        .append(counts.path("total").asInt())
        .append(" total, ")
        .append(counts.path("succeeded").asInt())
        .append(" succeeded, ")
        .append(counts.path("failed").asInt())
        .append(" failed, ")
        .append(counts.path("cancelled").asInt())
        .append(" cancelled, ")
        .append(counts.path("running").asInt())
        .append(" running, ")
        .append(counts.path("pending").asInt() + counts.path("queued").asInt())
        .append(" waiting")
        .append("\n  created   ")
        .append(job.path("createdAt").asString());
    if (job.hasNonNull("finishedAt")) {
      text.append("\n  finished  ").append(job.get("finishedAt").asString());
    }
    if (job.hasNonNull("deadline")) {
      text.append("\n  deadline  ").append(job.get("deadline").asString());
    }
    return text.toString();
  }

  @Command(name = "list", description = "The tenant's jobs, newest first.")
  static class List extends ApiCommand {
    @Option(names = "--state", description = "only jobs in this state (RUNNING, FAILED, ...)")
    String state;

    @Option(names = "--limit", defaultValue = "50", description = "at most this many (default 50)")
    int limit;

    @Override
    protected int run() {
      FindocApi api = api();
      ArrayNode items = context.json().createArrayNode();
      String cursor = null;
      do {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("state", state);
        query.put("limit", Math.min(1000, limit - items.size()));
        query.put("cursor", cursor);
        JsonNode page = api.get(FindocApi.path("/api/batch/jobs", query));
        page.path("items").forEach(items::add);
        cursor = page.hasNonNull("next") ? page.get("next").asString() : null;
      } while (cursor != null && items.size() < limit);
      printer().list(items, COLUMNS);
      return ExitCode.SUCCEEDED;
    }
  }

  @Command(name = "show", description = "One job: its state, counts and times.")
  static class Show extends ApiCommand {
    @Parameters(paramLabel = "JOB")
    String job;

    @Override
    protected int run() {
      printer().item(api().get("/api/batch/jobs/" + job), JobsCommand::describe);
      return ExitCode.SUCCEEDED;
    }
  }

  @Command(
      name = "watch",
      description = {
        "Follow jobs to their end: a progress bar on a terminal, a line every 5 s elsewhere.",
        "Exit 0 all succeeded, 3 some failed, 4 cancelled, 5 --timeout ran out."
      })
  static class Watch extends ApiCommand {
    @Parameters(arity = "1..*", paramLabel = "JOB")
    java.util.List<String> jobs;

    @Option(
        names = "--timeout",
        paramLabel = "DURATION",
        converter = DurationConverter.class,
        description = "stop watching after this long (exit 5)")
    Duration timeout;

    @Override
    protected int run() {
      JobWatcher.Ending ending =
          watcher(api()).watch(jobs, timeout, "findoc jobs watch " + String.join(" ", jobs));
      ArrayNode items = context.json().createArrayNode();
      ending.jobs().forEach(items::add);
      printer().list(items, COLUMNS);
      return ending.exitCode();
    }
  }

  /** A change of one job through {@code PUT}, {@code DELETE} or {@code PATCH}. */
  abstract static class JobChange extends ApiCommand {
    @Parameters(index = "0", paramLabel = "JOB")
    String job;

    abstract JsonNode change(FindocApi api, String path);

    @Override
    protected int run() {
      JsonNode changed = change(api(), "/api/batch/jobs/" + job);
      printer().item(changed, JobsCommand::describe);
      return ExitCode.SUCCEEDED;
    }
  }

  @Command(name = "pause", description = "No task of the job starts any more; running ones end.")
  static class Pause extends JobChange {
    @Override
    JsonNode change(FindocApi api, String path) {
      return api.put(path + "/pause");
    }
  }

  @Command(name = "resume", description = "A paused job goes on.")
  static class Resume extends JobChange {
    @Override
    JsonNode change(FindocApi api, String path) {
      return api.put(path + "/resume");
    }
  }

  @Command(name = "cancel", description = "Cancel every task of the job not done yet.")
  static class Cancel extends JobChange {
    @Option(names = "--reason", description = "why, kept in the job's history")
    String reason;

    @Override
    JsonNode change(FindocApi api, String path) {
      Map<String, Object> query = new LinkedHashMap<>();
      query.put("reason", reason);
      return api.delete(FindocApi.path(path, query));
    }
  }

  @Command(name = "priority", description = "Change the priority of the tasks not yet dispatched.")
  static class Priority extends JobChange {
    @Parameters(index = "1", paramLabel = "PRIORITY", description = "high, normal or low")
    String priority;

    @Override
    JsonNode change(FindocApi api, String path) {
      return api.patch(path, Map.of("priority", priority));
    }
  }

  @Command(name = "history", description = "Every state change and operator action, oldest first.")
  static class History extends ApiCommand {
    @Parameters(paramLabel = "JOB")
    String job;

    @Override
    protected int run() {
      printer()
          .list(
              api().get("/api/batch/jobs/" + job + "/history"),
              java.util.List.of(
                  Column.field("AT", "at"),
                  Column.field("FROM", "fromState"),
                  Column.field("TO", "toState"),
                  Column.field("ACTOR", "actor"),
                  Column.field("DETAIL", "detail")));
      return ExitCode.SUCCEEDED;
    }
  }
}
