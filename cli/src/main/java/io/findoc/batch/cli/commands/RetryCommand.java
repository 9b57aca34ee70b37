package io.findoc.batch.cli.commands;

import io.findoc.batch.cli.ExitCode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** {@code findoc retry JOB}: failed tasks run again, all or those of some groups or codes. */
@Command(
    name = "retry",
    description = "Run a job's failed tasks again: all, or of the --group/--code/--task given.")
public class RetryCommand extends ApiCommand {

  @Parameters(paramLabel = "JOB")
  String job;

  @Option(names = "--group", paramLabel = "FINGERPRINT", description = "a group from 'failures'")
  List<String> groups;

  @Option(names = "--code", paramLabel = "CODE", description = "an error code")
  List<String> codes;

  @Option(names = "--task", paramLabel = "NUMBER", description = "a task number")
  List<Integer> tasks;

  @Override
  protected int run() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("errorGroups", groups);
    body.put("errorCodes", codes);
    body.put("tasks", tasks);
    JsonNode answer = api().post("/api/batch/jobs/" + job + "/retry", body);
    printer()
        .item(
            answer,
            a ->
                a.path("retried").asInt()
                    + " tasks run again\n"
                    + JobsCommand.describe(a.path("job")));
    return ExitCode.SUCCEEDED;
  }
}
