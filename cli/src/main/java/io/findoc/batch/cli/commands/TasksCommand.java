package io.findoc.batch.cli.commands;

import io.findoc.batch.cli.ExitCode;
import io.findoc.batch.cli.http.FindocApi;
import io.findoc.batch.cli.output.Column;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * {@code findoc tasks JOB [--state S]}: a job's tasks in number order, or one with its attempts.
 */
@Command(name = "tasks", description = "A job's tasks, optionally of one state; or one task.")
public class TasksCommand extends ApiCommand {

  @Parameters(index = "0", paramLabel = "JOB")
  String job;

  @Parameters(index = "1", arity = "0..1", paramLabel = "NUMBER", description = "one task, in full")
  Integer number;

  @Option(names = "--state", description = "PENDING, QUEUED, RUNNING, SUCCEEDED, FAILED, ...")
  String state;

  @Option(names = "--limit", defaultValue = "100", description = "at most this many (default 100)")
  int limit;

  @Override
  protected int run() {
    FindocApi api = api();
    String base = "/api/batch/jobs/" + job + "/tasks";
    if (number != null) {
      printer().item(api.get(base + "/" + number), JsonNode::toPrettyString);
      return ExitCode.SUCCEEDED;
    }
    ArrayNode items = context.json().createArrayNode();
    String after = null;
    do {
      Map<String, Object> query = new LinkedHashMap<>();
      query.put("state", state);
      query.put("after", after);
      query.put("limit", Math.min(1000, limit - items.size()));
      JsonNode page = api.get(FindocApi.path(base, query));
      page.path("items").forEach(items::add);
      after = page.hasNonNull("next") ? page.get("next").asString() : null;
    } while (after != null && items.size() < limit);
    printer()
        .list(
            items,
            List.of(
                Column.field("TASK", "number"),
                Column.field("STATE", "state"),
                Column.field("ATTEMPT", "attempt"),
                Column.field("WORKER", "worker"),
                Column.field("ERROR", "error.code"),
                Column.field("DOCUMENT", "documentId")));
    return ExitCode.SUCCEEDED;
  }
}
