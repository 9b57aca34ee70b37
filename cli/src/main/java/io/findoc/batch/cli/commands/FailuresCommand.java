package io.findoc.batch.cli.commands;

import io.findoc.batch.cli.ExitCode;
import io.findoc.batch.cli.output.Column;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** {@code findoc failures JOB}: the job's failed tasks grouped by error, or every one as CSV. */
@Command(
    name = "failures",
    description = "A job's failures in groups (code, pattern, how many); --csv: one line per task.")
public class FailuresCommand extends ApiCommand {

  @Parameters(paramLabel = "JOB")
  String job;

  @Option(names = "--csv", description = "every failed task as CSV on stdout")
  boolean csv;

  @Override
  protected int run() {
    String path = "/api/batch/jobs/" + job + "/errors";
    if (csv) {
      try (InputStream body = api().stream(path + "?format=csv", "text/csv")) {
        body.transferTo(context.out());
        context.out().flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return ExitCode.SUCCEEDED;
    }
    JsonNode report = api().get(path);
    if (output == io.findoc.batch.cli.output.OutputFormat.text) {
      context.out().println(report.path("failedTasks").asLong() + " failed tasks");
    }
    printer()
        .list(
            output == io.findoc.batch.cli.output.OutputFormat.json ? report : report.path("groups"),
            List.of(
                Column.field("GROUP", "fingerprint"),
                Column.field("CODE", "errorCode"),
                Column.field("TASKS", "tasks"),
                Column.field("SAMPLE", "sampleMessage")));
    return ExitCode.SUCCEEDED;
  }
}
